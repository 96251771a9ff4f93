package dev.tandem.core.engine;

import dev.tandem.core.FgaException;
import java.util.Objects;

/**
 * The outcome of one check in a batch: a result, or the error that check alone ran into. One failed
 * item never affects another.
 */
public sealed interface BatchCheckItem {

  /** The check was evaluated. */
  record Evaluated(CheckResult result) implements BatchCheckItem {
    public Evaluated {
      Objects.requireNonNull(result, "result");
    }
  }

  /** The check failed; callers must treat it as denied. */
  record Failed(FgaException error) implements BatchCheckItem {
    public Failed {
      Objects.requireNonNull(error, "error");
    }
  }

  /** True only for an evaluated, allowed check. */
  default boolean allowed() {
    return this instanceof Evaluated evaluated && evaluated.result().allowed();
  }
}
