package dev.tandem.core.authz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.actor.Actor;
import dev.tandem.core.model.AuthorizationModel;
import org.junit.jupiter.api.Test;

/** Level 1, humans: docs/models/project-management.fga answers through its hierarchy. */
class ReferenceModelTest {

  private final ProjectManagement pm = new ProjectManagement();

  @Test
  void referenceModelWhenLoadedFromDocsThenDeclaresPrincipalsResourcesAndExpiry() {
    AuthorizationModel model = ProjectManagement.model();

    assertThat(model.types().keySet())
        .contains(
            "user",
            "client",
            "consent",
            "task",
            "agent",
            "organization",
            "team",
            "project",
            "ticket",
            "group");
    assertThat(model.condition("task_active")).isNotNull();
    assertThat(Tuples.typesAccepting(model, "task"))
        .containsExactly("user", "team", "project", "ticket");
    assertThat(Tuples.typesAccepting(model, "consent"))
        .containsExactly("user", "team", "project", "ticket");
  }

  @Test
  void decideWhenOrgAdminAsksForTeamsProjectThenGrantedThroughHierarchy() {
    assertThat(pm.authorizer.decide(Actor.user("olivia"), "can_view", "project:secret").granted())
        .isTrue();
    assertThat(pm.authorizer.decide(Actor.user("olivia"), "can_edit", "ticket:a1").granted())
        .isTrue();
  }

  @Test
  void decideWhenTeamMemberAsksForTeamProjectAndTicketsThenGranted() {
    Actor alice = Actor.user("alice");

    assertThat(pm.authorizer.decide(alice, "can_view", "project:apollo").granted()).isTrue();
    assertThat(pm.authorizer.decide(alice, "can_create_ticket", "project:apollo").granted())
        .isTrue();
    assertThat(pm.authorizer.decide(alice, "can_view", "ticket:a2").granted()).isTrue();
  }

  @Test
  void decideWhenUserOutsideTeamAsksForRestrictedProjectThenDeniedNamingUser() {
    Decision decision = pm.authorizer.decide(Actor.user("alice"), "can_view", "ticket:s1");

    assertThat(decision.granted()).isFalse();
    assertThat(decision.denials())
        .containsExactly(new Denial(PrincipalRole.USER, DenialReason.NOT_GRANTED));
    assertThat(decision.relation()).isEqualTo("can_view");
    assertThat(decision.object()).isEqualTo("ticket:s1");
  }

  @Test
  void decideWhenProjectSharedWithWholeOrganizationThenMembersMayViewButNotEdit() {
    Actor alice = Actor.user("alice");

    assertThat(pm.authorizer.decide(alice, "can_view", "ticket:h1").granted()).isTrue();
    assertThat(pm.authorizer.decide(alice, "can_create_ticket", "project:handbook").granted())
        .isFalse();
  }

  @Test
  void decideWhenTeamLeadAsksToEditTeamProjectThenGrantedButMemberIsNot() {
    assertThat(pm.authorizer.decide(Actor.user("dave"), "can_edit", "project:zeus").granted())
        .isTrue();
    assertThat(pm.authorizer.decide(Actor.user("alice"), "can_edit", "project:zeus").granted())
        .isFalse();
  }

  @Test
  void decideWhenAdminOfOtherTenantAsksThenDenied() {
    assertThat(pm.authorizer.decide(Actor.user("gina"), "can_view", "project:apollo").granted())
        .isFalse();
    assertThat(pm.authorizer.decide(Actor.user("gina"), "can_view", "ticket:g1").granted())
        .isTrue();
  }

  @Test
  void decideWhenColleagueEmailsThenGrantedAndCompanyListOnlyForMembers() {
    Actor alice = Actor.user("alice");

    assertThat(pm.authorizer.decide(alice, "can_email", "user:dave").granted()).isTrue();
    assertThat(pm.authorizer.decide(alice, "can_email", "group:acme-all").granted()).isTrue();
    assertThat(pm.authorizer.decide(Actor.user("gina"), "can_email", "user:dave").granted())
        .isFalse();
  }
}
