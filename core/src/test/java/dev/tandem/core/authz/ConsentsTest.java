package dev.tandem.core.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.tandem.core.FgaValidationException;
import dev.tandem.core.actor.InvalidActorException;
import dev.tandem.core.tuple.TupleKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Writing, listing and revoking consents. */
class ConsentsTest {

  private final ProjectManagement pm = new ProjectManagement();
  private final Permission viewApollo = Permission.of("can_view", "project:apollo");
  private final Permission createApollo = Permission.of("can_create_ticket", "project:apollo");

  @Test
  void listWhenUserConsentedToTwoAppsThenOneConsentPerAppWithItsPermissions() {
    pm.consents.grant("alice", "slack", List.of(viewApollo, createApollo));
    pm.consents.grant("alice", "notion", Permission.of("can_view", "team:eng"));
    pm.consents.grant("dave", "slack", viewApollo);

    Map<String, Set<Permission>> byApp = new HashMap<>();
    for (Consent consent : pm.consents.list("alice")) {
      byApp.put(consent.clientId(), Set.copyOf(consent.permissions()));
    }

    assertThat(byApp)
        .containsOnly(
            entry("slack", Set.of(viewApollo, createApollo)),
            entry("notion", Set.of(Permission.of("can_view", "team:eng"))));
  }

  @Test
  void grantWhenRepeatedThenNothingChangesAndNoError() {
    pm.consents.grant("alice", "slack", viewApollo);
    pm.consents.grant("alice", "slack", List.of(viewApollo, viewApollo));

    assertThat(pm.consents.list("alice"))
        .containsExactly(new Consent("slack", List.of(viewApollo)));
  }

  @Test
  void grantWhenWrittenThenTuplesFollowTheConventions() {
    pm.consents.grant("alice", "slack", viewApollo);

    String consent = "consent:c2xhY2s.YWxpY2U";
    assertThat(Tuples.readAll(pm.client, consent, null, null))
        .containsExactlyInAnyOrder(
            TupleKey.of(consent, "user", "user:alice"),
            TupleKey.of(consent, "client", "client:slack"));
    assertThat(Tuples.readAll(pm.client, "project:apollo", "can_view", null))
        .containsExactly(TupleKey.of("project:apollo", "can_view", consent));
  }

  @Test
  void revokeWhenLastPermissionRevokedThenConsentNoLongerListed() {
    pm.consents.grant("alice", "slack", List.of(viewApollo, createApollo));

    pm.consents.revoke("alice", "slack", viewApollo);
    assertThat(pm.consents.list("alice"))
        .containsExactly(new Consent("slack", List.of(createApollo)));
    pm.consents.revoke("alice", "slack", createApollo);
    pm.consents.revoke("alice", "slack", createApollo);

    assertThat(pm.consents.list("alice")).isEmpty();
  }

  @Test
  void revokeAllWhenCalledThenNoTupleOfTheConsentRemains() {
    pm.consents.grant("alice", "slack", List.of(viewApollo, Permission.of("can_view", "team:eng")));
    pm.consents.grant("alice", "notion", viewApollo);

    pm.consents.revokeAll("alice", "slack");

    assertThat(Tuples.readAll(pm.client, "consent:c2xhY2s.YWxpY2U", null, null)).isEmpty();
    assertThat(Tuples.grantsTo(pm.client, "consent:c2xhY2s.YWxpY2U")).isEmpty();
    assertThat(pm.consents.list("alice"))
        .containsExactly(new Consent("notion", List.of(viewApollo)));
  }

  @Test
  void grantWhenIdOrPermissionInvalidThenRejectedBeforeAnyCall() {
    assertThatThrownBy(() -> pm.consents.grant("bob#member", "slack", viewApollo))
        .isInstanceOf(InvalidActorException.class);
    assertThatThrownBy(() -> pm.consents.grant("alice", "*", viewApollo))
        .isInstanceOf(InvalidActorException.class);
    assertThatThrownBy(
            () -> pm.consents.grant("alice", "slack", Permission.of("can_view", "project:*")))
        .isInstanceOf(FgaValidationException.class);
    assertThatThrownBy(
            () -> pm.consents.grant("alice", "slack", Permission.of("can view", "project:a")))
        .isInstanceOf(FgaValidationException.class);

    assertThat(pm.client.calls()).isZero();
  }

  @Test
  void grantWhenModelDoesNotLetAppsHoldTheRelationThenRejected() {
    assertThatThrownBy(
            () -> pm.consents.grant("alice", "slack", Permission.of("can_email", "group:acme-all")))
        .isInstanceOf(FgaValidationException.class);
  }
}
