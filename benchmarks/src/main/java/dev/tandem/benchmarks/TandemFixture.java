package dev.tandem.benchmarks;

import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.engine.Engine;
import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.tuple.InMemoryTupleStore;
import dev.tandem.core.tuple.TupleKey;
import dev.tandem.core.tuple.TupleStore;
import java.util.List;

/** The embedded engine over an {@link InMemoryTupleStore} loaded with a {@link HierarchyData}. */
final class TandemFixture {

  /** Tuples per store write while loading; OpenFGA's own default is 100 per write. */
  static final int LOAD_BATCH = 10_000;

  final Engine engine = Engine.create();
  final AuthorizationModel model = HierarchyData.model();
  final TupleStore store;

  TandemFixture(List<TupleKey> tuples) {
    this.store = load(tuples);
  }

  /** A store holding {@code tuples}, written in batches of {@value #LOAD_BATCH}. */
  static InMemoryTupleStore load(List<TupleKey> tuples) {
    InMemoryTupleStore store = new InMemoryTupleStore(LOAD_BATCH);
    for (int from = 0; from < tuples.size(); from += LOAD_BATCH) {
      store.write(tuples.subList(from, Math.min(tuples.size(), from + LOAD_BATCH)), List.of());
    }
    if (store.size() != tuples.size()) {
      throw new IllegalStateException("store holds " + store.size() + " of " + tuples.size());
    }
    return store;
  }

  boolean canView(String user, String ticket) {
    return engine.check(model, store, CheckRequest.of(ticket, "can_view", user)).allowed();
  }

  /** Fails unless the engine gives the oracle's answer to every question. */
  void verify(Questions questions) {
    for (int i = 0; i < questions.size(); i++) {
      boolean answer = canView(questions.users()[i], questions.tickets()[i]);
      if (answer != questions.allowed()[i]) {
        throw new IllegalStateException(
            "Tandem answers "
                + answer
                + " for "
                + questions.users()[i]
                + " on "
                + questions.tickets()[i]
                + "; the oracle says "
                + questions.allowed()[i]);
      }
    }
  }
}
