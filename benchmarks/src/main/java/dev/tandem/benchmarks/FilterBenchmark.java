package dev.tandem.benchmarks;

import dev.tandem.core.engine.BatchCheckItem;
import dev.tandem.core.engine.CheckRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A RAG-style filter: which of {@value #CANDIDATES} candidate tickets may one team member see? One
 * {@code batchCheck} on the 1,000,000-tuple data set; about a tenth of the candidates are visible
 * (the rest are random tickets, nearly all denied). The count is checked against the oracle during
 * setup.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@State(Scope.Benchmark)
public class FilterBenchmark {

  static final int CANDIDATES = 10_000;

  TandemFixture tandem;
  List<CheckRequest> requests;

  @Setup(Level.Trial)
  public void setUp() {
    HierarchyData data = HierarchyData.generate(HierarchyData.Shape.MILLION);
    tandem = new TandemFixture(data.tuples());
    int user = Questions.teamMember(data);
    List<String> candidates = Questions.candidates(data, user, CANDIDATES);
    requests = new ArrayList<>(candidates.size());
    for (String ticket : candidates) {
      requests.add(CheckRequest.of(ticket, "can_view", HierarchyData.user(user)));
    }
    int expected = 0;
    for (String ticket : candidates) {
      expected +=
          data.canView(user, Integer.parseInt(ticket.substring("ticket:".length()))) ? 1 : 0;
    }
    int allowed = filter();
    if (allowed != expected) {
      throw new IllegalStateException(
          "batchCheck allowed " + allowed + " candidates; the oracle says " + expected);
    }
    System.out.printf("%nuser:%d can view %d of %d candidates%n", user, expected, CANDIDATES);
  }

  @Benchmark
  public int filter() {
    int allowed = 0;
    for (BatchCheckItem item : tandem.engine.batchCheck(tandem.model, tandem.store, requests)) {
      allowed += item.allowed() ? 1 : 0;
    }
    return allowed;
  }
}
