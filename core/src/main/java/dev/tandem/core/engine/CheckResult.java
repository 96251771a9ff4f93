package dev.tandem.core.engine;

/**
 * The answer to a {@link CheckRequest}.
 *
 * @param allowed whether the user has the relation
 * @param cycleDetected whether the evaluation ran into a cycle in the relationship graph; such a
 *     "false" depends on the path taken and must not be cached
 */
public record CheckResult(boolean allowed, boolean cycleDetected) {

  static final CheckResult ALLOWED = new CheckResult(true, false);
  static final CheckResult DENIED = new CheckResult(false, false);
  static final CheckResult CYCLE = new CheckResult(false, true);
}
