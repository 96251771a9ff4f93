package dev.tandem.core.engine.differential;

import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.tuple.TupleKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One generated world: a model, its tuples and the condition context every request sends.
 *
 * @param seed the seed the scenario was generated from
 * @param model the model
 * @param ids object ids used in tuples, per type (every type of the model has an entry)
 * @param tuples the tuples, valid for the model unless listed in {@code staleCount}
 * @param staleCount how many tuples at the end of {@code tuples} do not fit the model's type
 *     restrictions (written to the store only, where the engine must ignore them)
 * @param contextX the value of the condition parameter {@code x} sent with every request
 * @param cyclic whether the tuples may form cycles (only for models without exclusion, where the
 *     least fixpoint is OpenFGA's answer)
 */
record Scenario(
    long seed,
    AuthorizationModel model,
    Map<String, List<String>> ids,
    List<TupleKey> tuples,
    int staleCount,
    int contextX,
    boolean cyclic) {

  /** An id no tuple uses: checks on it exercise wildcards and the userset self rule. */
  static final String FRESH_ID = "9";

  Scenario {
    ids = Map.copyOf(ids);
    tuples = List.copyOf(tuples);
  }

  /** The ids a query may name for {@code type}: those used in tuples plus {@link #FRESH_ID}. */
  List<String> queryIds(String type) {
    List<String> all = new ArrayList<>(ids.getOrDefault(type, List.of()));
    all.add(FRESH_ID);
    return all;
  }

  /** The tuples that fit the model. */
  List<TupleKey> validTuples() {
    return tuples.subList(0, tuples.size() - staleCount);
  }

  /** The request context: {@code {x: contextX}}. */
  Map<String, Object> context() {
    return Map.of("x", contextX);
  }

  Scenario withModel(AuthorizationModel newModel) {
    return new Scenario(seed, newModel, ids, tuples, staleCount, contextX, cyclic);
  }

  /** This scenario with other tuples; {@code stale} of them, at the end, are stale. */
  Scenario withTuples(List<TupleKey> newTuples, int stale) {
    return new Scenario(seed, model, ids, newTuples, stale, contextX, cyclic);
  }
}
