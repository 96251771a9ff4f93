package dev.tandem.core.authz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.actor.Actor;
import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.tuple.TupleKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** All checks of one call, over every principal and permission, go out in one batch. */
class DecideAllTest {

  private final ProjectManagement pm = new ProjectManagement();
  private final String task =
      pm.tasks.start(
          "alice",
          "summarizer",
          List.of(
              Permission.of("can_view", "project:apollo"),
              Permission.of("can_create_ticket", "project:apollo")),
          Duration.ofMinutes(30));
  private final Actor agentViaSlack =
      Actor.user("alice").viaClient("slack").withAgentTask("summarizer", task);

  @Test
  void decideWhenChainHasThreePrincipalsThenOneBatchCheckCall() {
    pm.consents.grant("alice", "slack", Permission.of("can_view", "project:apollo"));
    pm.client.reset();

    Decision decision = pm.authorizer.decide(agentViaSlack, "can_view", "project:apollo");

    assertThat(decision.granted()).isTrue();
    assertThat(pm.client.batchChecks.get()).isEqualTo(1);
    assertThat(pm.client.calls()).isEqualTo(1);
    assertThat(pm.client.checksSent)
        .extracting(CheckRequest::user)
        .containsExactlyInAnyOrder(
            "user:alice",
            "consent:c2xhY2s.YWxpY2U",
            "task:" + task,
            "user:alice",
            "agent:summarizer");
  }

  @Test
  void decideAllWhenSeveralPermissionsThenOneBatchAndDecisionsInOrder() {
    pm.consents.grant("alice", "slack", Permission.of("can_view", "team:eng"));
    pm.client.reset();

    List<Decision> decisions =
        pm.authorizer.decideAll(
            agentViaSlack,
            List.of(
                Permission.of("can_view", "project:apollo"),
                Permission.of("can_create_ticket", "project:apollo"),
                Permission.of("can_view", "project:secret"),
                Permission.of("can_view", "project:bad id")));

    assertThat(pm.client.batchChecks.get()).isEqualTo(1);
    assertThat(pm.client.calls()).isEqualTo(1);
    // 3 valid permissions x 3 principals + 2 task bindings, each sent once
    assertThat(pm.client.checksSent).hasSize(11).doesNotHaveDuplicates();
    assertThat(decisions)
        .extracting(Decision::object)
        .containsExactly("project:apollo", "project:apollo", "project:secret", "project:bad id");
    assertThat(decisions.get(0).granted()).isTrue();
    assertThat(decisions.get(1).denials())
        .containsExactly(new Denial(PrincipalRole.CONSENT, DenialReason.NOT_GRANTED));
    assertThat(decisions.get(2).denials())
        .containsExactly(
            new Denial(PrincipalRole.USER, DenialReason.NOT_GRANTED),
            new Denial(PrincipalRole.CONSENT, DenialReason.NOT_GRANTED),
            new Denial(PrincipalRole.TASK, DenialReason.NOT_GRANTED));
    assertThat(decisions.get(3).denials())
        .extracting(Denial::reason)
        .containsOnly(DenialReason.INVALID_REQUEST);
  }

  @Test
  void decideAllWhenEveryCheckCarriesCurrentTimeThenFromTheClockRoundedUp() {
    pm.authorizer.decideAll(Actor.user("alice"), List.of(Permission.of("can_view", "ticket:a1")));

    assertThat(pm.client.checksSent)
        .allSatisfy(
            check ->
                assertThat(check.context()).containsEntry("current_time", "2026-03-02T09:00:01Z"));
  }

  @Test
  void decideWhenContextualTupleLinksANewTicketThenEveryPrincipalIsCheckedWithIt() {
    pm.consents.grant("alice", "slack", Permission.of("can_view", "project:apollo"));
    List<TupleKey> draftInApollo =
        List.of(ProjectManagement.tuple("ticket:draft", "project", "project:apollo"));

    Decision withTuple =
        pm.authorizer.decide(agentViaSlack, "can_view", "ticket:draft", draftInApollo, Map.of());

    assertThat(withTuple.granted()).isTrue();
    assertThat(pm.authorizer.decide(agentViaSlack, "can_view", "ticket:draft").denials())
        .extracting(Denial::role)
        .containsExactly(PrincipalRole.USER, PrincipalRole.CONSENT, PrincipalRole.TASK);
  }

  @Test
  void decideAllWhenNoPermissionsThenNoCall() {
    pm.client.reset();

    assertThat(pm.authorizer.decideAll(agentViaSlack, List.of())).isEmpty();
    assertThat(pm.client.calls()).isZero();
  }
}
