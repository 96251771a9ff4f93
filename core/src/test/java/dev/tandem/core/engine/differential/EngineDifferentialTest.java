package dev.tandem.core.engine.differential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.model.InvalidModelException;
import dev.tandem.core.tuple.TupleKey;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Differential test: the engine against {@link ReferenceEvaluator} on random models, tuples and
 * requests, with the tuples written to the store, sent as contextual tuples, and split between the
 * two. See {@link Differential} for exactly what is compared (and where OpenFGA leaves ListUsers
 * undefined).
 *
 * <p>A disagreement fails with the scenario's seed and a shrunk case. Rerun one scenario with
 * {@code -Dtandem.differential.seed=<seed> -Dtandem.differential.scenarios=1}.
 */
class EngineDifferentialTest {

  private static final int DEFAULT_SCENARIOS = 500;
  private static final long SEED = Long.getLong("tandem.differential.seed", 20_250_611L);
  private static final int SCENARIOS =
      Integer.getInteger("tandem.differential.scenarios", DEFAULT_SCENARIOS);
  private static final int CHECKS = 80;
  private static final int LIST_OBJECTS = 12;
  private static final int LIST_USERS = 24;

  private final Differential differential = new Differential();
  private final Map<Differential.Mode, Integer> worlds = new EnumMap<>(Differential.Mode.class);
  private int checks;
  private int batchChecks;
  private int allowedChecks;
  private int listObjects;
  private int listUsers;
  private int ambiguousListUsers;
  private int skipped;
  private int cyclic;
  private long slowestMillis;
  private long slowestSeed;

  @Test
  void engineAgreesWithNaiveReferenceOnRandomModelsTuplesAndRequests() {
    long start = System.nanoTime();
    for (int i = 0; i < SCENARIOS; i++) {
      long scenarioStart = System.nanoTime();
      String failure = run(SEED + i);
      long millis = (System.nanoTime() - scenarioStart) / 1_000_000;
      if (millis > slowestMillis) {
        slowestMillis = millis;
        slowestSeed = SEED + i;
      }
      if (failure != null) {
        fail(failure);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "differential: %d scenarios (%d with cyclic tuples) %s, %d checks (%d allowed) and %d"
            + " more in batches,"
            + " %d listObjects, %d listUsers (%d where OpenFGA's listing is ambiguous),"
            + " %d skipped near the depth limit, %.1f s (slowest scenario: seed %d, %d ms)%n",
        SCENARIOS,
        cyclic,
        worlds,
        checks,
        allowedChecks,
        batchChecks,
        listObjects,
        listUsers,
        ambiguousListUsers,
        skipped,
        seconds,
        slowestSeed,
        slowestMillis);
    if (SCENARIOS == DEFAULT_SCENARIOS) {
      assertThat(checks).isGreaterThanOrEqualTo(100_000);
      assertThat(allowedChecks).isGreaterThan(checks / 4);
      assertThat(skipped).isLessThan(checks / 100);
    }
  }

  /** Runs one scenario in every applicable mode; returns a failure report, or null. */
  private String run(long seed) {
    Random random = new Random(seed);
    AuthorizationModel model = new ModelGenerator(random).generate();
    Scenario scenario = new TupleGenerator(random, model).generate(seed);
    cyclic += scenario.cyclic() ? 1 : 0;
    QueryGenerator generator =
        new QueryGenerator(random, scenario, new ReferenceEvaluator(scenario, true));
    List<Query> queries = new ArrayList<>();
    for (int i = 0; i < CHECKS; i++) {
      queries.add(generator.check());
    }
    for (int i = 0; i < LIST_OBJECTS; i++) {
      queries.add(generator.listObjects());
    }
    for (int i = 0; i < LIST_USERS; i++) {
      queries.add(generator.listUsers());
    }
    for (Differential.Mode mode : Differential.Mode.values()) {
      if (mode == Differential.Mode.CONTEXTUAL && scenario.staleCount() > 0) {
        continue; // stale tuples cannot be sent as contextual tuples: they are rejected
      }
      worlds.merge(mode, 1, Integer::sum);
      Differential.World world = new Differential.World(scenario, mode);
      for (Query query : queries) {
        Differential.Verdict verdict = differential.compare(world, query);
        count(query, verdict);
        if (verdict.kind() == Differential.Verdict.Kind.DISAGREE) {
          return report(scenario, mode, query, verdict);
        }
      }
      if (mode != Differential.Mode.MIXED) {
        continue; // batch checks are plain checks in a loop: one mode is enough
      }
      List<Query.Check> checkQueries = new ArrayList<>();
      for (Query query : queries.subList(0, CHECKS)) {
        checkQueries.add((Query.Check) query);
      }
      List<Differential.Verdict> batch = differential.batchCheck(world, checkQueries);
      for (int i = 0; i < batch.size(); i++) {
        batchChecks += batch.get(i).kind() == Differential.Verdict.Kind.AGREE ? 1 : 0;
        if (batch.get(i).kind() == Differential.Verdict.Kind.DISAGREE) {
          return "in a batch check: " + report(scenario, mode, checkQueries.get(i), batch.get(i));
        }
      }
    }
    return null;
  }

  private void count(Query query, Differential.Verdict verdict) {
    if (verdict.kind() == Differential.Verdict.Kind.SKIP) {
      skipped++;
    } else if (query instanceof Query.Check) {
      checks++;
      allowedChecks += verdict.expected().equals("true") ? 1 : 0;
    } else if (query instanceof Query.ListObjects) {
      listObjects++;
    } else {
      listUsers++;
      ambiguousListUsers += verdict.ambiguous() ? 1 : 0;
    }
  }

  private String report(
      Scenario scenario, Differential.Mode mode, Query query, Differential.Verdict verdict) {
    Scenario small = new Shrinker(differential, mode, query, verdict.signature()).shrink(scenario);
    Differential.Verdict smallVerdict =
        differential.compare(new Differential.World(small, mode), query);
    StringBuilder out = new StringBuilder();
    out.append("engine and reference disagree: seed ")
        .append(scenario.seed())
        .append(", mode ")
        .append(mode)
        .append(" (rerun with -Dtandem.differential.seed=")
        .append(scenario.seed())
        .append(" -Dtandem.differential.scenarios=1)\n")
        .append("original: ")
        .append(scenario.tuples().size())
        .append(" tuples, expected ")
        .append(verdict.expected())
        .append(", actual ")
        .append(verdict.actual())
        .append("\n\nminimal case:\nquery:    ")
        .append(query)
        .append("\nexpected: ")
        .append(smallVerdict.expected())
        .append("\nactual:   ")
        .append(smallVerdict.actual())
        .append("\ncontext:  ")
        .append(scenario.context())
        .append("\ntuples:\n");
    for (int i = 0; i < small.tuples().size(); i++) {
      TupleKey tuple = small.tuples().get(i);
      out.append("  ").append(tuple.withoutCondition());
      if (tuple.condition() != null) {
        out.append(" with ")
            .append(tuple.condition().name())
            .append(' ')
            .append(tuple.condition().context());
      }
      out.append(i >= small.validTuples().size() ? "  (stale: fits no restriction)\n" : "\n");
    }
    out.append("model").append(validity(small.model())).append(":\n");
    out.append(ModelPrinter.print(small.model()));
    return out.toString();
  }

  private static String validity(AuthorizationModel model) {
    try {
      model.requireValid();
      return "";
    } catch (InvalidModelException e) {
      return " (shrunk past OpenFGA's validation: " + e.getMessage().strip() + ")";
    }
  }
}
