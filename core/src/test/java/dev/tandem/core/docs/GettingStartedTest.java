package dev.tandem.core.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.core.FgaValidationException;
import dev.tandem.core.actor.Actor;
import dev.tandem.core.authz.Authorizer;
import dev.tandem.core.authz.Decision;
import dev.tandem.core.authz.Denial;
import dev.tandem.core.authz.DenialReason;
import dev.tandem.core.authz.Permission;
import dev.tandem.core.authz.PrincipalRole;
import dev.tandem.core.authz.TaskGrants;
import dev.tandem.core.client.CacheOptions;
import dev.tandem.core.client.FgaClient;
import dev.tandem.core.client.WriteRequest;
import dev.tandem.core.engine.BatchCheckItem;
import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.engine.CheckResult;
import dev.tandem.core.engine.ExpandRequest;
import dev.tandem.core.engine.ListObjectsRequest;
import dev.tandem.core.engine.ListUsersRequest;
import dev.tandem.core.engine.UsersetTree;
import dev.tandem.core.model.ModelDsl;
import dev.tandem.core.model.ModelFiles;
import dev.tandem.core.testing.Checkout;
import dev.tandem.core.tuple.TupleCondition;
import dev.tandem.core.tuple.TupleKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The code shown in docs/getting-started.md, compiled and run. */
class GettingStartedTest {

  @Test
  void embeddedClientWhenProjectHierarchyThenTeamMemberMayViewTickets() {
    // tag::embedded[]
    FgaClient fga = FgaClient.builder().embedded().cache(CacheOptions.defaults()).build();

    fga.writeAuthorizationModel(
        ModelDsl.parse(
            """
            model
              schema 1.1
            type user
            type team
              relations
                define member: [user]
            type project
              relations
                define team: [team]
                define can_view: member from team
            type ticket
              relations
                define project: [project]
                define can_view: can_view from project
            """));

    fga.write(
        new WriteRequest(
            List.of(
                TupleKey.of("team:platform", "member", "user:alice"),
                TupleKey.of("project:apollo", "team", "team:platform"),
                TupleKey.of("ticket:42", "project", "project:apollo")),
            List.of()));

    boolean allowed = fga.check(CheckRequest.of("ticket:42", "can_view", "user:alice")).allowed();
    Set<String> visible =
        fga.listObjects(ListObjectsRequest.of("ticket", "can_view", "user:alice"));
    Set<String> viewers = fga.listUsers(ListUsersRequest.of("ticket:42", "can_view", "user"));
    List<BatchCheckItem> answers = // in request order; a failed item never fails the others
        fga.batchCheck(
            List.of(
                CheckRequest.of("ticket:42", "can_view", "user:alice"),
                CheckRequest.of("ticket:42", "can_view", "user:bob")));
    // end::embedded[]

    assertThat(allowed).isTrue();
    assertThat(visible).containsExactly("ticket:42");
    assertThat(viewers).containsExactly("user:alice");
    assertThat(answers)
        .containsExactly(
            new BatchCheckItem.Evaluated(new CheckResult(true, false)),
            new BatchCheckItem.Evaluated(new CheckResult(false, false)));
    assertThat(fga.check(CheckRequest.of("ticket:42", "can_view", "user:bob")).allowed()).isFalse();

    // tag::expand[]
    UsersetTree tree = fga.expand(ExpandRequest.of("ticket:42", "can_view"));
    // "can_view from project": a leaf naming the usersets the ticket's project tuples point to
    List<String> next = ((UsersetTree.TupleToUserset) tree).computed();
    // end::expand[]

    assertThat(next).containsExactly("project:apollo#can_view");
    assertThat(fga.expand(ExpandRequest.of("project:apollo", "can_view")))
        .isEqualTo(
            new UsersetTree.TupleToUserset(
                "project:apollo#can_view", "project:apollo#team", List.of("team:platform#member")));
  }

  @Test
  void conditionedTupleWhenContextSentThenConditionDecides() throws Exception {
    FgaClient fga = referenceModelClient();

    // tag::conditions[]
    fga.write(
        WriteRequest.writes(
            new TupleKey(
                "project:apollo",
                "can_view",
                "task:t1",
                new TupleCondition("task_active", Map.of("expires_at", "2030-01-01T00:00:00Z")))));

    // the condition's other parameters come with each question
    CheckRequest before2030 =
        new CheckRequest(
            "project:apollo",
            "can_view",
            "task:t1",
            List.of(), // contextual tuples
            Map.of("current_time", "2029-06-01T00:00:00Z"));
    boolean allowed = fga.check(before2030).allowed();
    // without current_time: FgaValidationException "... missing context parameters [current_time]"
    // end::conditions[]

    assertThat(allowed).isTrue();
    assertThatThrownBy(() -> fga.check(CheckRequest.of("project:apollo", "can_view", "task:t1")))
        .isInstanceOf(FgaValidationException.class)
        .hasMessageContaining("missing context parameters [current_time]");
  }

  @Test
  void agentTaskWhenActionOutsideTheGrantThenDeniedByTheTask() throws Exception {
    FgaClient fga = referenceModelClient();
    fga.write(
        WriteRequest.writes(
            TupleKey.of("project:apollo", "editor", "user:alice"),
            TupleKey.of("ticket:42", "project", "project:apollo")));

    // tag::agent[]
    Authorizer authorizer = Authorizer.create(fga);
    TaskGrants tasks = TaskGrants.create(fga);
    String taskId =
        tasks.start(
            "alice",
            "summarizer",
            List.of(Permission.of("can_view", "project:apollo")),
            Duration.ofMinutes(30));
    Actor agent = Actor.user("alice").withAgentTask("summarizer", taskId);

    Decision view = authorizer.decide(agent, "can_view", "ticket:42");
    // granted: alice and the task both hold it (the grant flows down to the project's tickets)
    Decision edit = authorizer.decide(agent, "can_edit", "project:apollo");
    // denied by TASK: alice may edit, but the task was granted only can_view
    tasks.end(taskId); // from now on the task grants nothing
    // end::agent[]

    assertThat(view.granted()).isTrue();
    assertThat(((Decision.Denied) edit).denials())
        .containsExactly(new Denial(PrincipalRole.TASK, DenialReason.NOT_GRANTED));
    assertThat(authorizer.decide(agent, "can_view", "ticket:42").granted()).isFalse();
  }

  private static FgaClient referenceModelClient() throws Exception {
    FgaClient fga = FgaClient.builder().embedded().build();
    fga.writeAuthorizationModel(
        ModelFiles.read(Checkout.root().resolve("docs/models/project-management.fga")));
    return fga;
  }
}
