package dev.tandem.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.core.ErrorCode;
import dev.tandem.core.FgaValidationException;
import dev.tandem.core.engine.ExpandRequest;
import dev.tandem.core.engine.UsersetTree;
import dev.tandem.core.model.ModelDsl;
import dev.tandem.core.tuple.TupleCondition;
import dev.tandem.core.tuple.TupleKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The expand part of {@link FgaClientContractTest}, on its model: every implementation, embedded or
 * remote, answers with the same tree.
 */
interface ExpandContract {

  /** The client under test, with {@link FgaClientContractTest#MODEL} written. */
  FgaClient contractClient();

  private void write(TupleKey... tuples) {
    contractClient().write(WriteRequest.writes(tuples));
  }

  @Test
  default void expandWhenRelationIsUnionThenReturnsOneNodePerBranch() {
    write(
        TupleKey.of("doc:readme", "viewer", "user:anne"),
        TupleKey.of("doc:readme", "viewer", "user:*"),
        TupleKey.of("doc:readme", "viewer", "group:eng#member"),
        TupleKey.of("doc:readme", "parent", "folder:specs"));

    String name = "doc:readme#viewer";
    assertThat(contractClient().expand(ExpandRequest.of("doc:readme", "viewer")))
        .isEqualTo(
            new UsersetTree.Union(
                name,
                List.of(
                    new UsersetTree.Users(name, List.of("group:eng#member", "user:*", "user:anne")),
                    new UsersetTree.Computed(name, "doc:readme#editor"),
                    new UsersetTree.TupleToUserset(
                        name, "doc:readme#parent", List.of("folder:specs#viewer")))));
  }

  @Test
  default void expandWhenTupleHasConditionThenListsItWithoutEvaluatingTheCondition() {
    write(
        new TupleKey(
            "doc:readme",
            "editor",
            "user:carl",
            new TupleCondition("in_region", Map.of("allowed", List.of("eu")))));

    String name = "doc:readme#editor";
    assertThat(
            contractClient()
                .expand(ExpandRequest.of("doc:readme", "editor"), Consistency.HIGHER_CONSISTENCY))
        .isEqualTo(
            new UsersetTree.Union(
                name,
                List.of(
                    new UsersetTree.Users(name, List.of("user:carl")),
                    new UsersetTree.Computed(name, "doc:readme#owner"))));
  }

  @Test
  default void expandWhenContextualTuplesGivenThenLeavesIncludeThemForThatRequestOnly() {
    ExpandRequest request =
        new ExpandRequest(
            "doc:readme", "owner", List.of(TupleKey.of("doc:readme", "owner", "user:anne")));

    assertThat(contractClient().expand(request))
        .isEqualTo(new UsersetTree.Users("doc:readme#owner", List.of("user:anne")));
    assertThat(contractClient().expand(ExpandRequest.of("doc:readme", "owner")))
        .isEqualTo(new UsersetTree.Users("doc:readme#owner", List.of()));
  }

  @Test
  default void expandWhenRelationIsIntersectionOrExclusionThenTreeHasThoseNodes() {
    contractClient()
        .writeAuthorizationModel(
            ModelDsl.parse(
                """
                model
                  schema 1.1
                type user
                type doc
                  relations
                    define blocked: [user]
                    define editor: [user]
                    define approver: [user] and editor
                    define reader: approver but not blocked
                """));
    write(TupleKey.of("doc:1", "approver", "user:anne"));

    assertThat(contractClient().expand(ExpandRequest.of("doc:1", "approver")))
        .isEqualTo(
            new UsersetTree.Intersection(
                "doc:1#approver",
                List.of(
                    new UsersetTree.Users("doc:1#approver", List.of("user:anne")),
                    new UsersetTree.Computed("doc:1#approver", "doc:1#editor"))));
    assertThat(contractClient().expand(ExpandRequest.of("doc:1", "reader")))
        .isEqualTo(
            new UsersetTree.Difference(
                "doc:1#reader",
                new UsersetTree.Computed("doc:1#reader", "doc:1#approver"),
                new UsersetTree.Computed("doc:1#reader", "doc:1#blocked")));
  }

  @Test
  default void expandWhenRelationUnknownThenValidationException() {
    assertThatThrownBy(
            () -> contractClient().expand(ExpandRequest.of("doc:readme", "no_such_relation")))
        .isInstanceOfSatisfying(
            FgaValidationException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR));
  }
}
