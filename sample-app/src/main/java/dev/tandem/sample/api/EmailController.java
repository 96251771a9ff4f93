package dev.tandem.sample.api;

import dev.tandem.core.actor.Actor;
import dev.tandem.core.annotation.AuthenticatedOnly;
import dev.tandem.core.authz.Authorizer;
import dev.tandem.core.authz.Decision;
import dev.tandem.core.authz.Permission;
import dev.tandem.core.http.AuthorizationProblem;
import dev.tandem.spring.TandemAccessDeniedException;
import dev.tandem.spring.TandemProperties;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sends email, queued (202). The recipient may be a person or a group, so the check is made in code
 * with {@link Authorizer#decide}: the same tandem rule as {@code @RequiresRelation}, on an object
 * whose type comes from the request.
 */
@RestController
class EmailController {

  private static final int MAX_QUEUED = 1_000;

  private final Authorizer authorizer;
  private final Callers callers;
  private final TandemProperties properties;
  private final Queue<Email> outbox = new ConcurrentLinkedQueue<>();

  EmailController(Authorizer authorizer, Callers callers, TandemProperties properties) {
    this.authorizer = authorizer;
    this.callers = callers;
    this.properties = properties;
  }

  @PostMapping("/api/emails")
  @AuthenticatedOnly
  ResponseEntity<Map<String, String>> send(@RequestBody Email email) {
    Actor actor = callers.current();
    Permission permission = new Grant("can_email", email.to()).permission();
    Decision decision = authorizer.decide(actor, permission.relation(), permission.object());
    if (!decision.granted()) {
      throw new TandemAccessDeniedException(
          AuthorizationProblem.of(decision, actor, properties.getRetryAfter()));
    }
    outbox.add(email);
    while (outbox.size() > MAX_QUEUED) {
      outbox.poll();
    }
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(Map.of("id", UUID.randomUUID().toString(), "status", "queued"));
  }
}
