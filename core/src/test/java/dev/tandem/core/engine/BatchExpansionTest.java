package dev.tandem.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.FgaException;
import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.model.ModelDsl;
import dev.tandem.core.testing.Checkout;
import dev.tandem.core.tuple.InMemoryTupleStore;
import dev.tandem.core.tuple.TupleCondition;
import dev.tandem.core.tuple.TupleKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Engine#batchCheck} answers big batches of one user and relation from a {@link
 * ReverseExpansion} where it can: on random layered models, tuples and condition contexts, every
 * item must equal the check of its request on its own.
 */
class BatchExpansionTest {

  private static final int SCENARIOS = 300;
  private static final int LAYERS = 4;
  private static final int RELATIONS = 3;
  private static final int IDS = 6;

  /** Request contexts: none, {@code now} alone, both parameters, another's, one that fails. */
  private static final int CONTEXTS = 5;

  private final Engine engine = Engine.create();

  @Test
  void batchAnswersEqualSingleChecksOnRandomModels() {
    int expanded = 0;
    int batches = 0;
    int allowed = 0;
    int decidedByConditions = 0;
    int undecided = 0;
    for (int seed = 0; seed < SCENARIOS; seed++) {
      Random random = new Random(seed);
      String dsl = model(random);
      AuthorizationModel model = ModelDsl.parse(dsl);
      InMemoryTupleStore store = new InMemoryTupleStore();
      List<TupleKey> tuples = tuples(random, model);
      write(store, tuples);
      TypeSystem types = new TypeSystem(model);
      for (int layer = 0; layer < LAYERS; layer++) {
        for (int r = 0; r < RELATIONS; r++) {
          for (String user : List.of("user:0", "user:1", "user:2", "user:9", "bot:0")) {
            String type = "l" + layer;
            Map<String, Object> context = context(random);
            List<CheckRequest> requests = new ArrayList<>();
            for (int n = 0; n < 40; n++) {
              requests.add(
                  new CheckRequest(
                      type + ":" + random.nextInt(IDS + 2), "r" + r, user, List.of(), context));
            }
            if (random.nextInt(4) == 0) {
              requests.add(CheckRequest.of("l0:0", "r0", user));
              requests.add(CheckRequest.of(type + ":1", "nosuch", user));
            }
            Map<String, ReverseExpansion.Found> found =
                ReverseExpansion.expand(
                    new Evaluation(types, store, List.of(), context),
                    type,
                    "r" + r,
                    user,
                    requests.size());
            if (found != null) {
              expanded++;
              undecided += found.containsValue(ReverseExpansion.Found.UNDECIDED) ? 1 : 0;
              // With every condition met, the walk finds more: some condition decided this one.
              Map<String, Object> allMet = Map.of("now", -1, "until", 100, "x", 0);
              decidedByConditions +=
                  found.equals(
                          ReverseExpansion.expand(
                              new Evaluation(types, store, List.of(), allMet),
                              type,
                              "r" + r,
                              user,
                              requests.size()))
                      ? 0
                      : 1;
            }
            batches++;
            List<BatchCheckItem> items = engine.batchCheck(model, store, requests);
            for (int i = 0; i < requests.size(); i++) {
              Object single = single(model, store, requests.get(i));
              assertThat(outcome(items.get(i)))
                  .as("seed %d, %s\n%s", seed, requests.get(i), dsl)
                  .isEqualTo(single);
              allowed += items.get(i).allowed() ? 1 : 0;
            }
          }
        }
      }
    }
    System.out.printf(
        "batch expansion: %d of %d batches expanded (%d decided by a condition, %d with a failed"
            + " one), %d allowed items%n",
        expanded, batches, decidedByConditions, undecided, allowed);
    assertThat(expanded).isGreaterThan(batches / 4);
    assertThat(expanded).isLessThan(batches);
    assertThat(decidedByConditions).isGreaterThan(expanded / 20);
    assertThat(undecided).isGreaterThan(expanded / 20);
  }

