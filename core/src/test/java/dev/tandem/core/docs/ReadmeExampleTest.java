package dev.tandem.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.actor.Actor;
import dev.tandem.core.authz.Authorizer;
import dev.tandem.core.authz.Consents;
import dev.tandem.core.authz.Decision;
import dev.tandem.core.authz.Permission;
import dev.tandem.core.authz.PrincipalRole;
import dev.tandem.core.client.FgaClient;
import dev.tandem.core.client.WriteRequest;
import dev.tandem.core.model.ModelDsl;
import dev.tandem.core.testing.Checkout;
import dev.tandem.core.tuple.TupleKey;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The example in README.md, compiled and run. */
class ReadmeExampleTest {

  @Test
  void slackAppActingForAliceWhenNoConsentThenDeniedNamingTheConsent() throws Exception {
    FgaClient fga = FgaClient.builder().embedded().build();
    fga.writeAuthorizationModel(
        ModelDsl.parse(
            Files.readString(Checkout.root().resolve("docs/models/project-management.fga"))));
    fga.write(WriteRequest.writes(TupleKey.of("project:apollo", "editor", "user:alice")));

    // tag::readme[]
    Authorizer authorizer = Authorizer.create(fga);
    Actor slackForAlice = Actor.user("alice").viaClient("slack-app");

    Decision before = authorizer.decide(slackForAlice, "can_create_ticket", "project:apollo");
    // denied: alice may, but she has not consented to slack-app doing it

    Consents.create(fga)
        .grant("alice", "slack-app", Permission.of("can_create_ticket", "project:apollo"));
    Decision after = authorizer.decide(slackForAlice, "can_create_ticket", "project:apollo");
    // granted: user and consent both hold the relation
    // end::readme[]

    assertThat(before.granted()).isFalse();
    assertThat(((Decision.Denied) before).deniedBy(PrincipalRole.CONSENT)).isTrue();
    assertThat(after.granted()).isTrue();
  }
}
