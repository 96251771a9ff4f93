package dev.tandem.jakarta;

import dev.tandem.core.actor.Actor;
import dev.tandem.core.authz.Decision;
import dev.tandem.core.authz.Permission;
import dev.tandem.core.http.AuthorizationProblem;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the filter has learnt about one request so far, kept as it decides so that a decision cut
 * short by an exception can still be told to the {@link DecisionListener}s.
 */
final class DecisionTrace {

  private final long start = System.nanoTime();
  private final String method;
  @Nullable Route route;
  @Nullable Actor actor;
  List<Permission> permissions = List.of();
  List<Decision> decisions = List.of();
  FilterDecision.@Nullable Refusal refusal;

  DecisionTrace(String method) {
    this.method = method;
  }

  /**
   * The decision for the answer {@code problem} (null: let through), or null when there is none to
   * tell: a public route was let through.
   */
  @Nullable FilterDecision decision(@Nullable AuthorizationProblem problem) {
    Duration latency = Duration.ofNanos(System.nanoTime() - start);
    FilterDecision.Outcome outcome;
    if (problem == null) {
      if (route == null || route.access() == Route.Access.PUBLIC) {
        return null;
      }
      outcome = FilterDecision.Outcome.GRANTED;
    } else if (refusal != null) {
      outcome = FilterDecision.Outcome.REFUSED;
    } else if (problem.status() == 503) {
      outcome = FilterDecision.Outcome.UNAVAILABLE;
    } else {
      outcome = FilterDecision.Outcome.DENIED;
    }
    return new FilterDecision(
        method,
        route == null ? null : route.toString(),
        actor,
        permissions,
        decisions,
        outcome,
        refusal,
        problem == null ? 0 : problem.status(),
        latency);
  }
}
