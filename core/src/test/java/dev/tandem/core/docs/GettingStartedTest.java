package dev.tandem.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.client.CacheOptions;
import dev.tandem.core.client.FgaClient;
import dev.tandem.core.client.WriteRequest;
import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.engine.ExpandRequest;
import dev.tandem.core.engine.ListObjectsRequest;
import dev.tandem.core.engine.UsersetTree;
import dev.tandem.core.model.ModelDsl;
import dev.tandem.core.tuple.TupleKey;
import java.util.List;
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
    // end::embedded[]

    assertThat(allowed).isTrue();
    assertThat(visible).containsExactly("ticket:42");
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
}
