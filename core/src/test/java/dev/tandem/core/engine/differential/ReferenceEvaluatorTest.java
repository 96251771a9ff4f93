package dev.tandem.core.engine.differential;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.model.ModelDsl;
import dev.tandem.core.tuple.TupleCondition;
import dev.tandem.core.tuple.TupleKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The oracle itself, on a hand-written model whose answers follow from OpenFGA's documentation. */
class ReferenceEvaluatorTest {

  private static final AuthorizationModel MODEL =
      ModelDsl.parse(
          """
          model
            schema 1.1
          type user
          type group
            relations
              define member: [user, group#member]
          type folder
            relations
              define viewer: [user, user:*, user with lt10]
          type doc
            relations
              define parent: [folder]
              define owner: [user]
              define blocked: [user]
              define editor: [user, group#member] or owner
              define viewer: (editor or viewer from parent) but not blocked
              define both: editor and viewer from parent
              define viewing_owner: viewer and owner
          condition lt10(x: int) {
            x < 10
          }
          """);

  private static final Map<String, List<String>> IDS =
      Map.of(
          "user", List.of("1", "2", "3"),
          "group", List.of("1", "2"),
          "folder", List.of("1", "2"),
          "doc", List.of("1"));

  private static final List<TupleKey> TUPLES =
      List.of(
          TupleKey.of("group:1", "member", "user:1"),
          TupleKey.of("group:2", "member", "group:1#member"),
          TupleKey.of("doc:1", "editor", "group:2#member"),
          TupleKey.of("doc:1", "owner", "user:2"),
          TupleKey.of("doc:1", "parent", "folder:1"),
          TupleKey.of("folder:1", "viewer", "user:*"),
          TupleKey.of("doc:1", "blocked", "user:2"),
          new TupleKey("folder:2", "viewer", "user:1", new TupleCondition("lt10", Map.of("x", 12))),
          new TupleKey("folder:2", "viewer", "user:2", TupleCondition.of("lt10")),
          // Stale: the restriction has no condition for user:*.
          new TupleKey("folder:2", "viewer", "user:*", TupleCondition.of("lt10")));

  private final ReferenceEvaluator reference =
      new ReferenceEvaluator(new Scenario(1, MODEL, IDS, TUPLES, 1, 3, false), true);

  @Test
  void checkFollowsUsersetsComputedRelationsAndTupleToUserset() {
    assertThat(reference.check("doc:1", "editor", "user:1")).isTrue();
    assertThat(reference.check("doc:1", "editor", "group:1#member")).isTrue();
    assertThat(reference.check("doc:1", "editor", "user:2")).isTrue();
    assertThat(reference.check("doc:1", "editor", "user:3")).isFalse();
    assertThat(reference.check("doc:1", "viewer", "user:3")).isTrue();
  }

  @Test
  void checkWithWildcardGrantsEveryIdAndTheWildcardItself() {
    assertThat(reference.check("folder:1", "viewer", "user:9")).isTrue();
    assertThat(reference.check("folder:1", "viewer", "user:*")).isTrue();
    assertThat(reference.check("doc:1", "editor", "user:*")).isFalse();
  }

  @Test
  void checkWithExclusionAndIntersection() {
    assertThat(reference.check("doc:1", "viewer", "user:2")).isFalse();
    assertThat(reference.check("doc:1", "both", "user:1")).isTrue();
    assertThat(reference.check("doc:1", "both", "user:3")).isFalse();
  }

  @Test
  void checkOfAUsersetAgainstItselfIsTrueAtEveryStepButNotThroughIntersection() {
    assertThat(reference.check("doc:1", "owner", "doc:1#owner")).isTrue();
    assertThat(reference.check("doc:1", "editor", "doc:1#owner")).isTrue();
    assertThat(reference.check("doc:1", "both", "doc:1#editor")).isFalse();
  }

  @Test
  void conditionsUseTupleContextFirstThenRequestContextAndStaleTuplesAreIgnored() {
    assertThat(reference.check("folder:2", "viewer", "user:1")).isFalse();
    assertThat(reference.check("folder:2", "viewer", "user:2")).isTrue();
    assertThat(reference.check("folder:2", "viewer", "user:3")).isFalse();
  }

  @Test
  void listingKeepsWildcardsAndMarksOnlyWildcardsWithLostExclusionsUsedToCover() {
    ReferenceEvaluator listing =
        new ReferenceEvaluator(new Scenario(1, MODEL, IDS, TUPLES, 1, 3, false), false);

    ReferenceEvaluator.Result viewer = listing.evaluate("doc:1", "viewer");
    assertThat(viewer.users()).contains("user:*", "user:1").doesNotContain("user:2", "user:3");
    assertThat(viewer.lossy()).containsExactly("user");
    assertThat(viewer.taint()).isEmpty();
    assertThat(listing.evaluate("doc:1", "viewing_owner").taint()).containsExactly("user");
  }

  @Test
  void cyclicTuplesMeanTheLeastFixpoint() {
    List<TupleKey> cycle =
        List.of(
            TupleKey.of("group:1", "member", "group:2#member"),
            TupleKey.of("group:2", "member", "group:1#member"),
            TupleKey.of("group:1", "member", "user:3"));
    ReferenceEvaluator cyclic =
        new ReferenceEvaluator(new Scenario(1, MODEL, IDS, cycle, 0, 3, true), true);

    assertThat(cyclic.check("group:2", "member", "user:3")).isTrue();
    assertThat(cyclic.check("group:2", "member", "group:1#member")).isTrue();
    assertThat(cyclic.check("group:2", "member", "user:1")).isFalse();
  }
}
