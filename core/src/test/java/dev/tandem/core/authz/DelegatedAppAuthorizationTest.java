package dev.tandem.core.authz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.actor.Actor;
import dev.tandem.core.actor.ActorClaimsMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Level 3, delegation: a third-party app needs the user's relation and the user's consent. */
class DelegatedAppAuthorizationTest {

  private final ProjectManagement pm = new ProjectManagement();
  private final Actor aliceViaSlack = Actor.user("alice").viaClient("slack");

  @Test
  void decideWhenThirdPartyAppHasNoConsentThenDeniedNamingConsent() {
    Decision decision = pm.authorizer.decide(aliceViaSlack, "can_create_ticket", "project:apollo");

    assertThat(decision.denials())
        .containsExactly(new Denial(PrincipalRole.CONSENT, DenialReason.NOT_GRANTED));
  }

  @Test
  void decideWhenUserConsentedForThatProjectThenGrantedThereOnly() {
    pm.consents.grant("alice", "slack", Permission.of("can_create_ticket", "project:apollo"));

    assertThat(pm.authorizer.decide(aliceViaSlack, "can_create_ticket", "project:apollo"))
        .isEqualTo(new Decision.Granted("can_create_ticket", "project:apollo"));
    assertThat(pm.authorizer.decide(aliceViaSlack, "can_create_ticket", "project:zeus").denials())
        .containsExactly(new Denial(PrincipalRole.CONSENT, DenialReason.NOT_GRANTED));
    assertThat(pm.authorizer.decide(aliceViaSlack, "can_view", "ticket:a1").granted()).isFalse();
  }

  @Test
  void decideWhenConsentRevokedThenDeniedNamingConsentAtOnce() {
    Permission create = Permission.of("can_create_ticket", "project:apollo");
    pm.consents.grant("alice", "slack", create);
    assertThat(pm.authorizer.decide(aliceViaSlack, "can_create_ticket", "project:apollo").granted())
        .isTrue();

    pm.consents.revoke("alice", "slack", create);

    assertThat(pm.authorizer.decide(aliceViaSlack, "can_create_ticket", "project:apollo").denials())
        .containsExactly(new Denial(PrincipalRole.CONSENT, DenialReason.NOT_GRANTED));
  }

  @Test
  void decideWhenConsentGoesBeyondWhatUserHoldsThenDeniedNamingUser() {
    pm.consents.grant("alice", "slack", Permission.of("can_view", "project:secret"));

    assertThat(pm.authorizer.decide(aliceViaSlack, "can_view", "project:secret").denials())
        .containsExactly(new Denial(PrincipalRole.USER, DenialReason.NOT_GRANTED));
  }

  @Test
  void decideWhenConsentGivenOnTeamThenItFlowsToTheTeamsProjects() {
    pm.consents.grant("alice", "slack", Permission.of("can_view", "team:eng"));

    assertThat(pm.authorizer.decide(aliceViaSlack, "can_view", "project:zeus").granted()).isTrue();
    assertThat(pm.authorizer.decide(aliceViaSlack, "can_view", "ticket:a1").granted()).isTrue();
    assertThat(pm.authorizer.decide(aliceViaSlack, "can_view", "ticket:h1").granted()).isFalse();
  }

  @Test
  void decideWhenConsentBelongsToAnotherUserOrAppThenItDoesNotServe() {
    pm.consents.grant("dave", "slack", Permission.of("can_view", "project:apollo"));
    pm.consents.grant("alice", "notion", Permission.of("can_view", "project:apollo"));

    assertThat(pm.authorizer.decide(aliceViaSlack, "can_view", "project:apollo").denials())
        .containsExactly(new Denial(PrincipalRole.CONSENT, DenialReason.NOT_GRANTED));
  }

  @Test
  void decideWhenFirstPartyAppCallsThenNoConsentIsNeeded() {
    ActorClaimsMapper mapper =
        ActorClaimsMapper.builder().firstPartyClients(List.of("web")).build();
    Actor viaWeb = mapper.map(Map.of("sub", "alice", "client_id", "web"));
    Actor viaSlack = mapper.map(Map.of("sub", "alice", "client_id", "slack"));

    assertThat(pm.authorizer.decide(viaWeb, "can_create_ticket", "project:apollo").granted())
        .isTrue();
    assertThat(pm.authorizer.decide(viaSlack, "can_create_ticket", "project:apollo").granted())
        .isFalse();
  }

  @Test
  void decideWhenBothUserAndConsentFailThenBothAreNamed() {
    Decision decision = pm.authorizer.decide(aliceViaSlack, "can_view", "project:secret");

    assertThat(decision.denials())
        .containsExactly(
            new Denial(PrincipalRole.USER, DenialReason.NOT_GRANTED),
            new Denial(PrincipalRole.CONSENT, DenialReason.NOT_GRANTED));
  }

  @Test
  void listObjectsWhenAppActsThenIntersectionOfUserAndConsent() {
    pm.consents.grant(
        "alice",
        "slack",
        List.of(
            Permission.of("can_view", "project:apollo"),
            Permission.of("can_view", "project:secret")));

    assertThat(pm.authorizer.listObjects(aliceViaSlack, "can_view", "project"))
        .containsExactly("project:apollo");
    assertThat(pm.authorizer.listObjects(aliceViaSlack, "can_view", "ticket"))
        .containsExactlyInAnyOrder("ticket:a1", "ticket:a2");
  }
}
