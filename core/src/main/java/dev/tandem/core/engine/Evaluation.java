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
    String type = Users.type(object);
    List<TupleKey> fromContext =
        contextualByObject.getOrDefault(object + "#" + relation, List.of());
    List<TupleKey> stored = store.findByObject(object, relation);
    List<TupleKey> result = new ArrayList<>(fromContext.size() + stored.size());
    for (TupleKey tuple : fromContext) {
      if (types.admits(type, relation, tuple)) {
        result.add(tuple);
      }
    }
    for (TupleKey tuple : stored) {
      if (types.admits(type, relation, tuple)) {
        result.add(tuple);
      }
    }
    return result;
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
