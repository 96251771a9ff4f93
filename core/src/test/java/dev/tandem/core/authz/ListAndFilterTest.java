package dev.tandem.core.authz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.actor.Actor;
import dev.tandem.core.engine.CheckRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lists for RAG: only what every principal in the chain may access. */
class ListAndFilterTest {

  private final ProjectManagement pm = new ProjectManagement();

  /** Erin's agent through Slack: task on secret + handbook, consent on handbook + ticket a1. */
  private Actor ragAgent() {
    String task =
        pm.tasks.start(
            "erin",
            "rag",
            List.of(
                Permission.of("can_view", "project:secret"),
                Permission.of("can_view", "project:handbook")),
            Duration.ofMinutes(5));
    pm.consents.grant(
        "erin",
        "slack",
        List.of(
            Permission.of("can_view", "project:handbook"), Permission.of("can_view", "ticket:a1")));
    return Actor.user("erin").viaClient("slack").withAgentTask("rag", task);
  }

  @Test
  void listObjectsWhenUserConsentAndTaskDifferThenOnlyTheirIntersection() {
    Actor agent = ragAgent();

    assertThat(pm.authorizer.listObjects(agent, "can_view", "ticket")).containsExactly("ticket:h1");
    assertThat(pm.authorizer.listObjects(Actor.user("erin"), "can_view", "ticket"))
        .containsExactlyInAnyOrder("ticket:s1", "ticket:h1");
  }

  @Test
  void listObjectsWhenTaskAnotherAgentsThenEmpty() {
    Actor agent = ragAgent();
    Actor impostor =
        Actor.user("erin").viaClient("slack").withAgentTask("other", agent.agentTask().taskId());

    assertThat(pm.authorizer.listObjects(impostor, "can_view", "ticket")).isEmpty();
    assertThat(pm.authorizer.filter(impostor, "can_view", List.of("ticket:h1"))).isEmpty();
  }

  @Test
  void listObjectsWhenTaskExpiredThenEmpty() {
    Actor agent = ragAgent();
    pm.clock.advance(Duration.ofMinutes(6));

    assertThat(pm.authorizer.listObjects(agent, "can_view", "ticket")).isEmpty();
  }

  @Test
  void filterWhenRetrievedDocumentsIncludeRestrictedOnesThenOnlyIntersectionInOrder() {
    Actor agent = ragAgent();

    List<String> allowed =
        pm.authorizer.filter(
            agent,
            "can_view",
            List.of("ticket:s1", "ticket:h1", "ticket:a1", "ticket:h1", "ticket:nope", "bad id"));

    assertThat(allowed).containsExactly("ticket:h1");
  }

  @Test
  void filterWhenUserAloneThenOrderPreservedAndDuplicatesRemoved() {
    List<String> allowed =
        pm.authorizer.filter(
            Actor.user("alice"),
            "can_view",
            List.of("ticket:z1", "ticket:s1", "ticket:a1", "ticket:z1", "ticket:h1", "ticket:g1"));

    assertThat(allowed).containsExactly("ticket:z1", "ticket:a1", "ticket:h1");
  }

  @Test
  void filterWhenManyCandidatesThenChunksCheckedNarrowestPrincipalFirst() {
    Authorizer small = Authorizer.builder(pm.client).clock(pm.clock).filterChunkSize(2).build();
    Actor agent = ragAgent();
    pm.client.reset();

    List<String> allowed =
        small.filter(
            agent,
            "can_view",
            List.of("ticket:a1", "ticket:a2", "ticket:s1", "ticket:h1", "ticket:z1"));

    assertThat(allowed).containsExactly("ticket:h1");
    // 1 batch for the task bindings; chunk [a1, a2]: task denies both (1 batch);
    // [s1, h1]: task keeps both, consent keeps h1, user keeps h1 (3 batches); [z1]: task (1)
    assertThat(pm.client.batchChecks.get()).isEqualTo(6);
    assertThat(pm.client.checksSent).hasSize(2 + 2 + (2 + 2 + 1) + 1);
    assertThat(pm.client.checksSent)
        .filteredOn(
            check -> check.user().equals("user:erin") && check.object().startsWith("ticket:"))
        .extracting(CheckRequest::object)
        .containsExactly("ticket:h1");
  }

  @Test
  void filterWhenNoCandidatesThenNoCall() {
    assertThat(pm.authorizer.filter(Actor.user("alice"), "can_view", List.of())).isEmpty();
    assertThat(pm.client.calls()).isZero();
  }
}
