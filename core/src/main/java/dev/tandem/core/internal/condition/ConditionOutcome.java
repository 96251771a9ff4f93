package dev.tandem.core.internal.condition;

import java.util.List;

/**
 * The result of evaluating a condition: met, not met, or not decidable because declared parameters
 * had no value in the merged context.
 *
 * <p>OpenFGA answers a check with an error when a tuple's condition lacks parameters, even if the
 * expression could be decided without them; {@link MissingParameters} lets the engine do the same.
 */
public sealed interface ConditionOutcome
    permits ConditionOutcome.Met, ConditionOutcome.NotMet, ConditionOutcome.MissingParameters {

  /** The outcome of a condition that holds. */
  ConditionOutcome MET = new Met();

  /** The outcome of a condition that does not hold. */
  ConditionOutcome NOT_MET = new NotMet();

  /** {@link #MET} or {@link #NOT_MET}. */
  static ConditionOutcome of(boolean met) {
    return met ? MET : NOT_MET;
  }

  /** Whether this outcome is {@link Met}; false for the other two. */
  default boolean isMet() {
    return this instanceof Met;
  }

  /** The condition holds. */
  record Met() implements ConditionOutcome {}

  /** The condition does not hold. */
  record NotMet() implements ConditionOutcome {}

  /**
   * Declared parameters had no value in the tuple context nor in the request context.
   *
   * @param names the missing parameters, in declaration order; never empty
   */
  record MissingParameters(List<String> names) implements ConditionOutcome {

    public MissingParameters {
      names = List.copyOf(names);
      if (names.isEmpty()) {
        throw new IllegalArgumentException("at least one parameter is missing");
      }
    }
  }
}
