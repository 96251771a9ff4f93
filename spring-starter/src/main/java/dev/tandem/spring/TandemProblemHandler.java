package dev.tandem.spring;

import dev.tandem.core.http.AuthorizationProblem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Renders {@link TandemAccessDeniedException} as {@code application/problem+json} with the
 * problem's status and headers, the same answer as Tandem's Jakarta filter.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TandemProblemHandler {

  /** The problem of {@code exception} as a response. */
  @ExceptionHandler(TandemAccessDeniedException.class)
  public ResponseEntity<String> handle(TandemAccessDeniedException exception) {
    AuthorizationProblem problem = exception.problem();
    HttpHeaders headers = new HttpHeaders();
    problem.headers().forEach(headers::set);
    headers.setContentType(MediaType.parseMediaType(AuthorizationProblem.MEDIA_TYPE));
    return ResponseEntity.status(problem.status()).headers(headers).body(problem.toJson());
  }
}
