package dev.tandem.sample.api;

import dev.tandem.core.actor.Actor;
import dev.tandem.core.annotation.AuthenticatedOnly;
import dev.tandem.core.authz.Consents;
import dev.tandem.core.authz.Permission;
import dev.tandem.sample.auth.SampleClients;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A person's consents to third-party apps: "slack-app may create tickets in apollo for me". Only
 * the person, through the first-party app, may give or revoke them. A consent never lets an app do
 * more than its user may: Tandem checks both.
 */
@RestController
class ConsentController {

  private final Consents consents;
  private final Callers callers;

  ConsentController(Consents consents, Callers callers) {
    this.consents = consents;
    this.callers = callers;
  }

  @PostMapping("/api/consents")
  @AuthenticatedOnly
  ResponseEntity<ConsentRequest> grant(@RequestBody ConsentRequest body) {
    Actor person = callers.person();
    consents.grant(person.principalId(), client(body), permission(body));
    return ResponseEntity.status(HttpStatus.CREATED).body(body);
  }

  @DeleteMapping("/api/consents")
  @AuthenticatedOnly
  ResponseEntity<Void> revoke(@RequestBody ConsentRequest body) {
    Actor person = callers.person();
    consents.revoke(person.principalId(), client(body), permission(body));
    return ResponseEntity.noContent().build();
  }

  private static String client(ConsentRequest body) {
    if (body.client() == null || !SampleClients.THIRD_PARTY_APPS.contains(body.client())) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "client must be one of " + SampleClients.THIRD_PARTY_APPS);
    }
    return body.client();
  }

  private static Permission permission(ConsentRequest body) {
    return new Grant(body.relation(), body.object()).permission();
  }
}
