package dev.tandem.jakarta;

import dev.tandem.core.http.AuthorizationProblem;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The {@link DecisionListener}s of one filter, called in order. A listener that throws is skipped
 * for that decision: the first failure is logged as a warning, later ones at DEBUG (a listener
 * failing on every request must not flood the log), and the decision stands.
 */
final class DecisionListeners {

  private static final System.Logger LOG = System.getLogger(TandemFilter.class.getName());

  private final List<DecisionListener> listeners;
  private final AtomicBoolean warned = new AtomicBoolean();

  DecisionListeners(List<DecisionListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  /**
   * Tells every listener the decision {@code trace} ended in with the answer {@code problem} (null:
   * let through); nothing when there is no decision or no listener.
   */
  void tell(DecisionTrace trace, @Nullable AuthorizationProblem problem) {
    if (listeners.isEmpty()) {
      return;
    }
    FilterDecision decision;
    try {
      decision = trace.decision(problem);
    } catch (RuntimeException e) {
      failed("the decision could not be described", e);
      return;
    }
    if (decision == null) {
      return;
    }
    for (DecisionListener listener : listeners) {
      try {
        listener.onDecision(decision);
      } catch (RuntimeException e) {
        failed("decision listener " + listener.getClass().getName() + " failed", e);
      }
    }
  }

  /** Audit and metrics must never turn a decision around: logged, and the answer stands. */
  private void failed(String what, RuntimeException e) {
    Level level = warned.compareAndSet(false, true) ? Level.WARNING : Level.DEBUG;
    LOG.log(level, what + "; the answer stands", e);
  }
}
