package dev.tandem.spring;

import dev.tandem.core.FgaUnavailableException;
import dev.tandem.core.actor.InvalidActorException;
import dev.tandem.core.http.AuthorizationProblem;
import java.time.Duration;
import java.util.Objects;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Renders {@link TandemAccessDeniedException} as {@code application/problem+json} with the
 * problem's status and headers, the same answer as Tandem's Jakarta filter. Two exceptions of
 * programmatic calls ({@code Authorizer}, {@code TaskGrants}, ...) that escape a controller are
 * answered the same way: an {@link InvalidActorException} (a token that names no valid actor) with
 * 401, an {@link FgaUnavailableException} (the backend could not answer) with 503.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TandemProblemHandler {

  private final Duration retryAfter;

  /** A handler telling clients to retry unavailable authorization after 5 seconds. */
  public TandemProblemHandler() {
    this(Duration.ofSeconds(5));
  }

  /** A handler telling clients to retry unavailable authorization after {@code retryAfter}. */
  public TandemProblemHandler(Duration retryAfter) {
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
  }

  /** The problem of {@code exception} as a response. */
  @ExceptionHandler(TandemAccessDeniedException.class)
  public ResponseEntity<String> handle(TandemAccessDeniedException exception) {
    return respond(exception.problem());
  }

  /** 401 for a programmatic call whose actor could not be mapped to FGA subjects. */
  @ExceptionHandler(InvalidActorException.class)
  public ResponseEntity<String> handle(InvalidActorException exception) {
    return respond(AuthorizationProblem.invalidToken());
  }

  /** 503 for a programmatic call the authorization backend could not answer. */
  @ExceptionHandler(FgaUnavailableException.class)
  public ResponseEntity<String> handle(FgaUnavailableException exception) {
    return respond(AuthorizationProblem.unavailable(retryAfter));
  }

  private static ResponseEntity<String> respond(AuthorizationProblem problem) {
    HttpHeaders headers = new HttpHeaders();
    problem.headers().forEach(headers::set);
    headers.setContentType(MediaType.parseMediaType(AuthorizationProblem.MEDIA_TYPE));
    return ResponseEntity.status(problem.status()).headers(headers).body(problem.toJson());
  }
}
