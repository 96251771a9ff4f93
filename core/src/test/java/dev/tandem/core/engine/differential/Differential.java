package dev.tandem.core.engine.differential;

import dev.tandem.core.ErrorCode;
import dev.tandem.core.FgaValidationException;
import dev.tandem.core.engine.BatchCheckItem;
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
 *   <li>Check: the allowed flag, exactly; an error is a disagreement (every request is valid), and
 *       so is a detected cycle on acyclic data (on cyclic data it must come with "denied").
 *   <li>ListObjects: exactly the objects of the type (ids in use plus a fresh one) on which Check
 *       is true. That includes, for a userset user {@code T:id#rel} and type {@code T}, the object
 *       {@code T:id} when Check accepts it through the self rule, even if no tuple names it, as
 *       OpenFGA's RFC "queries with usersets" asks of ListObjects.
 *   <li>ListUsers with a userset filter {@code T#rel}: exactly the {@code T:id#rel} Check accepts.
 *   <li>ListUsers with a type filter {@code T}: exactly the reference's listing (wildcards not
 *       expanded: {@code T:*} when a wildcard grants, plain users granted through a concrete
 *       tuple). Where that listing is ambiguous (a {@code T:*} standing for "every T but some" is
 *       used to cover users, see {@link ReferenceEvaluator}), OpenFGA's own ListUsers is neither
 *       sound nor complete with respect to Check (for {@code (a but not b) and c} with {@code a:
 *       [user:*]}, {@code b} and {@code c} holding {@code user:1}, it lists {@code user:1}, which
 *       Check denies), so only Tandem's own promise is compared: {@code T:*} exactly when Check
 *       accepts {@code T:*}, every listed {@code T:id} accepted by Check, and, without {@code T:*},
 *       every accepted {@code T:id} listed.
 * </ul>
 *
 * <p>Queries whose resolution could reach OpenFGA's depth limit (25) are skipped; on cyclic data,
 * where the reference has no depth, so are queries the engine answers with "resolution too
 * complex".
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
   * @param ambiguous whether OpenFGA leaves this answer undefined, so that Tandem's own promise was
   *     compared instead
   * @param expected the reference's answer
   * @param actual the engine's answer
   */
  record Verdict(Kind kind, boolean ambiguous, String expected, String actual) {
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

  /**
   * Runs {@code queries} as one batch check and compares each item with the reference (an item that
   * failed must be a resolution too complex on cyclic data, and is then skipped).
   */
  List<Verdict> batchCheck(World world, List<Query.Check> queries) {
    List<CheckRequest> requests = new ArrayList<>();
    for (Query.Check query : queries) {
      requests.add(
          new CheckRequest(
              query.object(),
              query.relation(),
              query.user(),
              world.contextual,
              world.scenario.context()));
    }
    List<BatchCheckItem> items = engine.batchCheck(world.scenario.model(), world.store, requests);
    List<Verdict> verdicts = new ArrayList<>();
    for (int i = 0; i < queries.size(); i++) {
      Query.Check query = queries.get(i);
      BatchCheckItem item = items.get(i);
      if (world.checks.evaluate(query.object(), query.relation()).depth() >= DEPTH_GUARD
          || item instanceof BatchCheckItem.Failed failed
              && tooComplexOnCycles(world, failed.error())) {
        verdicts.add(skip());
        continue;
      }
      boolean expected = world.checks.check(query.object(), query.relation(), query.user());
      String actual =
          item instanceof BatchCheckItem.Failed failed
              ? "error: " + failed.error()
              : Boolean.toString(item.allowed());
      verdicts.add(verdict(Boolean.toString(expected), actual, false));
    }
    return verdicts;
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
      boolean acceptedCycle = world.scenario.cyclic() && !result.allowed();
      actual =
          result.cycleDetected() && !acceptedCycle ? "cycle" : Boolean.toString(result.allowed());
    } catch (RuntimeException e) {
      if (tooComplexOnCycles(world, e)) {
        return skip();
      }
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
      if (tooComplexOnCycles(world, e)) {
        return skip();
      }
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
      if (tooComplexOnCycles(world, e)) {
        return skip();
      }
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
    if (listed.taint().contains(filter)) {
      return ambiguousListing(filter, full, actual);
    }
    for (String user : listed.users()) {
      if (!user.contains("#") && ReferenceEvaluator.typeOf(user).equals(filter)) {
        expected.add(user);
      }
    }
    return verdict(expected.toString(), actual.toString(), false);
  }

  /**
   * Where OpenFGA's listing is undefined: {@code T:*} exactly when Check accepts it, then what
   * Tandem's lister promises beyond OpenFGA (it tracks the ids a wildcard excludes): every listed
   * {@code T:id} passes Check, and without {@code T:*} every {@code T:id} that passes is listed.
   */
  private static Verdict ambiguousListing(
      String filter, ReferenceEvaluator.Result full, Set<String> actual) {
    String wildcard = filter + ":*";
    Set<String> granted = new TreeSet<>();
    for (String user : full.users()) {
      if (ReferenceEvaluator.typeOf(user).equals(filter) && !user.contains("#")) {
        granted.add(user);
      }
    }
    if (!granted.contains(wildcard)) {
      return verdict(granted.toString(), actual.toString(), true);
    }
    Set<String> refused = new TreeSet<>(actual);
    refused.removeAll(granted);
    String expected = wildcard + " and users Check accepts";
    String found =
        !actual.contains(wildcard)
            ? "no " + wildcard + " in " + actual
            : refused.isEmpty() ? expected : "users Check refuses: " + refused;
    return verdict(expected, found, true);
  }

  private static boolean tooComplexOnCycles(World world, RuntimeException e) {
    return world.scenario.cyclic()
        && e instanceof FgaValidationException validation
        && validation.code() == ErrorCode.AUTHORIZATION_MODEL_RESOLUTION_TOO_COMPLEX;
  }

  private static Verdict verdict(String expected, String actual, boolean ambiguous) {
    boolean agree = expected.equals(actual);
    return new Verdict(
        agree ? Verdict.Kind.AGREE : Verdict.Kind.DISAGREE, ambiguous, expected, actual);
  }

  private static Verdict skip() {
    return new Verdict(Verdict.Kind.SKIP, false, "", "");
  }
}
