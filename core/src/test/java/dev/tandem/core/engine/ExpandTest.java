package dev.tandem.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.core.ErrorCode;
import dev.tandem.core.FgaValidationException;
import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.model.ModelDsl;
import dev.tandem.core.tuple.InMemoryTupleStore;
import dev.tandem.core.tuple.TupleCondition;
import dev.tandem.core.tuple.TupleKey;
import dev.tandem.core.tuple.TupleStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** OpenFGA's Expand on the embedded engine: one level of the userset tree, every node kind. */
class ExpandTest {

  private static final AuthorizationModel MODEL =
      ModelDsl.parse(
          """
          model
            schema 1.1
          type user
          type group
            relations
              define member: [user]
          type folder
            relations
              define viewer: [user]
          type doc
            relations
              define parent: [folder]
              define blocked: [user]
              define owner: [user]
              define commenter: [user, user:*, group#member]
              define editor: [user, user with in_region] or owner
              define viewer: [user] or editor or viewer from parent
              define can_view: viewer
              define parent_viewer: viewer from parent
              define approver: [user] and editor
              define reader: viewer but not blocked
              define nested: ([user] or owner) and (editor but not blocked)
          condition in_region(region: string, allowed: list<string>) {
            region in allowed
          }
          """);

  private final Engine engine = Engine.create();
  private final TupleStore store = new InMemoryTupleStore();

  @Test
  void expandWhenRelationIsDirectThenLeafListsUsersWildcardsAndUsersetsSortedOnce() {
    write(
        TupleKey.of("doc:1", "commenter", "user:bob"),
        TupleKey.of("doc:1", "commenter", "user:*"),
        TupleKey.of("doc:1", "commenter", "group:eng#member"),
        TupleKey.of("doc:1", "commenter", "user:anne"),
        TupleKey.of("doc:2", "commenter", "user:carl"));

    assertThat(expand("doc:1", "commenter"))
        .isEqualTo(
            new UsersetTree.Users(
                "doc:1#commenter", List.of("group:eng#member", "user:*", "user:anne", "user:bob")));
  }

  @Test
  void expandWhenNoTuplesThenLeafHasNoUsers() {
    assertThat(expand("doc:1", "owner")).isEqualTo(new UsersetTree.Users("doc:1#owner", List.of()));
  }

  @Test
  void expandWhenRelationIsComputedThenLeafNamesTheOtherRelationOfTheSameObject() {
    assertThat(expand("doc:1", "can_view"))
        .isEqualTo(new UsersetTree.Computed("doc:1#can_view", "doc:1#viewer"));
  }

  @Test
  void expandWhenRelationIsTupleToUsersetThenLeafNamesEachParentsUsersetOnce() {
    write(
        TupleKey.of("doc:1", "parent", "folder:b"),
        TupleKey.of("doc:1", "parent", "folder:a"),
        TupleKey.of("folder:a", "viewer", "user:anne"));

    assertThat(expand("doc:1", "parent_viewer"))
        .isEqualTo(
            new UsersetTree.TupleToUserset(
                "doc:1#parent_viewer",
                "doc:1#parent",
                List.of("folder:a#viewer", "folder:b#viewer")));
  }

  @Test
  void expandWhenRelationIsUnionThenReturnsOneNodePerBranch() {
    write(
        TupleKey.of("doc:1", "viewer", "user:anne"),
        TupleKey.of("doc:1", "parent", "folder:a"),
        TupleKey.of("doc:1", "owner", "user:bob"));

    String name = "doc:1#viewer";
    assertThat(expand("doc:1", "viewer"))
        .isEqualTo(
            new UsersetTree.Union(
                name,
                List.of(
                    new UsersetTree.Users(name, List.of("user:anne")),
                    new UsersetTree.Computed(name, "doc:1#editor"),
                    new UsersetTree.TupleToUserset(
                        name, "doc:1#parent", List.of("folder:a#viewer")))));
  }

  @Test
  void expandWhenRelationIsIntersectionThenReturnsOneNodePerOperand() {
    write(TupleKey.of("doc:1", "approver", "user:anne"));

    String name = "doc:1#approver";
    assertThat(expand("doc:1", "approver"))
        .isEqualTo(
            new UsersetTree.Intersection(
                name,
                List.of(
                    new UsersetTree.Users(name, List.of("user:anne")),
                    new UsersetTree.Computed(name, "doc:1#editor"))));
  }

  @Test
  void expandWhenRelationIsExclusionThenReturnsBaseAndSubtract() {
    String name = "doc:1#reader";
    assertThat(expand("doc:1", "reader"))
        .isEqualTo(
            new UsersetTree.Difference(
                name,
                new UsersetTree.Computed(name, "doc:1#viewer"),
                new UsersetTree.Computed(name, "doc:1#blocked")));
  }

