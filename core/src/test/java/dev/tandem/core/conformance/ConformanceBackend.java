package dev.tandem.core.conformance;

import dev.tandem.core.conformance.ConformanceSuite.Extras;
import dev.tandem.core.tuple.TupleKey;
import java.util.List;
import java.util.Set;

/**
 * What the conformance runner drives: one fresh store per test, models and tuples written in
 * stages, then queries against the latest model. Implemented over the embedded engine and, later,
 * over remote clients, so the same assertions run against every backend.
 */
public interface ConformanceBackend {

  /** A new, empty store. */
  Store newStore();

  /** One store under test. */
  interface Store {

    /** Writes a model from DSL; later queries use it. */
    void writeModel(String dsl);

    /** Writes tuples, validated against the latest model. */
    void writeTuples(List<TupleKey> tuples);

    boolean check(String object, String relation, String user, Extras extras);

    Set<String> listObjects(String type, String relation, String user, Extras extras);

    Set<String> listUsers(String object, String relation, List<String> filters, Extras extras);
  }
}
