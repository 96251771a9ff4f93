package dev.tandem.spring;

import dev.tandem.core.http.AuthorizationProblem;
import java.util.Objects;

/**
 * Thrown by Tandem's enforcement when a call is not allowed: no actor (401), a denial (403), an
 * invalid object id (400) or an authorization backend that could not answer (503). In web
 * applications it is rendered as {@link #problem()}, an RFC 9457 body.
 */
public final class TandemAccessDeniedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient AuthorizationProblem problem;

  /** An exception answering with {@code problem}. */
  public TandemAccessDeniedException(AuthorizationProblem problem) {
    this(problem, null);
  }

  /** An exception answering with {@code problem}, caused by {@code cause}. */
  public TandemAccessDeniedException(
      AuthorizationProblem problem, @org.jspecify.annotations.Nullable Throwable cause) {
    super(Objects.requireNonNull(problem, "problem").status() + " " + problem.title(), cause);
    this.problem = problem;
  }

  /** The answer to send: status, headers and body. */
  public AuthorizationProblem problem() {
    return problem;
  }
}
