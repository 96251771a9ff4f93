package dev.tandem.core.authz;

import dev.tandem.core.FgaValidationException;
import dev.tandem.core.actor.Actor;
import dev.tandem.core.actor.InvalidActorException;
import dev.tandem.core.actor.SubjectMapper;
import dev.tandem.core.actor.SubjectTypes;
import dev.tandem.core.client.FgaClient;
import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.tuple.Identifiers;
import dev.tandem.core.tuple.TupleKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether every principal behind a request holds a relation: the tandem rule.
 *
 * <p>For an {@link Actor}, the principals are the user or service account; the consent of the
 * third-party app acting for the user, if any; and the agent's task, if any. A decision is granted
 * only if each of them holds the relation, the task is bound to this user and this agent ({@link
 * Conventions.TaskRelations}), and a service account belongs to the tenant it names ({@link
 * Conventions.TenantBinding}). Nested {@code act} entries never count. All checks of one call go
 * out in one {@link FgaClient#batchCheck}.
 *
 * <p>Every check carries {@code current_time} (RFC 3339, from the {@link Clock}, rounded up to the
 * second) in its context, so expiring task grants behave alike on the embedded engine and a remote
 * OpenFGA; a {@code current_time} in the caller's context is replaced.
 *
 * <p>Fails closed. {@code decide} never throws for bad input or a failing backend: ids the {@link
 * SubjectMapper} rejects are denied {@link DenialReason#INVALID_SUBJECT} without any FGA call; an
 * invalid relation or object, or contextual tuples that name a consent or task, {@link
 * DenialReason#INVALID_REQUEST}; a principal whose type the model does not define {@link
 * DenialReason#TYPE_NOT_IN_MODEL} (logged once per type); a backend error {@link
 * DenialReason#UNAVAILABLE}. {@link #listObjects} and {@link #filter} never return an object some
 * principal may not access, and throw an {@link dev.tandem.core.FgaException} when they cannot
 * answer. Thread-safe.
 */
public final class Authorizer {

  private final FgaClient client;
  private final SubjectMapper subjects;
  private final Clock clock;
  private final Conventions conventions;
  private final ChainQueries queries;
  private final boolean reuseChains;
  private final Decisions decisions = new Decisions();
  private volatile @Nullable Chain lastChain;

  private Authorizer(Builder builder) {
    this.client = builder.client;
    this.subjects = builder.subjects;
    this.reuseChains = builder.defaultSubjects;
    this.clock = builder.clock;
    this.conventions = builder.conventions;
    this.queries = new ChainQueries(builder.client, builder.filterChunkSize);
  }

  /** An authorizer with the default subjects, system clock and conventions. */
  public static Authorizer create(FgaClient client) {
    return builder(client).build();
  }

  /** A builder over {@code client}. */
  public static Builder builder(FgaClient client) {
    return new Builder(client);
  }

  /**
   * The client this authorizer sends its checks to, e.g. to read the model its decisions are made
   * against.
   */
  public FgaClient client() {
    return client;
  }

  /** Whether every principal of {@code actor} has {@code relation} on {@code object}. */
  public Decision decide(Actor actor, String relation, String object) {
    return decideAll(actor, List.of(Permission.of(relation, object))).get(0);
  }

  /**
   * {@link #decide(Actor, String, String)} with contextual tuples and condition context, applied to
   * the check of every principal.
   */
  public Decision decide(
      Actor actor,
      String relation,
      String object,
      List<TupleKey> contextualTuples,
      Map<String, Object> context) {
    return decideAll(actor, List.of(Permission.of(relation, object)), contextualTuples, context)
        .get(0);
  }

  /** One decision per permission, in order, from a single batch of checks. */
  public List<Decision> decideAll(Actor actor, List<Permission> permissions) {
    return decideAll(actor, permissions, List.of(), Map.of());
  }

  /**
   * {@link #decideAll(Actor, List)} with contextual tuples and condition context, applied to the
   * check of every principal (not to the task and tenant bindings, which must be stored).
   */
  public List<Decision> decideAll(
      Actor actor,
      List<Permission> permissions,
      List<TupleKey> contextualTuples,
      Map<String, Object> context) {
    Chain chain = chain(actor);
    if (!chain.isValid()) {
      List<Decision> denied = new ArrayList<>(permissions.size());
      for (Permission permission : permissions) {
        denied.add(new Decision.Denied(permission.relation(), permission.object(), chain.invalid));
      }
      return denied;
    }
    Map<String, Object> fullContext = context(context);
    boolean tuplesAllowed = contextualTuplesAllowed(contextualTuples);
    Checks checks = new Checks();
    List<int @Nullable []> memberChecks = new ArrayList<>(permissions.size());
    for (Permission permission : permissions) {
      if (!tuplesAllowed || !valid(permission)) {
        memberChecks.add(null);
        continue;
      }
      int[] indexes = new int[chain.members.size()];
      for (int i = 0; i < indexes.length; i++) {
        indexes[i] =
            checks.addUnique(
                new CheckRequest(
                    permission.object(),
                    permission.relation(),
                    chain.members.get(i).subject(),
                    contextualTuples,
                    fullContext));
      }
      memberChecks.add(indexes);
    }
    int[] preconditionChecks = new int[chain.preconditions.size()];
    if (checks.size() > 0) {
      for (int i = 0; i < preconditionChecks.length; i++) {
        Chain.Precondition p = chain.preconditions.get(i);
        preconditionChecks[i] =
            checks.addUnique(
                new CheckRequest(p.object(), p.relation(), p.user(), List.of(), fullContext));
      }
    }
    Checks.Outcome[] outcomes = checks.run(client);
    Decisions.Batch batch =
        new Decisions.Batch(
            chain, checks, outcomes, preconditionChecks, contextualTuples, fullContext);
    List<Decision> decisions = new ArrayList<>(permissions.size());
    for (int p = 0; p < permissions.size(); p++) {
      decisions.add(this.decisions.of(permissions.get(p), memberChecks.get(p), batch));
    }
    return decisions;
  }

  /**
   * The objects of {@code type} on which every principal of {@code actor} has {@code relation}: the
   * intersection of one list-objects call per principal, for pre-filtering a retrieval query.
   *
   * @throws dev.tandem.core.actor.InvalidActorException when an id of the actor is rejected
   * @throws dev.tandem.core.FgaException when the backend cannot answer
   */
  public Set<String> listObjects(Actor actor, String relation, String type) {
    Identifiers.validateRelation(relation);
    Identifiers.validateType(type);
    return queries.listObjects(validChain(actor), relation, type, context(Map.of()));
  }

  /**
   * The candidates on which every principal of {@code actor} has {@code relation}, in their order,
   * without repeats, for post-filtering retrieved documents. Candidates are taken in chunks ({@link
   * Builder#filterChunkSize}); within a chunk, one batch checks the narrowest principal (task, then
   * consent, then user or service account) and each next batch only the candidates still in.
   * Invalid candidates and candidates whose check failed are left out.
   *
   * @throws dev.tandem.core.actor.InvalidActorException when an id of the actor is rejected
   * @throws dev.tandem.core.FgaException when the backend cannot answer
   */
  public List<String> filter(Actor actor, String relation, Collection<String> candidates) {
    Identifiers.validateRelation(relation);
    return queries.filter(validChain(actor), relation, candidates, context(Map.of()));
  }

  /**
   * The chain of {@code actor}. The default subject mapper depends on nothing but the ids, so the
   * chain of the last actor is reused while that actor asks again (as the calls of one request do);
   * a mapper of the application's own may answer differently over time, and is asked every time.
   */
  private Chain chain(Actor actor) {
    if (!reuseChains) {
      return Chain.of(actor, subjects, conventions);
    }
    Chain last = lastChain;
    if (last != null && last.actor.equals(actor)) {
      return last;
    }
    Chain chain = Chain.of(actor, subjects, conventions);
    lastChain = chain;
    return chain;
  }

  private Chain validChain(Actor actor) {
    Chain chain = chain(actor);
    if (!chain.isValid()) {
      throw new InvalidActorException(chain.describeInvalid());
    }
    return chain;
  }

  private static boolean valid(Permission permission) {
    try {
      permission.requireValid();
      return true;
    } catch (FgaValidationException e) {
      return false;
    }
  }

  /**
   * Consent and task grants come only from {@link Consents} and {@link TaskGrants}: a contextual
   * tuple naming a consent or task could forge one.
   */
  private boolean contextualTuplesAllowed(List<TupleKey> tuples) {
    SubjectTypes types = subjects.types();
    for (TupleKey tuple : tuples) {
      for (String type : List.of(tuple.objectType(), tuple.userType())) {
        if (type.equals(types.consent()) || type.equals(types.task())) {
          return false;
        }
      }
    }
    return true;
  }

  private Map<String, Object> context(Map<String, Object> context) {
    if (context.isEmpty()) {
      return Map.of(conventions.expiry().currentTime(), Times.currentTime(clock));
    }
    Map<String, Object> full = new LinkedHashMap<>(context);
    full.put(conventions.expiry().currentTime(), Times.currentTime(clock));
    return full;
  }

  /** Builds an {@link Authorizer}. */
  public static final class Builder {
    private final FgaClient client;
    private SubjectMapper subjects = SubjectMapper.defaults();
    private boolean defaultSubjects = true;
    private Clock clock = Clock.systemUTC();
    private Conventions conventions = Conventions.DEFAULT;
    private int filterChunkSize = 10_000;

    private Builder(FgaClient client) {
      this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * How principals map to FGA subjects; {@link SubjectMapper#defaults()} by default. A mapper
     * given here is asked on every decision; the default one, which depends on nothing but the ids,
     * only when the actor differs from the last one decided.
     */
    public Builder subjects(SubjectMapper subjects) {
      this.subjects = Objects.requireNonNull(subjects, "subjects");
      this.defaultSubjects = false;
      return this;
    }

    /** The clock behind {@code current_time}; the system UTC clock by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The model conventions; {@link Conventions#DEFAULT} by default. */
    public Builder conventions(Conventions conventions) {
      this.conventions = Objects.requireNonNull(conventions, "conventions");
      return this;
    }

    /**
     * Candidates checked per batch by {@link Authorizer#filter}; 10,000 by default. Larger batches
     * let the embedded engine answer a whole batch from one walk from the user; remote clients
     * split batches into calls of 50 anyway.
     */
    public Builder filterChunkSize(int candidates) {
      if (candidates < 1) {
        throw new IllegalArgumentException("filterChunkSize must be positive, got " + candidates);
      }
      this.filterChunkSize = candidates;
      return this;
    }

    /** The authorizer. */
    public Authorizer build() {
      return new Authorizer(this);
    }
  }
}
