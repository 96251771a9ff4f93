package dev.tandem.core.engine.differential;

import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.engine.CheckResult;
import dev.tandem.core.engine.Engine;
import dev.tandem.core.engine.ListObjectsRequest;
import dev.tandem.core.engine.ListUsersRequest;
import dev.tandem.core.tuple.InMemoryTupleStore;
import dev.tandem.core.tuple.TupleKey;
import dev.tandem.core.tuple.TupleStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs one query against the engine and the reference and says whether they agree.
 *
 * <p>What is compared:
 *
 * <ul>
 *   <li>Check: the allowed flag, exactly; a detected cycle or an error is a disagreement (the data
 *       is acyclic and every request is valid).
 *   <li>ListObjects: exactly the objects of the type (ids in use plus a fresh one) on which Check
 *       is true. That includes, for a userset user {@code T:id#rel} and type {@code T}, the object
 *       {@code T:id} when Check accepts it through the self rule, even if no tuple names it, as
 *       OpenFGA's RFC "queries with usersets" asks of ListObjects.
 *   <li>ListUsers with a userset filter {@code T#rel}: exactly the {@code T:id#rel} Check accepts.
 *   <li>ListUsers with a type filter {@code T}: exactly the reference's listing (wildcards not
 *       expanded: {@code T:*} when a wildcard grants, plain users granted through a concrete
 *       tuple). Where that listing is ambiguous (a {@code T:*} standing for "every T but some" is
 *       used to cover users, see {@link ReferenceEvaluator}) only {@code T:*} is compared, listed
 *       exactly when Check accepts {@code T:*}: there OpenFGA's own ListUsers is neither sound nor
 *       complete with respect to Check (for {@code (a but not b) and c} with {@code a: [user:*]},
 *       {@code b} and {@code c} holding {@code user:1}, it lists {@code user:1}, which Check
 *       denies).
 * </ul>
 *
 * <p>Queries whose resolution could reach OpenFGA's depth limit (25) are skipped.
 */
final class Differential {

  /** How the scenario's tuples reach the engine. */
  enum Mode {
    /** All tuples written to the store. */
    STORE,
    /** All tuples sent as contextual tuples, store empty. */
    CONTEXTUAL,
    /** Every other tuple written, the rest sent as contextual tuples (stale ones written). */
    MIXED
  }

  /**
   * The outcome of one comparison.
   *
   * @param kind agree, skipped, or disagree
   * @param partial for an agreement, whether only part of the answer was comparable
   * @param expected the reference's answer
   * @param actual the engine's answer
   */
  record Verdict(Kind kind, boolean partial, String expected, String actual) {
    enum Kind {
      AGREE,
      SKIP,
      DISAGREE
    }

    /** What a shrunk case must keep: the query kind's shape of the disagreement. */
    String signature() {
      if (actual.startsWith("error")) {
        int colon = actual.indexOf(':', "error: ".length());
        return colon < 0 ? actual : actual.substring(0, colon);
      }
      return expected.length() < 6 ? expected : "sets";
    }
  }

  /** A scenario loaded for one mode: the store, the contextual tuples and both references. */
  static final class World {
    final Scenario scenario;
    final Mode mode;
    final TupleStore store = new InMemoryTupleStore();
    final List<TupleKey> contextual = new ArrayList<>();
    final ReferenceEvaluator checks;
    final ReferenceEvaluator listing;

    World(Scenario scenario, Mode mode) {
      this.scenario = scenario;
      this.mode = mode;
      this.checks = new ReferenceEvaluator(scenario, true);
      this.listing = new ReferenceEvaluator(scenario, false);
      List<TupleKey> stored = new ArrayList<>();
      List<TupleKey> valid = scenario.validTuples();
      for (int i = 0; i < valid.size(); i++) {
        boolean toContext = mode == Mode.CONTEXTUAL || mode == Mode.MIXED && i % 2 == 1;
        (toContext ? contextual : stored).add(valid.get(i));
      }
      stored.addAll(scenario.tuples().subList(valid.size(), scenario.tuples().size()));
      for (int from = 0; from < stored.size(); from += 50) {
        store.write(stored.subList(from, Math.min(stored.size(), from + 50)), List.of());
      }
    }
  }

  private static final int DEPTH_GUARD = 24;

  private final Engine engine = Engine.create();

  Verdict compare(World world, Query query) {
    if (query instanceof Query.Check check) {
      return check(world, check);
    }
    if (query instanceof Query.ListObjects listObjects) {
      return listObjects(world, listObjects);
    }
    return listUsers(world, (Query.ListUsers) query);
  }

  private Verdict check(World world, Query.Check query) {
    if (world.checks.evaluate(query.object(), query.relation()).depth() >= DEPTH_GUARD) {
      return skip();
    }
    boolean expected = world.checks.check(query.object(), query.relation(), query.user());
    String actual;
    try {
      CheckResult result =
          engine.check(
              world.scenario.model(),
              world.store,
              new CheckRequest(
                  query.object(),
                  query.relation(),
                  query.user(),
                  world.contextual,
                  world.scenario.context()));
      actual = result.cycleDetected() ? "cycle" : Boolean.toString(result.allowed());
    } catch (RuntimeException e) {
      actual = "error: " + e;
    }
    return verdict(Boolean.toString(expected), actual, false);
  }

  private Verdict listObjects(World world, Query.ListObjects query) {
    Set<String> expected = new TreeSet<>();
    for (String id : world.scenario.queryIds(query.type())) {
      String object = query.type() + ":" + id;
      if (world.checks.evaluate(object, query.relation()).depth() >= DEPTH_GUARD) {
        return skip();
      }
      if (world.checks.check(object, query.relation(), query.user())) {
        expected.add(object);
      }
    }
    String actual;
    try {
      Set<String> objects =
          new TreeSet<>(
              engine.listObjects(
                  world.scenario.model(),
                  world.store,
                  new ListObjectsRequest(
                      query.type(),
                      query.relation(),
                      query.user(),
                      world.contextual,
                      world.scenario.context())));
      actual = objects.toString();
    } catch (RuntimeException e) {
      actual = "error: " + e;
    }
    return verdict(expected.toString(), actual, false);
  }

  private Verdict listUsers(World world, Query.ListUsers query) {
    ReferenceEvaluator.Result full = world.checks.evaluate(query.object(), query.relation());
    if (full.depth() >= DEPTH_GUARD) {
      return skip();
    }
    Set<String> actual;
    try {
      actual =
          new TreeSet<>(
              engine.listUsers(
                  world.scenario.model(),
                  world.store,
                  new ListUsersRequest(
                      query.object(),
                      query.relation(),
                      List.of(query.filter()),
                      world.contextual,
                      world.scenario.context())));
    } catch (RuntimeException e) {
      return verdict("a user set", "error: " + e, false);
    }
    String filter = query.filter();
    Set<String> expected = new TreeSet<>();
    int hash = filter.indexOf('#');
    if (hash >= 0) {
      String prefix = filter.substring(0, hash) + ":";
      String suffix = filter.substring(hash);
      for (String user : full.users()) {
        if (user.startsWith(prefix) && user.endsWith(suffix)) {
          expected.add(user);
        }
      }
      return verdict(expected.toString(), actual.toString(), false);
    }
    ReferenceEvaluator.Result listed = world.listing.evaluate(query.object(), query.relation());
    String wildcard = filter + ":*";
    if (listed.taint().contains(filter)) {
      boolean expectedWildcard = full.users().contains(wildcard);
      return verdict(
          wildcard + (expectedWildcard ? " listed" : " not listed"),
          wildcard + (actual.contains(wildcard) ? " listed" : " not listed") + " in " + actual,
          true);
    }
    for (String user : listed.users()) {
      if (!user.contains("#") && ReferenceEvaluator.typeOf(user).equals(filter)) {
        expected.add(user);
      }
    }
    return verdict(expected.toString(), actual.toString(), false);
  }

  private static Verdict verdict(String expected, String actual, boolean partial) {
    boolean agree = partial ? actual.startsWith(expected + " in ") : expected.equals(actual);
    return new Verdict(
        agree ? Verdict.Kind.AGREE : Verdict.Kind.DISAGREE, partial, expected, actual);
  }

  private static Verdict skip() {
    return new Verdict(Verdict.Kind.SKIP, false, "", "");
  }
}