  @Test
  void batchOfAgentTaskOnReferenceModelWalksConditionedGrantsAndEqualsSingleChecks() {
    AuthorizationModel model = ModelDsl.parse(Checkout.read("docs/models/project-management.fga"));
    InMemoryTupleStore store = new InMemoryTupleStore();
    List<TupleKey> tuples = new ArrayList<>();
    tuples.add(TupleKey.of("team:t0", "organization", "organization:acme"));
    for (int p = 0; p < 10; p++) {
      tuples.add(TupleKey.of("project:p" + p, "team", "team:t0"));
    }
    List<String> tickets = new ArrayList<>();
    for (int k = 0; k < 100; k++) {
      tuples.add(TupleKey.of("ticket:k" + k, "project", "project:p" + k % 10));
      tickets.add("ticket:k" + k);
    }
    // Grants to the task: live until 10:00 on p0..p2, expired at 08:00 on p3, no expiry on p4.
    for (int p = 0; p < 5; p++) {
      Map<String, Object> expiry =
          p < 3
              ? Map.of("expires_at", "2026-03-02T10:00:00Z")
              : p == 3 ? Map.of("expires_at", "2026-03-02T08:00:00Z") : Map.of();
      tuples.add(
          new TupleKey(
              "project:p" + p, "can_view", "task:abc", new TupleCondition("task_active", expiry)));
    }
    write(store, tuples);
    TypeSystem types = new TypeSystem(model);
    // Per context: the expected allowed and failed items (a grant missing expires_at, or all).
    Map<Map<String, Object>, List<Integer>> expected =
        Map.of(
            Map.of("current_time", "2026-03-02T09:00:00Z"), List.of(30, 10),
            Map.of("current_time", "2026-03-02T11:00:00Z"), List.of(0, 10),
            Map.of(), List.of(0, 50),
            Map.of("current_time", "not a time"), List.of(0, 50));
    for (Map<String, Object> context : expected.keySet()) {
      List<CheckRequest> requests = new ArrayList<>();
      for (String ticket : tickets) {
        requests.add(new CheckRequest(ticket, "can_view", "task:abc", List.of(), context));
      }
      assertThat(
              ReverseExpansion.expand(
                  new Evaluation(types, store, List.of(), context),
                  "ticket",
                  "can_view",
                  "task:abc",
                  requests.size()))
          .as("walked with %s", context)
          .isNotNull();
      List<BatchCheckItem> items = engine.batchCheck(model, store, requests);
      int allowed = 0;
      int failed = 0;
      for (int i = 0; i < requests.size(); i++) {
        assertThat(outcome(items.get(i)))
            .as("%s", requests.get(i))
            .isEqualTo(single(model, store, requests.get(i)));
        allowed += items.get(i).allowed() ? 1 : 0;
        failed += items.get(i) instanceof BatchCheckItem.Failed ? 1 : 0;
      }
      assertThat(List.of(allowed, failed)).as("with %s", context).isEqualTo(expected.get(context));
    }
  }

  private static void write(InMemoryTupleStore store, List<TupleKey> tuples) {
    for (int i = 0; i < tuples.size(); i += 50) {
      store.write(tuples.subList(i, Math.min(tuples.size(), i + 50)), List.of());
    }
  }

  private static Object outcome(BatchCheckItem item) {
    return item instanceof BatchCheckItem.Evaluated evaluated
        ? evaluated.result()
        : "failed " + ((BatchCheckItem.Failed) item).error().getMessage();
  }

  private Object single(AuthorizationModel model, InMemoryTupleStore store, CheckRequest request) {
    try {
      return engine.check(model, store, request);
    } catch (FgaException e) {
      return "failed " + e.getMessage();
    }
  }

  /**
   * A request context for conditions {@code small(x)} and {@code active(now, until)}: none (so an
   * {@code active} grant misses {@code now}), {@code now} alone (a grant without a stored {@code
   * until} misses it), both, {@code x} alone, or a {@code now} of the wrong type.
   */
  private static Map<String, Object> context(Random random) {
    return switch (random.nextInt(CONTEXTS)) {
      case 0 -> Map.of();
      case 1 -> Map.of("now", random.nextInt(20));
      case 2 -> Map.of("now", random.nextInt(20), "until", random.nextInt(20));
      case 3 -> Map.of("x", random.nextInt(20));
      default -> Map.of("now", "soon");
    };
  }

