package dev.tandem.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.model.ModelDsl;
import dev.tandem.core.tuple.InMemoryTupleStore;
import dev.tandem.core.tuple.TupleKey;
import dev.tandem.core.tuple.TupleStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Engine#batchCheck}: each item stands alone, whatever the items around it. */
class BatchCheckTest {

  private static final AuthorizationModel MODEL =
      ModelDsl.parse(
          """
          model
            schema 1.1
          type user
          type document
            relations
              define viewer: [user]
          """);

  private final Engine engine = Engine.create();
  private final TupleStore store = new InMemoryTupleStore();

  @Test
  void batchCheckWhenOneUserAndSomeRequestsInvalidThenOnlyThoseFail() {
    store.write(List.of(TupleKey.of("document:1", "viewer", "user:anne")), List.of());

    List<BatchCheckItem> items =
        engine.batchCheck(
            MODEL,
            store,
            List.of(
                CheckRequest.of("document:1", "viewer", "user:anne"),
                CheckRequest.of("folder:1", "viewer", "user:anne"),
                CheckRequest.of("document:1", "editor", "user:anne"),
                CheckRequest.of("document:2", "viewer", "user:anne"),
                CheckRequest.of("document:1", "viewer", "user:a b"),
                CheckRequest.of("document:1", "viewer", "user:a b"),
                CheckRequest.of("document:1", "viewer", "group:x"),
                CheckRequest.of("document:1", "viewer", "group:x"),
                CheckRequest.of("document:1", "viewer", "user:anne")));

    assertThat(items)
        .extracting(item -> item instanceof BatchCheckItem.Failed ? "failed" : item.allowed())
        .containsExactly(
            true, "failed", "failed", false, "failed", "failed", "failed", "failed", true);
  }
}
