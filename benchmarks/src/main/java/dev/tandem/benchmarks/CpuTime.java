package dev.tandem.benchmarks;

import dev.tandem.core.engine.BatchCheckItem;
import dev.tandem.core.engine.CheckRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The CPU time, next to the wall time, of the check and RAG-filter workloads of {@link
 * CheckBenchmark} and {@link FilterBenchmark} (Tandem only): on a machine shared with other work,
 * wall time includes the time the thread waits for a CPU, and thread CPU time does not. Not a JMH
 * benchmark; a cross-check of the JMH numbers when the machine is busy:
 *
 * <pre>
 * java -Xms8g -Xmx8g -cp benchmarks/target/benchmarks.jar dev.tandem.benchmarks.CpuTime
 * </pre>
 */
public final class CpuTime {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private CpuTime() {}

  /** Loads the 1M-tuple data set and prints wall and CPU time per check and per filter. */
  public static void main(String[] args) {
    HierarchyData data = HierarchyData.generate(HierarchyData.Shape.MILLION);
    TandemFixture tandem = new TandemFixture(data.tuples());
    Questions questions = Questions.mixed(data, CheckBenchmark.QUESTIONS);
    tandem.verify(questions);
    int member = Questions.teamMember(data);
    List<CheckRequest> candidates = new ArrayList<>();
    for (String ticket : Questions.candidates(data, member, FilterBenchmark.CANDIDATES)) {
      candidates.add(CheckRequest.of(ticket, "can_view", HierarchyData.user(member)));
    }

    // Checks: each sample is one pass over the 4,096 mixed questions, divided per check.
    measure(
        "check (µs, mean of 4,096 per sample)",
        20,
        100,
        1e3 * questions.size(),
        () -> {
          int allowed = 0;
          for (int i = 0; i < questions.size(); i++) {
            allowed += tandem.canView(questions.users()[i], questions.tickets()[i]) ? 1 : 0;
          }
          return allowed;
        });
    // Filter: each sample is one batchCheck of 10,000 candidates.
    measure(
        "filter 10,000 (ms)",
        10,
        40,
        1e6,
        () -> {
          int allowed = 0;
          for (BatchCheckItem item :
              tandem.engine.batchCheck(tandem.model, tandem.store, candidates)) {
            allowed += item.allowed() ? 1 : 0;
          }
          return allowed;
        });
  }

  private interface Workload {
    int run();
  }

  private static void measure(
      String name, int warmups, int samples, double divisor, Workload workload) {
    int sink = 0;
    for (int i = 0; i < warmups; i++) {
      sink += workload.run();
    }
    double[] wall = new double[samples];
    double[] cpu = new double[samples];
    for (int i = 0; i < samples; i++) {
      long cpuStart = THREADS.getCurrentThreadCpuTime();
      long wallStart = System.nanoTime();
      sink += workload.run();
      wall[i] = (System.nanoTime() - wallStart) / divisor;
      cpu[i] = (THREADS.getCurrentThreadCpuTime() - cpuStart) / divisor;
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    System.out.printf(
        Locale.ROOT,
        "%-40s wall median %8.2f p90 %8.2f | cpu median %8.2f p90 %8.2f | %d samples (%d)%n",
        name,
        wall[samples / 2],
        wall[samples * 9 / 10],
        cpu[samples / 2],
        cpu[samples * 9 / 10],
        samples,
        sink);
  }
}
