package dev.tandem.core.engine;

import dev.tandem.core.ErrorCode;
import dev.tandem.core.FgaValidationException;
import dev.tandem.core.internal.condition.ConditionOutcome;
import dev.tandem.core.tuple.TupleKey;
import dev.tandem.core.tuple.TupleStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The state one request is evaluated against: the prepared model, the stored tuples plus the
 * request's contextual tuples, and the request's condition context.
 */
final class Evaluation {

  static final int MAX_DEPTH = 25;

  private final TypeSystem types;
  private final TupleStore store;
  private final Map<String, List<TupleKey>> contextualByObject = new HashMap<>();
  private final List<TupleKey> contextual;
  private final Map<String, Object> context;

  Evaluation(
      TypeSystem types,
      TupleStore store,
      List<TupleKey> contextualTuples,
      Map<String, Object> context) {
    this.types = types;
    this.store = store;
    this.contextual = contextualTuples;
    this.context = context;
    for (TupleKey tuple : contextualTuples) {
      contextualByObject
          .computeIfAbsent(tuple.object() + "#" + tuple.relation(), k -> new ArrayList<>())
          .add(tuple);
    }
  }

  TypeSystem types() {
    return types;
  }

  TupleStore store() {
    return store;
  }

  List<TupleKey> contextualTuples() {
    return contextual;
  }

  /**
   * The tuples on {@code object#relation} that fit the current model: contextual tuples first, then
   * stored ones.
   */
  List<TupleKey> read(String object, String relation) {
    Restrictions restrictions = types.restrictions(Users.type(object), relation);
    List<TupleKey> fromContext = contextual(object, relation);
    List<TupleKey> stored = store.findByObject(object, relation);
    List<TupleKey> result = new ArrayList<>(fromContext.size() + stored.size());
    addAdmitted(fromContext, restrictions, result);
    addAdmitted(stored, restrictions, result);
    return result;
  }

  /**
   * The tuples on {@code object#relation} whose user is exactly {@code user} and that fit {@code
   * restrictions} (those of the object's type and {@code relation}): contextual first, then the
   * stored one. Usually none or one.
   */
  List<TupleKey> readExact(String object, String relation, String user, Restrictions restrictions) {
    TupleKey stored = store.find(object, relation, user);
    if (contextual.isEmpty()) {
      return stored == null || !restrictions.admits(user, stored.condition())
          ? List.of()
          : List.of(stored);
    }
    List<TupleKey> result = new ArrayList<>(2);
    for (TupleKey tuple : contextual(object, relation)) {
      if (tuple.user().equals(user) && restrictions.admits(user, tuple.condition())) {
        result.add(tuple);
      }
    }
    if (stored != null && restrictions.admits(user, stored.condition())) {
      result.add(stored);
    }
    return result;
  }

  /**
   * The tuples on {@code object#relation} whose user is a userset {@code type:id#relation} and that
   * fit {@code restrictions}: contextual first, then stored ones.
   */
  List<TupleKey> readUsersets(String object, String relation, Restrictions restrictions) {
    List<TupleKey> stored = store.findUsersets(object, relation);
    List<TupleKey> fromContext = contextual(object, relation);
    List<TupleKey> result = new ArrayList<>(fromContext.size() + stored.size());
    for (TupleKey tuple : fromContext) {
      if (Users.isUserset(tuple.user()) && restrictions.admits(tuple.user(), tuple.condition())) {
        result.add(tuple);
      }
    }
    addAdmitted(stored, restrictions, result);
    return result;
  }

  private List<TupleKey> contextual(String object, String relation) {
    if (contextual.isEmpty()) {
      return List.of();
    }
    return contextualByObject.getOrDefault(object + "#" + relation, List.of());
  }

  private static void addAdmitted(
      List<TupleKey> tuples, Restrictions restrictions, List<TupleKey> result) {
    for (TupleKey tuple : tuples) {
      if (restrictions.admits(tuple.user(), tuple.condition())) {
        result.add(tuple);
      }
    }
  }

  /**
   * Whether the tuple's condition holds (true for unconditional tuples).
   *
   * @throws FgaValidationException when parameters are missing or cannot be evaluated
   */
  boolean conditionHolds(TupleKey tuple) {
    if (tuple.condition() == null) {
      return true;
    }
    ConditionOutcome outcome =
        types.conditions().evaluate(tuple.condition().name(), tuple.condition().context(), context);
    if (outcome instanceof ConditionOutcome.MissingParameters missing) {
      throw new FgaValidationException(
          ErrorCode.VALIDATION_ERROR,
          "failed to evaluate relationship condition '"
              + tuple.condition().name()
              + "' on "
              + tuple.withoutCondition()
              + ": missing context parameters "
              + missing.names());
    }
    return outcome instanceof ConditionOutcome.Met;
  }

  static FgaValidationException tooComplex() {
    return new FgaValidationException(
        ErrorCode.AUTHORIZATION_MODEL_RESOLUTION_TOO_COMPLEX,
        "authorization model resolution too complex: more than " + MAX_DEPTH + " nested steps");
  }
}
