package dev.tandem.core.authz;

import dev.tandem.core.ErrorCode;
import dev.tandem.core.FgaException;
import dev.tandem.core.FgaUnavailableException;
import dev.tandem.core.FgaValidationException;
import dev.tandem.core.client.FgaClient;
import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.engine.ListObjectsRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * {@link Authorizer#listObjects} and {@link Authorizer#filter}: the tandem rule over many objects.
 */
final class ChainQueries {

  private final FgaClient client;
  private final int chunkSize;

  ChainQueries(FgaClient client, int chunkSize) {
    this.client = client;
    this.chunkSize = chunkSize;
  }

  Set<String> listObjects(Chain chain, String relation, String type, Map<String, Object> context) {
    if (!bindingsHold(chain, context)) {
      return Set.of();
    }
    @Nullable Set<String> result = null;
    // The narrowest principal (task, then consent) usually comes last in the chain; start there.
    for (int i = chain.members.size() - 1; i >= 0; i--) {
      ListObjectsRequest request =
          new ListObjectsRequest(
              type, relation, chain.members.get(i).subject(), List.of(), context);
      Set<String> objects = call(() -> client.listObjects(request));
      if (result == null) {
        result = new LinkedHashSet<>();
        for (String object : objects) {
          if (object.startsWith(type + ":")) {
            result.add(object);
          }
        }
      } else {
        result.retainAll(objects);
      }
      if (result.isEmpty()) {
        break;
      }
    }
    return result == null ? Set.of() : Collections.unmodifiableSet(result);
  }

  List<String> filter(
      Chain chain, String relation, Collection<String> candidates, Map<String, Object> context) {
    List<String> unique = new ArrayList<>(new LinkedHashSet<>(candidates));
    unique.removeIf(candidate -> !Chain.validObject(candidate));
    if (unique.isEmpty() || !bindingsHold(chain, context)) {
      return List.of();
    }
    List<String> allowed = new ArrayList<>();
    for (int from = 0; from < unique.size(); from += chunkSize) {
      List<String> alive =
          new ArrayList<>(unique.subList(from, Math.min(unique.size(), from + chunkSize)));
      // The narrowest principal (task, then consent) comes last in the chain: check it first,
      // and each next principal only on the candidates still in.
      for (int m = chain.members.size() - 1; m >= 0 && !alive.isEmpty(); m--) {
        alive = allowedFor(chain.members.get(m), relation, alive, context);
      }
      allowed.addAll(alive);
    }
    return Collections.unmodifiableList(allowed);
  }

  /** The candidates on which {@code member} has {@code relation}, in order; one batch call. */
  private List<String> allowedFor(
      Chain.Member member, String relation, List<String> candidates, Map<String, Object> context) {
    Checks checks = new Checks();
    for (String candidate : candidates) {
      checks.add(new CheckRequest(candidate, relation, member.subject(), List.of(), context));
    }
    Checks.Outcome[] outcomes = checks.run(client);
    throwIfFailed(checks);
    List<String> allowed = new ArrayList<>();
    for (int i = 0; i < outcomes.length; i++) {
      if (outcomes[i] == Checks.Outcome.ALLOWED) {
        allowed.add(candidates.get(i));
      }
    }
    return allowed;
  }

  /**
   * Whether the actor's task and tenant bindings hold; throws when they cannot be checked, since a
   * list cannot say which principal failed.
   */
  private boolean bindingsHold(Chain chain, Map<String, Object> context) {
    if (chain.preconditions.isEmpty()) {
      return true;
    }
    Checks checks = new Checks();
    for (Chain.Precondition p : chain.preconditions) {
      checks.add(new CheckRequest(p.object(), p.relation(), p.user(), List.of(), context));
    }
    Checks.Outcome[] outcomes = checks.run(client);
    throwIfFailed(checks);
    boolean hold = true;
    for (Checks.Outcome outcome : outcomes) {
      if (outcome == Checks.Outcome.INVALID) {
        throw new FgaValidationException(
            ErrorCode.VALIDATION_ERROR,
            "a task or tenant binding of the actor was rejected by the backend");
      }
      if (outcome == Checks.Outcome.UNAVAILABLE) {
        throw new FgaUnavailableException(
            "a task or tenant binding of the actor could not be checked");
      }
      hold &= outcome == Checks.Outcome.ALLOWED;
    }
    return hold;
  }

  private static void throwIfFailed(Checks checks) {
    FgaException failure = checks.failure();
    if (failure != null) {
      throw failure;
    }
  }

  private static <T> T call(Supplier<T> query) {
    try {
      return query.get();
    } catch (FgaException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new FgaUnavailableException("list objects failed: " + e, e);
    }
  }
}
