package dev.tandem.spring;

import dev.tandem.core.actor.Actor;
import dev.tandem.core.actor.InvalidActorException;
import dev.tandem.core.authz.Authorizer;
import dev.tandem.core.http.AuthorizationProblem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

/** Post-filtering of a returned collection ({@code @FilterByRelation}), in one batch. */
final class ResultFiltering {

  private ResultFiltering() {}

  /**
   * The elements of {@code result} on which every principal of {@code actor} has the filter's
   * relation, in order. Elements whose id cannot be read or is invalid are dropped; a backend that
   * cannot answer fails the call (503) rather than returning unfiltered elements.
   */
  static @Nullable Object filter(
      MethodPlan.ResultFilter filter,
      Actor actor,
      @Nullable Object result,
      Authorizer authorizer,
      Duration retryAfter) {
    if (result == null) {
      return null;
    }
    if (!(result instanceof Collection<?> elements)) {
      // Startup validation only admits List, Set and Collection; never pass anything else through.
      throw new TandemAccessDeniedException(AuthorizationProblem.forbidden());
    }
    SimpleEvaluationContext context = SimpleEvaluationContext.forReadOnlyDataBinding().build();
    List<@Nullable String> objects = new ArrayList<>(elements.size());
    Set<String> candidates = new LinkedHashSet<>();
    for (Object element : elements) {
      String object = element == null ? null : object(filter, context, element);
      objects.add(object);
      if (object != null) {
        candidates.add(object);
      }
    }
    Set<String> allowed =
        candidates.isEmpty()
            ? Set.of()
            : allowed(authorizer, actor, filter.relation(), candidates, retryAfter);
    Collection<Object> kept = filter.set() ? new LinkedHashSet<>() : new ArrayList<>();
    int i = 0;
    for (Object element : elements) {
      String object = objects.get(i++);
      if (object != null && allowed.contains(object)) {
        kept.add(element);
      }
    }
    return kept;
  }

  private static @Nullable String object(
      MethodPlan.ResultFilter filter, SimpleEvaluationContext context, Object element) {
    try {
      return ObjectIds.object(filter.type(), filter.id().getValue(context, element));
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static Set<String> allowed(
      Authorizer authorizer,
      Actor actor,
      String relation,
      Set<String> candidates,
      Duration retryAfter) {
    try {
      return new HashSet<>(authorizer.filter(actor, relation, candidates));
    } catch (InvalidActorException e) {
      throw new TandemAccessDeniedException(AuthorizationProblem.invalidToken(), e);
    } catch (RuntimeException e) {
      throw new TandemAccessDeniedException(AuthorizationProblem.unavailable(retryAfter), e);
    }
  }
}
