package dev.tandem.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.model.ModelDsl;
import dev.tandem.core.tuple.InMemoryTupleStore;
import dev.tandem.core.tuple.TupleKey;
import dev.tandem.core.tuple.TupleStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A userset contains itself: OpenFGA answers {@code Check(document:1#viewer@document:1#viewer)}
 * with true whatever the tuples, and applies the rule to every subproblem (RFC "queries with
 * usersets"; {@code LocalChecker.ResolveCheck}). Found by the differential test.
 */
class OwnUsersetTest {

  private static final AuthorizationModel MODEL =
      ModelDsl.parse(
          """
          model
            schema 1.1
          type user
          type group
            relations
              define member: [user]
          type document
            relations
              define a: [user]
              define b: [user]
              define computed: a
              define union: a or b
              define intersection: a and b
              define difference: a but not b
              define parent: [group]
              define from_parent: member from parent
          """);

  private final Engine engine = Engine.create();
  private final TupleStore store = new InMemoryTupleStore();

  @Test
  void checkWhenUserIsTheQueriedUsersetThenAllowedWithoutTuples() {
    assertThat(check("document:1", "a", "document:1#a")).isTrue();
  }

  @Test
  void checkWhenRewriteReachesTheUsersetThenAllowed() {
    assertThat(check("document:1", "computed", "document:1#a")).isTrue();
    assertThat(check("document:1", "union", "document:1#b")).isTrue();
    assertThat(check("document:1", "difference", "document:1#a")).isTrue();
  }

  @Test
  void checkWhenTupleToUsersetReachesTheParentsUsersetThenAllowed() {
    store.write(List.of(TupleKey.of("document:1", "parent", "group:eng")), List.of());

    assertThat(check("document:1", "from_parent", "group:eng#member")).isTrue();
    assertThat(check("document:1", "from_parent", "group:other#member")).isFalse();
  }

  @Test
  void checkWhenOnlyOneOperandOfIntersectionIsTheUsersetThenDenied() {
    assertThat(check("document:1", "intersection", "document:1#a")).isFalse();
    assertThat(check("document:1", "a", "document:2#a")).isFalse();
    assertThat(check("document:1", "a", "document:1#b")).isFalse();
  }

  @Test
  void listObjectsWhenUserIsAUsersetOfTheTypeThenListsItsObjectLikeCheck() {
    assertThat(
            engine.listObjects(
                MODEL, store, ListObjectsRequest.of("document", "computed", "document:7#a")))
        .containsExactly("document:7");
  }

  @Test
  void listUsersWhenFilterIsTheQueriedUsersetThenListsIt() {
    assertThat(
            engine.listUsers(
                MODEL, store, ListUsersRequest.of("document:1", "computed", "document#a")))
        .containsExactly("document:1#a");
  }

  private boolean check(String object, String relation, String user) {
    return engine.check(MODEL, store, CheckRequest.of(object, relation, user)).allowed();
  }
}
