package dev.tandem.jakarta;

import dev.tandem.core.actor.Actor;
import dev.tandem.core.authz.Decision;
import dev.tandem.core.authz.Permission;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One decision of a {@link TandemFilter}, for audit and metrics, given to every {@link
 * DecisionListener}: made for every request except those a {@code public} rule lets through (no
 * token is read and nothing is decided for them). That is every request to a relation or
 * authenticated-only rule, granted or not, and every request refused before any check (ambiguous
 * path, no rule, no or invalid credentials, invalid id).
 *
 * <p>Nothing here holds the raw request path or query: only the rule as written and the ids that
 * passed the filter's checks. The method and the actor's ids do come from the request; {@link
 * #toString()} and {@link FilterAuditLog} escape them, and a listener that writes them elsewhere
 * should too.
 *
 * @param method the request method, as the container parsed it
 * @param rule the rule that served the request, as written (for a rule built in code, {@code METHOD
 *     /path -> access}); null when no rule matched or the path was ambiguous
 * @param actor the actor, or null when it was not read: no rule matched, the path was ambiguous, or
 *     the credentials were missing or invalid
 * @param permissions what the rule asked, with the ids read from the request, in rule order; empty
 *     for an authenticated-only rule, and when the request was refused before the ids were read
 * @param decisions one per permission, in the same order; empty when no check answered
 * @param outcome how the decision ended
 * @param refusal why the request was refused before any check, when {@code outcome} is {@link
 *     Outcome#REFUSED}; null otherwise
 * @param status the status the filter answered with (400, 401, 403 or 503); 0 when it let the
 *     request through to the application, whose own status it does not see
 * @param latency from the filter receiving the request to its decision: path, rule, token and the
 *     checks
 */
public record FilterDecision(
    String method,
    @Nullable String rule,
    @Nullable Actor actor,
    List<Permission> permissions,
    List<Decision> decisions,
    Outcome outcome,
    @Nullable Refusal refusal,
    int status,
    Duration latency) {

  /** How a decision ended; the first three as in the Spring starter's audit. */
  public enum Outcome {
    /** The request was let through: every permission was granted, or the rule asks none. */
    GRANTED,
    /**
     * The checks were made and refused the request: a principal does not hold a permission (403),
     * or an id of the actor (401) or of the request (400) was rejected by them.
     */
    DENIED,
    /** The backend could not answer, or deciding failed unexpectedly: 503. */
    UNAVAILABLE,
    /** The request was refused before any check; {@link FilterDecision#refusal()} says why. */
    REFUSED
  }

  /** Why a request was refused before any check. */
  public enum Refusal {
    /** The path has a form components may read differently (see the filter's docs): 400. */
    AMBIGUOUS_PATH,
    /** No rule matches the method and path: 403. */
    NO_RULE,
    /** The request carries no credentials: 401. */
    NO_CREDENTIALS,
    /** The credentials are invalid, or describe no actor: 401. */
    INVALID_TOKEN,
    /** An id the rule reads from the request is missing, repeated or invalid: 400. */
    INVALID_ID
  }

  public FilterDecision {
    Objects.requireNonNull(method, "method");
    permissions = List.copyOf(permissions);
    decisions = List.copyOf(decisions);
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(latency, "latency");
    if ((outcome == Outcome.REFUSED) != (refusal != null)) {
      throw new IllegalArgumentException("a refusal is given exactly when the outcome is REFUSED");
    }
    if ((outcome == Outcome.GRANTED) != (status == 0)) {
      throw new IllegalArgumentException("the status is 0 exactly when the outcome is GRANTED");
    }
  }

  /**
   * The audit lines of {@link FilterAuditLog}, joined with {@code "; "}: one line, with every value
   * from the request escaped.
   */
  @Override
  public String toString() {
    return String.join("; ", AuditLines.of(this));
  }
}