  @Test
  void expandWhenRewriteIsNestedThenTreeFollowsItWithoutLeavingTheObject() {
    write(TupleKey.of("doc:1", "nested", "user:anne"));

    String name = "doc:1#nested";
    assertThat(expand("doc:1", "nested"))
        .isEqualTo(
            new UsersetTree.Intersection(
                name,
                List.of(
                    new UsersetTree.Union(
                        name,
                        List.of(
                            new UsersetTree.Users(name, List.of("user:anne")),
                            new UsersetTree.Computed(name, "doc:1#owner"))),
                    new UsersetTree.Difference(
                        name,
                        new UsersetTree.Computed(name, "doc:1#editor"),
                        new UsersetTree.Computed(name, "doc:1#blocked")))));
  }

  @Test
  void expandWhenContextualTuplesGivenThenLeavesIncludeThemForThatRequestOnly() {
    write(TupleKey.of("doc:1", "commenter", "user:bob"));
    ExpandRequest request =
        new ExpandRequest(
            "doc:1",
            "parent_viewer",
            List.of(
                TupleKey.of("doc:1", "parent", "folder:a"),
                TupleKey.of("doc:1", "commenter", "user:anne")));
    ExpandRequest commenters =
        new ExpandRequest(
            "doc:1", "commenter", List.of(TupleKey.of("doc:1", "commenter", "user:anne")));

    assertThat(engine.expand(MODEL, store, request))
        .isEqualTo(
            new UsersetTree.TupleToUserset(
                "doc:1#parent_viewer", "doc:1#parent", List.of("folder:a#viewer")));
    assertThat(engine.expand(MODEL, store, commenters))
        .isEqualTo(new UsersetTree.Users("doc:1#commenter", List.of("user:anne", "user:bob")));
    assertThat(expand("doc:1", "commenter"))
        .isEqualTo(new UsersetTree.Users("doc:1#commenter", List.of("user:bob")));
  }

  @Test
  void expandWhenTupleHasConditionThenListsItWithoutEvaluatingTheCondition() {
    write(
        new TupleKey(
            "doc:1",
            "editor",
            "user:carl",
            new TupleCondition("in_region", Map.of("allowed", List.of("eu")))));

    assertThat(expand("doc:1", "editor"))
        .isEqualTo(
            new UsersetTree.Union(
                "doc:1#editor",
                List.of(
                    new UsersetTree.Users("doc:1#editor", List.of("user:carl")),
                    new UsersetTree.Computed("doc:1#editor", "doc:1#owner"))));
  }

  @Test
  void expandWhenStoredTupleNoLongerFitsTheModelThenLeavesOmitIt() {
    // Written past validation, as under an earlier model that allowed them.
    store.write(
        List.of(
            TupleKey.of("doc:1", "owner", "user:*"),
            TupleKey.of("doc:1", "owner", "group:eng#member"),
            TupleKey.of("doc:1", "owner", "user:anne"),
            TupleKey.of("doc:1", "parent", "group:eng")),
        List.of());

    assertThat(expand("doc:1", "owner"))
        .isEqualTo(new UsersetTree.Users("doc:1#owner", List.of("user:anne")));
    assertThat(expand("doc:1", "parent_viewer"))
        .isEqualTo(
            new UsersetTree.TupleToUserset("doc:1#parent_viewer", "doc:1#parent", List.of()));
  }

  @Test
  void expandWhenRelationOrTypeUnknownThenValidationError() {
    assertThatThrownBy(() -> expand("doc:1", "no_such_relation"))
        .isInstanceOfSatisfying(
            FgaValidationException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
              assertThat(e).hasMessageContaining("no_such_relation");
            });
    assertThatThrownBy(() -> expand("no_such_type:1", "viewer"))
        .isInstanceOfSatisfying(
            FgaValidationException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR));
  }

  @Test
  void expandWhenObjectOrRelationMalformedThenValidationError() {
    for (ExpandRequest request :
        List.of(
            ExpandRequest.of("doc:a b", "viewer"),
            ExpandRequest.of("", "viewer"),
            ExpandRequest.of("doc:1", ""),
            ExpandRequest.of("doc", "viewer"))) {
      assertThatThrownBy(() -> engine.expand(MODEL, store, request))
          .as("%s", request)
          .isInstanceOfSatisfying(
              FgaValidationException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR));
    }
  }

  @Test
  void expandWhenContextualTupleBreaksTheModelThenInvalidTuple() {
    ExpandRequest request =
        new ExpandRequest("doc:1", "viewer", List.of(TupleKey.of("doc:1", "viewer", "group:eng")));

    assertThatThrownBy(() -> engine.expand(MODEL, store, request))
        .isInstanceOfSatisfying(
            FgaValidationException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TUPLE));
  }

  private void write(TupleKey... tuples) {
    store.write(List.of(tuples), List.of());
  }

  private UsersetTree expand(String object, String relation) {
    return engine.expand(MODEL, store, ExpandRequest.of(object, relation));
  }
}
