package dev.tandem.core.tuple;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Prints the heap taken per tuple by an {@link InMemoryTupleStore} holding {@link HierarchyTuples},
 * and a rough latency of its lookups. Not a test: numbers of record come from JMH in {@code
 * benchmarks/}. Run after {@code mvn -pl core test-compile} with
 *
 * <pre>
 * java -Xmx2g -cp core/target/classes:core/target/test-classes \
 *     dev.tandem.core.tuple.TupleStoreMemoryReport [tuples]
 * </pre>
 */
public final class TupleStoreMemoryReport {

  private TupleStoreMemoryReport() {}

  /**
   * Runs the report.
   *
   * @param args optionally the number of tuples, 1,000,000 by default
   */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    HierarchyTuples data = new HierarchyTuples(n);
    long before = usedHeapAfterGc();
    long start = System.nanoTime();
    InMemoryTupleStore store = new InMemoryTupleStore();
    data.load(store);
    long loadMillis = (System.nanoTime() - start) / 1_000_000;
    long after = usedHeapAfterGc();
    System.out.printf(
        "%,d tuples loaded in %,d ms: %,d bytes of heap, %.1f bytes per tuple%n",
        store.size(), loadMillis, after - before, (after - before) / (double) store.size());

    time(
        "findByObject(ticket, project)",
        data.tickets,
        data::ticket,
        k -> store.findByObject(k, "project"));
    time(
        "findByObject(project, team)",
        data.projects,
        data::project,
        k -> store.findByObject(k, "team"));
    time(
        "findByObject(team, member)", data.teams, data::team, k -> store.findByObject(k, "member"));
    time(
        "findByUser(team, member, user)",
        data.users,
        data::user,
        k -> store.findByUser("team", "member", k));
    time(
        "findByUser(ticket, project, project)",
        data.projects,
        data::project,
        k -> store.findByUser("ticket", "project", k));
    Reference.reachabilityFence(store);
  }

  static long usedHeapAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      memory.gc();
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  /** Times lookups of random keys, built before timing and each a new String as in a check. */
  private static void time(
      String what, int range, IntFunction<String> key, Function<String, List<TupleKey>> lookup) {
    int rounds = 500_000;
    Random random = new Random(1);
    long[] nanos = new long[rounds];
    long results = 0;
    for (int pass = 0; pass < 3; pass++) {
      String[] keys = new String[rounds];
      for (int i = 0; i < rounds; i++) {
        keys[i] = new String(key.apply(random.nextInt(range)));
      }
      results = 0;
      for (int i = 0; i < rounds; i++) {
        long t0 = System.nanoTime();
        results += lookup.apply(keys[i]).size();
        nanos[i] = System.nanoTime() - t0;
      }
    }
    Arrays.sort(nanos);
    System.out.printf(
        "%-38s median %,6d ns, p99 %,6d ns, %.1f tuples a lookup%n",
        what + ":", nanos[rounds / 2], nanos[rounds * 99 / 100], results / (double) rounds);
  }
}