  /**
   * Layered types l0..l3, each with a parent tuple-set to a lower layer (now and then conditioned)
   * and relations r0..r2 built from direct grants (users, wildcards, usersets of lower layers, some
   * conditioned), computed usersets of earlier relations, tuple-to-usersets, and now and then an
   * intersection or exclusion (some over conditioned grants) or a same-layer userset that may make
   * a cycle.
   */
  private static String model(Random random) {
    StringBuilder dsl = new StringBuilder("model\n  schema 1.1\ntype user\ntype bot\n");
    for (int layer = 0; layer < LAYERS; layer++) {
      dsl.append("type l").append(layer).append("\n  relations\n");
      if (layer > 0) {
        java.util.Set<String> parents = new java.util.TreeSet<>();
        parents.add("l" + random.nextInt(layer));
        if (random.nextInt(3) == 0) {
          parents.add("l" + random.nextInt(layer));
        }
        if (random.nextInt(10) == 0) {
          parents.add("l" + random.nextInt(layer) + " with active");
        }
        dsl.append("    define parent: [").append(String.join(", ", parents)).append("]\n");
      }
      for (int r = 0; r < RELATIONS; r++) {
        java.util.Set<String> restrictions = new java.util.LinkedHashSet<>();
        restrictions.add("user");
        if (random.nextInt(4) == 0) {
          restrictions.add("user with active");
        }
        if (random.nextInt(3) == 0) {
          restrictions.add(random.nextInt(3) == 0 ? "user:* with active" : "user:*");
        }
        if (random.nextInt(4) == 0) {
          restrictions.add(random.nextInt(3) == 0 ? "bot with active" : "bot");
        }
        if (layer > 0 && random.nextInt(2) == 0) {
          restrictions.add(
              "l"
                  + random.nextInt(layer)
                  + "#r"
                  + random.nextInt(RELATIONS)
                  + (random.nextInt(12) == 0 ? " with active" : ""));
        }
        if (random.nextInt(25) == 0) {
          restrictions.add("l" + layer + "#r" + random.nextInt(RELATIONS)); // maybe a cycle
        }
        if (random.nextInt(25) == 0) {
          restrictions.add("user with small");
        }
        List<String> terms = new ArrayList<>();
        terms.add("[" + String.join(", ", restrictions) + "]");
        if (r > 0 && random.nextInt(2) == 0) {
          terms.add("r" + random.nextInt(r));
        }
        if (layer > 0 && random.nextInt(2) == 0) {
          terms.add("r" + random.nextInt(RELATIONS) + " from parent");
        }
        String rewrite = String.join(" or ", terms);
        String grant = random.nextBoolean() ? "[user]" : "[user with active]";
        if (r > 0 && random.nextInt(20) == 0) {
          rewrite = grant + " and r" + random.nextInt(r);
        } else if (r > 0 && random.nextInt(20) == 0) {
          rewrite = grant + " but not r" + random.nextInt(r);
        } else if (r > 0 && random.nextInt(20) == 0) {
          rewrite = "[bot] but not r" + random.nextInt(r);
        } else if (r > 0 && layer > 0 && random.nextInt(15) == 0) {
          rewrite = "r" + random.nextInt(r) + " and parent"; // may fail, then answer FALSE
        }
        dsl.append("    define r").append(r).append(": ").append(rewrite).append('\n');
      }
    }
    if (dsl.indexOf("with small") >= 0) {
      dsl.append("condition small(x: int) {\n  x < 10\n}\n");
    }
    if (dsl.indexOf("with active") >= 0) {
      dsl.append("condition active(now: int, until: int) {\n  now < until\n}\n");
    }
    return dsl.toString();
  }

  /** A tuple's condition; an {@code active} one stores {@code until} three times in four. */
  private static TupleCondition condition(Random random, String name) {
    if (name.equals("small")) {
      return new TupleCondition(name, Map.of("x", random.nextInt(20)));
    }
    return new TupleCondition(
        name, random.nextInt(4) == 0 ? Map.of() : Map.of("until", random.nextInt(20)));
  }

  private static List<TupleKey> tuples(Random random, AuthorizationModel model) {
    List<TupleKey> tuples = new ArrayList<>();
    java.util.Set<TupleKey> seen = new java.util.HashSet<>();
    for (int layer = 0; layer < LAYERS; layer++) {
      String type = "l" + layer;
      for (var relation : model.type(type).relations().values()) {
        var references = relation.directlyRelatedUserTypes();
        if (references.isEmpty()) {
          continue;
        }
        for (int n = random.nextInt(12); n > 0; n--) {
          var reference = references.get(random.nextInt(references.size()));
          String user =
              reference.wildcard()
                  ? reference.type() + ":*"
                  : reference.type()
                      + ":"
                      + random.nextInt(IDS)
                      + (reference.relation() == null ? "" : "#" + reference.relation());
          TupleKey tuple =
              new TupleKey(
                  type + ":" + random.nextInt(IDS),
                  relation.name(),
                  user,
                  reference.condition() == null ? null : condition(random, reference.condition()));
          if (seen.add(tuple.withoutCondition())) {
            tuples.add(tuple);
          }
        }
        // Stale tuples, which no longer fit the model and must be ignored.
        if (random.nextInt(5) == 0) {
          TupleKey stale =
              TupleKey.of(
                  type + ":" + random.nextInt(IDS),
                  relation.name(),
                  random.nextBoolean()
                      ? "bot:" + random.nextInt(IDS)
                      : "l" + random.nextInt(LAYERS) + ":" + random.nextInt(IDS) + "#r1");
          if (random.nextBoolean()) {
            stale =
                new TupleKey(
                    stale.object(),
                    stale.relation(),
                    "user:" + random.nextInt(3),
                    TupleCondition.of("small"));
          }
          if (seen.add(stale.withoutCondition())) {
            tuples.add(stale);
          }
        }
      }
    }
    return tuples;
  }
}
