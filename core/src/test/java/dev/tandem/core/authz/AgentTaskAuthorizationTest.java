package dev.tandem.core.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.core.FgaValidationException;
import dev.tandem.core.actor.Actor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Level 4, agents: user and task (and app consent) must all hold; task grants expire. */
class AgentTaskAuthorizationTest {

  private final ProjectManagement pm = new ProjectManagement();
  private final String task =
      pm.tasks.start(
          "alice",
          "summarizer",
          List.of(Permission.of("can_view", "project:apollo")),
          Duration.ofMinutes(30));
  private final Actor agent = Actor.user("alice").withAgentTask("summarizer", task);

  @Test
  void decideWhenTaskGrantCoversObjectThenGrantedAlsoForItsTickets() {
    assertThat(pm.authorizer.decide(agent, "can_view", "project:apollo").granted()).isTrue();
    assertThat(pm.authorizer.decide(agent, "can_view", "ticket:a1").granted()).isTrue();
  }

  @Test
  void decideWhenObjectNotListedInTaskThenDeniedNamingTaskAlthoughUserHoldsIt() {
    Decision decision = pm.authorizer.decide(agent, "can_view", "project:zeus");

    assertThat(decision.denials())
        .containsExactly(new Denial(PrincipalRole.TASK, DenialReason.NOT_GRANTED));
    assertThat(pm.authorizer.decide(agent, "can_create_ticket", "project:apollo").denials())
        .containsExactly(new Denial(PrincipalRole.TASK, DenialReason.NOT_GRANTED));
  }

  @Test
  void decideWhenTaskExpiredThenDeniedNamingTask() {
    pm.clock.advance(Duration.ofMinutes(29).plusSeconds(58));
    assertThat(pm.authorizer.decide(agent, "can_view", "project:apollo").granted()).isTrue();

    pm.clock.advance(Duration.ofSeconds(2));

    assertThat(pm.authorizer.decide(agent, "can_view", "project:apollo").denials())
        .containsExactly(new Denial(PrincipalRole.TASK, DenialReason.NOT_GRANTED));
  }

  @Test
  void decideWhenCallerSendsItsOwnCurrentTimeThenTheClockStillDecides() {
    pm.clock.advance(Duration.ofHours(1));

    Decision decision =
        pm.authorizer.decide(
            agent,
            "can_view",
            "project:apollo",
            List.of(),
            Map.of("current_time", "2026-03-02T09:00:01Z"));

    assertThat(decision.granted()).isFalse();
  }

  @Test
  void decideWhenTaskEndedThenDeniedNamingTask() {
    pm.tasks.end(task);

    assertThat(pm.authorizer.decide(agent, "can_view", "project:apollo").denials())
        .containsExactly(new Denial(PrincipalRole.TASK, DenialReason.NOT_GRANTED));
  }

  @Test
  void decideWhenAnotherAgentPresentsTheTaskIdThenDeniedNamingTask() {
    Actor impostor = Actor.user("alice").withAgentTask("mailer", task);

    assertThat(pm.authorizer.decide(impostor, "can_view", "project:apollo").denials())
        .containsExactly(new Denial(PrincipalRole.TASK, DenialReason.NOT_GRANTED));
  }

  @Test
  void decideWhenAnotherUsersTaskIsPresentedThenDeniedNamingTask() {
    Actor dave = Actor.user("dave").withAgentTask("summarizer", task);

    assertThat(pm.authorizer.decide(dave, "can_view", "project:apollo").denials())
        .containsExactly(new Denial(PrincipalRole.TASK, DenialReason.NOT_GRANTED));
  }

  @Test
  void decideWhenAgentReadRestrictedProjectThenItCannotWriteIntoPublicProject() {
    String reader =
        pm.tasks.start(
            "erin",
            "copier",
            List.of(Permission.of("can_view", "project:secret")),
            Duration.ofMinutes(5));
    Actor copier = Actor.user("erin").withAgentTask("copier", reader);

    assertThat(pm.authorizer.decide(copier, "can_view", "ticket:s1").granted()).isTrue();
    Decision write = pm.authorizer.decide(copier, "can_create_ticket", "project:handbook");

    assertThat(write.denials())
        .containsExactly(new Denial(PrincipalRole.TASK, DenialReason.NOT_GRANTED));
  }

  @Test
  void decideWhenTaskMayEmailTheManagerThenNobodyElse() {
    String mail =
        pm.tasks.start(
            "alice",
            "mailer",
            List.of(Permission.of("can_email", "user:dave")),
            Duration.ofMinutes(5));
    Actor mailer = Actor.user("alice").withAgentTask("mailer", mail);

    assertThat(pm.authorizer.decide(mailer, "can_email", "user:dave").granted()).isTrue();
    assertThat(pm.authorizer.decide(mailer, "can_email", "user:erin").denials())
        .containsExactly(new Denial(PrincipalRole.TASK, DenialReason.NOT_GRANTED));
    assertThat(pm.authorizer.decide(mailer, "can_email", "group:acme-all").denials())
        .containsExactly(new Denial(PrincipalRole.TASK, DenialReason.NOT_GRANTED));
  }

  @Test
  void startWhenCompanyListRequestedThenRejectedBecauseModelNeverLetsTasksHoldIt() {
    assertThatThrownBy(
            () ->
                pm.tasks.start(
                    "alice",
                    "mailer",
                    List.of(Permission.of("can_email", "group:acme-all")),
                    Duration.ofMinutes(5)))
        .isInstanceOf(FgaValidationException.class);
  }

  @Test
  void decideWhenAgentActsThroughThirdPartyAppThenUserConsentAndTaskMustAllHold() {
    Actor viaSlack = Actor.user("alice").viaClient("slack").withAgentTask("summarizer", task);

    assertThat(pm.authorizer.decide(viaSlack, "can_view", "project:apollo").denials())
        .containsExactly(new Denial(PrincipalRole.CONSENT, DenialReason.NOT_GRANTED));
    pm.consents.grant("alice", "slack", Permission.of("can_view", "team:eng"));

    assertThat(pm.authorizer.decide(viaSlack, "can_view", "project:apollo").granted()).isTrue();
  }

  @Test
  void decideWhenEarlierActorsInActChainHoldTasksThenTheyNeverGrant() {
    String other =
        pm.tasks.start(
            "alice",
            "planner",
            List.of(Permission.of("can_view", "project:zeus")),
            Duration.ofMinutes(5));
    Actor chained = agent.withActChain(List.of("planner", other));

    assertThat(pm.authorizer.decide(chained, "can_view", "project:zeus").granted()).isFalse();
    assertThat(pm.authorizer.decide(chained, "can_view", "project:apollo").granted()).isTrue();
  }
}
