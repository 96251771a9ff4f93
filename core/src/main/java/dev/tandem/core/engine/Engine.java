package dev.tandem.core.engine;

import dev.tandem.core.ErrorCode;
import dev.tandem.core.FgaException;
import dev.tandem.core.FgaValidationException;
import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.tuple.TupleKey;
import dev.tandem.core.tuple.TupleStore;
import dev.tandem.core.tuple.TupleValidator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The embedded authorization engine: OpenFGA's Check, BatchCheck, ListObjects, ListUsers and Expand
 * over a model and a {@link TupleStore}.
 *
 * <p>Semantics follow OpenFGA's: contextual tuples and condition context, wildcards, usersets, a
 * resolution depth limit of 25 ({@link ErrorCode#AUTHORIZATION_MODEL_RESOLUTION_TOO_COMPLEX}),
 * cycles evaluating to false, and stored tuples that no longer fit the model's type restrictions
 * being ignored. Requests are validated first ({@link FgaValidationException} with OpenFGA's error
 * codes). Thread-safe; one instance serves any number of models and stores.
 */
public final class Engine {

  /** OpenFGA's limit on contextual tuples per request. */
  public static final int MAX_CONTEXTUAL_TUPLES = 100;

  /** The checker key of requests without contextual tuples or context. */
  private static final List<Object> NO_CONTEXT = List.of(List.of(), Map.of());

  private final ModelCache models = new ModelCache();

  /** Creates an engine. */
  public static Engine create() {
    return new Engine();
  }

  private Engine() {}

  /**
   * Checks whether {@code request.user()} has {@code request.relation()} on {@code
   * request.object()}.
   *
   * @throws FgaValidationException when the request is invalid for the model, a condition cannot be
   *     evaluated, or resolution is too deep
   */
  public CheckResult check(AuthorizationModel model, TupleStore tuples, CheckRequest request) {
    TypeSystem types = models.get(model);
    List<TupleKey> contextual = limit(request.contextualTuples());
    TupleValidator.validateCheckRequest(
        model, request.object(), request.relation(), request.user(), contextual);
    return evaluate(types, tuples, request, contextual, new HashMap<>(), 1);
  }

  /**
   * Evaluates several checks; each item's outcome is independent of the others, in request order.
   * Checks with the same contextual tuples and context share intermediate answers, so filtering
   * many objects that hang off the same parents costs little more than one check per parent.
   */
  public List<BatchCheckItem> batchCheck(
      AuthorizationModel model, TupleStore tuples, List<CheckRequest> requests) {
    TypeSystem types = models.get(model);
    Map<List<Object>, Checker> checkers = new HashMap<>();
    List<BatchCheckItem> items = new ArrayList<>(requests.size());
    Map<Group, Integer> groupSizes = groupSizes(requests);
    Map<Group, Optional<Map<String, ReverseExpansion.Found>>> expanded = new HashMap<>();
    @Nullable String validUser = null;
    for (CheckRequest request : requests) {
      try {
        List<TupleKey> contextual = limit(request.contextualTuples());
        // A batch usually asks about one user: its checks need not run once per request.
        if (request.user().equals(validUser)) {
          TupleValidator.validateCheckRequestOfValidUser(
              model, request.object(), request.relation(), contextual);
        } else {
          TupleValidator.validateCheckRequest(
              model, request.object(), request.relation(), request.user(), contextual);
          validUser = request.user();
        }
        Map<String, ReverseExpansion.Found> objects =
            groupSizes.isEmpty()
                ? null
                : objectsOfGroup(types, tuples, request, groupSizes, expanded);
        ReverseExpansion.@Nullable Found found =
            objects == null ? null : objects.get(request.object());
        items.add(
            new BatchCheckItem.Evaluated(
                objects == null || found == ReverseExpansion.Found.UNDECIDED
                    ? evaluate(types, tuples, request, contextual, checkers, requests.size())
                    : found == ReverseExpansion.Found.ALLOWED
                        ? CheckResult.ALLOWED
                        : CheckResult.DENIED));
      } catch (FgaException e) {
        items.add(new BatchCheckItem.Failed(e));
      }
    }
    return items;
  }

  /**
   * Requests without contextual tuples that ask about one relation of one user on objects of one
   * type with one condition context, in groups of at least {@value #MIN_GROUP}: for these, the
   * objects the user can reach backwards from its tuples may cost fewer lookups than a check per
   * object.
   */
  private static Map<Group, Integer> groupSizes(List<CheckRequest> requests) {
    if (requests.size() < MIN_GROUP) {
      return Map.of();
    }
    Map<Group, Integer> sizes = new HashMap<>();
    for (CheckRequest request : requests) {
      if (request.contextualTuples().isEmpty()) {
        sizes.merge(Group.of(request), 1, Integer::sum);
      }
    }
    sizes.values().removeIf(size -> size < MIN_GROUP);
    return sizes;
  }

  /**
   * The objects of the request's type on which its user has its relation or whose check may fail,
   * computed once per group by {@link ReverseExpansion}, or null when the request is to be checked
   * on its own. Called only for requests that passed validation.
   */
  private static @Nullable Map<String, ReverseExpansion.Found> objectsOfGroup(
      TypeSystem types,
      TupleStore tuples,
      CheckRequest request,
      Map<Group, Integer> groupSizes,
      Map<Group, Optional<Map<String, ReverseExpansion.Found>>> expanded) {
    if (!request.contextualTuples().isEmpty()) {
      return null;
    }
    Group group = Group.of(request);
    Integer size = groupSizes.get(group);
    if (size == null) {
      return null;
    }
    Optional<Map<String, ReverseExpansion.Found>> objects = expanded.get(group);
    if (objects == null) {
      objects =
          Optional.ofNullable(
              ReverseExpansion.expand(
                  new Evaluation(types, tuples, List.of(), request.context()),
                  group.type(),
                  group.relation(),
                  group.user(),
                  BUDGET_PER_CHECK * size));
      expanded.put(group, objects);
    }
    return objects.orElse(null);
  }

  /**
   * Tuples a reverse expansion may read per check it replaces before giving up: a check of one
   * object costs a few point lookups, so a walk of this many tuples per object still costs less.
   */
  private static final int BUDGET_PER_CHECK = 4;

  /** The smallest group of like requests worth a reverse expansion. */
  private static final int MIN_GROUP = 32;

  /**
   * Requests asking about one relation of one user on objects of one type, with one context (the
   * walk evaluates conditions with it).
   */
  private record Group(String type, String relation, String user, Map<String, Object> context) {
    static Group of(CheckRequest request) {
      return new Group(
          Users.type(request.object()), request.relation(), request.user(), request.context());
    }
  }

  private static CheckResult evaluate(
      TypeSystem types,
      TupleStore tuples,
      CheckRequest request,
      List<TupleKey> contextual,
      Map<List<Object>, Checker> checkers,
      int checks) {
    List<TupleKey> distinct = distinct(contextual);
    // Most requests carry neither contextual tuples nor context: skip hashing them for the key.
    List<Object> key =
        distinct.isEmpty() && request.context().isEmpty()
            ? NO_CONTEXT
            : List.of(distinct, request.context());
    Checker checker =
        checkers.computeIfAbsent(
            key,
            k -> new Checker(new Evaluation(types, tuples, distinct, request.context()), checks));
    Checker.Result result = checker.check(request.object(), request.relation(), request.user());
    return switch (result) {
      case TRUE -> CheckResult.ALLOWED;
      case FALSE -> CheckResult.DENIED;
      case CYCLE -> CheckResult.CYCLE;
    };
  }

  /**
   * The objects of {@code request.type()} on which the user has the relation, sorted.
   *
   * @throws FgaValidationException as {@link #check} does
   */
  public Set<String> listObjects(
      AuthorizationModel model, TupleStore tuples, ListObjectsRequest request) {
    TypeSystem types = models.get(model);
    List<TupleKey> contextual = distinct(limit(request.contextualTuples()));
    TupleValidator.validateListObjectsRequest(
        model, request.type(), request.relation(), request.user(), contextual);
    Evaluation evaluation = new Evaluation(types, tuples, contextual, request.context());
    Set<String> candidates = new TreeSet<>();
    for (TupleKey tuple : tuples.read(request.type() + ":", null, null)) {
      candidates.add(tuple.object());
    }
    for (TupleKey tuple : contextual) {
      if (tuple.objectType().equals(request.type())) {
        candidates.add(tuple.object());
      }
    }
    // A userset contains itself (see Checker), so its object qualifies even without tuples.
    if (Users.isUserset(request.user()) && Users.type(request.user()).equals(request.type())) {
      candidates.add(Users.usersetObject(request.user()));
    }
    Set<String> objects = new LinkedHashSet<>();
    Checker checker = new Checker(evaluation);
    for (String candidate : candidates) {
      if (checker.check(candidate, request.relation(), request.user()) == Checker.Result.TRUE) {
        objects.add(candidate);
      }
    }
    return objects;
  }

  /**
   * The users of the requested kind that have the relation on the object: {@code type:id}, {@code
   * type:*} for a public grant, or {@code type:id#relation} for a userset filter.
   *
   * @throws FgaValidationException as {@link #check} does
   */
  public Set<String> listUsers(
      AuthorizationModel model, TupleStore tuples, ListUsersRequest request) {
    TypeSystem types = models.get(model);
    List<TupleKey> contextual = distinct(limit(request.contextualTuples()));
    TupleValidator.validateListUsersRequest(
        model, request.object(), request.relation(), request.userFilters(), contextual);
    Evaluation evaluation = new Evaluation(types, tuples, contextual, request.context());
    Set<String> users = new TreeSet<>();
    for (String filter : request.userFilters()) {
      int hash = filter.indexOf('#');
      UserLister lister =
          hash < 0
              ? new UserLister(evaluation, filter, null)
              : new UserLister(evaluation, filter.substring(0, hash), filter.substring(hash + 1));
      users.addAll(lister.list(request.object(), request.relation()));
    }
    return users;
  }

  /**
   * One level of the userset tree of {@code request.object()#request.relation()}: OpenFGA's Expand.
   * Leaves list the users and usersets of the tuples on that object, contextual tuples included,
   * that fit the model's type restrictions; conditions are not evaluated.
   *
   * @throws FgaValidationException when the object, relation or a contextual tuple is invalid for
   *     the model
   */
  public UsersetTree expand(AuthorizationModel model, TupleStore tuples, ExpandRequest request) {
    TypeSystem types = models.get(model);
    List<TupleKey> contextual = distinct(limit(request.contextualTuples()));
    TupleValidator.validateExpandRequest(model, request.object(), request.relation(), contextual);
    return new Expander(new Evaluation(types, tuples, contextual, Map.of()))
        .expand(request.object(), request.relation());
  }

  private static List<TupleKey> limit(List<TupleKey> tuples) {
    if (tuples.size() > MAX_CONTEXTUAL_TUPLES) {
      throw new FgaValidationException(
          ErrorCode.VALIDATION_ERROR,
          "at most "
              + MAX_CONTEXTUAL_TUPLES
              + " contextual tuples are allowed, got "
              + tuples.size());
    }
    return tuples;
  }

  /** Contextual tuples with repeats removed, as OpenFGA ignores duplicates. */
  private static List<TupleKey> distinct(List<TupleKey> tuples) {
    return tuples.size() < 2 ? tuples : List.copyOf(new LinkedHashSet<>(tuples));
  }

  /** Prepared models, looked up by identity: the same model instance is prepared once. */
  private static final class ModelCache {
    private static final int SIZE = 8;
    private volatile TypeSystem[] slots = new TypeSystem[0];

    TypeSystem get(AuthorizationModel model) {
      for (TypeSystem types : slots) {
        if (types.model() == model) {
          return types;
        }
      }
      TypeSystem prepared = new TypeSystem(model);
      synchronized (this) {
        TypeSystem[] current = slots;
        int keep = Math.min(current.length, SIZE - 1);
        TypeSystem[] updated = new TypeSystem[keep + 1];
        updated[0] = prepared;
        System.arraycopy(current, 0, updated, 1, keep);
        slots = updated;
      }
      return prepared;
    }
  }
}
