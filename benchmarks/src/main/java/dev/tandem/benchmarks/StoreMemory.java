package dev.tandem.benchmarks;

import dev.tandem.core.tuple.TupleKey;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.openjdk.jol.info.GraphLayout;

/**
 * Bytes per tuple of the in-memory store at 1,000,000 tuples ({@link HierarchyData.Shape#MILLION}),
 * and of jCasbin holding the same data.
 *
 * <p>Two measures for each: the retained heap after the source tuples are dropped (used heap after
 * repeated full GCs, minus the same before loading; median of five samples), and the size of the
 * object graph reachable from the store as JOL walks it. Run as a plain main class, not under JMH:
 *
 * <pre>
 * java -Xmx8g -cp benchmarks/target/benchmarks.jar dev.tandem.benchmarks.StoreMemory [which...]
 * </pre>
 *
 * where {@code which} is any of {@code tandem}, {@code jcasbin-resource-roles}, {@code
 * jcasbin-role-graph} (default: all three).
 */
public final class StoreMemory {

  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private StoreMemory() {}

  /** Measures the stores named in {@code args}, or all of them. */
  public static void main(String[] args) throws InterruptedException {
    List<String> which =
        args.length == 0
            ? List.of("tandem", "jcasbin-resource-roles", "jcasbin-role-graph")
            : Arrays.asList(args);
    HierarchyData data = HierarchyData.generate(HierarchyData.Shape.MILLION);
    System.out.printf(
        Locale.ROOT,
        "%s: %,d tuples; max heap %,d MiB%n",
        "data set",
        data.tupleCount(),
        Runtime.getRuntime().maxMemory() >> 20);
    for (String name : which) {
      switch (name) {
        case "tandem" -> measure(name, data, TandemFixture::load);
        case "jcasbin-resource-roles" -> measure(name, data, CasbinFixture::resourceRoles);
        case "jcasbin-role-graph" -> measure(name, data, CasbinFixture::roleGraph);
        default -> throw new IllegalArgumentException("unknown store " + name);
      }
    }
  }

  private static void measure(
      String name, HierarchyData data, Function<List<TupleKey>, Object> loader)
      throws InterruptedException {
    int tuples = data.tupleCount();
    long before = settledHeap();
    long start = System.nanoTime();
    Object store = loader.apply(data.tuples());
    long loadMillis = (System.nanoTime() - start) / 1_000_000;
    long after = settledHeap();
    long retained = after - before;
    long graph = GraphLayout.parseInstance(store).totalSize();
    System.out.printf(
        Locale.ROOT,
        "%-24s load %,6d ms | heap delta %,13d B = %6.1f B/tuple | JOL graph %,13d B = %6.1f"
            + " B/tuple%n",
        name,
        loadMillis,
        retained,
        (double) retained / tuples,
        graph,
        (double) graph / tuples);
    Reference.reachabilityFence(store);
  }

  /** The median of five used-heap readings, each after full collections. */
  private static long settledHeap() throws InterruptedException {
    List<Long> samples = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(200);
      System.gc();
      samples.add(MEMORY.getHeapMemoryUsage().getUsed());
    }
    samples.sort(null);
    return samples.get(samples.size() / 2);
  }
}
