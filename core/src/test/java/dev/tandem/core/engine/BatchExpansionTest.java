package dev.tandem.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.FgaException;
import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.model.ModelDsl;
import dev.tandem.core.tuple.InMemoryTupleStore;
import dev.tandem.core.tuple.TupleKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Engine#batchCheck} answers big batches of one user and relation from a {@link
 * ReverseExpansion} where it can: on random layered models and tuples, every item must equal the
 * check of its request on its own.
 */
class BatchExpansionTest {

  private static final int SCENARIOS = 300;
  private static final int LAYERS = 4;
  private static final int RELATIONS = 3;
  private static final int IDS = 6;

  private final Engine engine = Engine.create();

  @Test
  void batchAnswersEqualSingleChecksOnRandomModels() {
    int expanded = 0;
    int batches = 0;
    int allowed = 0;
    for (int seed = 0; seed < SCENARIOS; seed++) {
      Random random = new Random(seed);
      String dsl = model(random);
      AuthorizationModel model = ModelDsl.parse(dsl);
      InMemoryTupleStore store = new InMemoryTupleStore();
      List<TupleKey> tuples = tuples(random, model);
      for (int i = 0; i < tuples.size(); i += 50) {
        store.write(tuples.subList(i, Math.min(tuples.size(), i + 50)), List.of());
      }
      TypeSystem types = new TypeSystem(model);
      for (int layer = 0; layer < LAYERS; layer++) {
        for (int r = 0; r < RELATIONS; r++) {
          for (String user : List.of("user:0", "user:1", "user:2", "user:9", "bot:0")) {
            String type = "l" + layer;
            Map<String, Object> context =
                random.nextBoolean() ? Map.of() : Map.of("x", random.nextInt(20));
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
            if (ReverseExpansion.expand(
                    new Evaluation(types, store, List.of(), Map.of()),
                    type,
                    "r" + r,
                    user,
                    requests.size())
                != null) {
              expanded++;
            }
            batches++;
            List<BatchCheckItem> items = engine.batchCheck(model, store, requests);
            for (int i = 0; i < requests.size(); i++) {
              Object single = single(model, store, requests.get(i));
              Object batched =
                  items.get(i) instanceof BatchCheckItem.Evaluated evaluated
                      ? evaluated.result()
                      : "failed " + ((BatchCheckItem.Failed) items.get(i)).error().getMessage();
              assertThat(batched)
                  .as("seed %d, %s\n%s", seed, requests.get(i), dsl)
                  .isEqualTo(single);
              allowed += items.get(i).allowed() ? 1 : 0;
            }
          }
        }
      }
    }
    System.out.printf(
        "batch expansion: %d of %d batches expanded, %d allowed items%n",
        expanded, batches, allowed);
    assertThat(expanded).isGreaterThan(batches / 4);
    assertThat(expanded).isLessThan(batches);
  }

  private Object single(AuthorizationModel model, InMemoryTupleStore store, CheckRequest request) {
    try {
      return engine.check(model, store, request);
    } catch (FgaException e) {
      return "failed " + e.getMessage();
    }
  }

  /**
   * Layered types l0..l3, each with a parent tuple-set to a lower layer and relations r0..r2 built
   * from direct grants (users, wildcards, usersets of lower layers), computed usersets of earlier
   * relations, tuple-to-usersets, and now and then an intersection, exclusion, condition or a
   * same-layer userset that may make a cycle.
   */
  private static String model(Random random) {
    StringBuilder dsl = new StringBuilder("model\n  schema 1.1\ntype user\ntype bot\n");
    boolean conditions = false;
    for (int layer = 0; layer < LAYERS; layer++) {
      dsl.append("type l").append(layer).append("\n  relations\n");
      if (layer > 0) {
        java.util.Set<String> parents = new java.util.TreeSet<>();
        parents.add("l" + random.nextInt(layer));
        if (random.nextInt(3) == 0) {
          parents.add("l" + random.nextInt(layer));
        }
        dsl.append("    define parent: [").append(String.join(", ", parents)).append("]\n");
      }
      for (int r = 0; r < RELATIONS; r++) {
        java.util.Set<String> restrictions = new java.util.LinkedHashSet<>();
        restrictions.add("user");
        if (random.nextInt(3) == 0) {
          restrictions.add("user:*");
        }
        if (random.nextInt(4) == 0) {
          restrictions.add("bot");
        }
        if (layer > 0 && random.nextInt(2) == 0) {
          restrictions.add("l" + random.nextInt(layer) + "#r" + random.nextInt(RELATIONS));
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
        if (r > 0 && random.nextInt(20) == 0) {
          rewrite = "[user] and r" + random.nextInt(r);
        } else if (r > 0 && random.nextInt(20) == 0) {
          rewrite = "[user] but not r" + random.nextInt(r);
        }
        conditions |= rewrite.contains("with small");
        dsl.append("    define r").append(r).append(": ").append(rewrite).append('\n');
      }
    }
    if (conditions) {
      dsl.append("condition small(x: int) {\n  x < 10\n}\n");
    }
    return dsl.toString();
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
                  reference.condition() == null
                      ? null
                      : new dev.tandem.core.tuple.TupleCondition(
                          reference.condition(), Map.of("x", random.nextInt(20))));
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
                    dev.tandem.core.tuple.TupleCondition.of("small"));
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
