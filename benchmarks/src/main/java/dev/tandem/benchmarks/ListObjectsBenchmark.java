package dev.tandem.benchmarks;

import dev.tandem.core.engine.ListObjectsRequest;
import java.util.Set;
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
 * ListObjects: the tickets one team member can view, out of the 10,000 tickets of {@link
 * HierarchyData.Shape#TEN_THOUSAND_TICKETS}, with the embedded engine. The result is checked
 * against the oracle during setup.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@State(Scope.Benchmark)
public class ListObjectsBenchmark {

  TandemFixture tandem;
  ListObjectsRequest request;

  @Setup(Level.Trial)
  public void setUp() {
    HierarchyData data = HierarchyData.generate(HierarchyData.Shape.TEN_THOUSAND_TICKETS);
    tandem = new TandemFixture(data.tuples());
    int user = Questions.teamMember(data);
    request = ListObjectsRequest.of("ticket", "can_view", HierarchyData.user(user));
    int expected = 0;
    for (int k = 0; k < data.tickets(); k++) {
      expected += data.canView(user, k) ? 1 : 0;
    }
    Set<String> listed = listObjects();
    if (listed.size() != expected) {
      throw new IllegalStateException(
          "listObjects found " + listed.size() + " tickets; the oracle says " + expected);
    }
    System.out.printf("%n%s can view %d of %d tickets%n", request.user(), expected, data.tickets());
  }

  @Benchmark
  public Set<String> listObjects() {
    return tandem.engine.listObjects(tandem.model, tandem.store, request);
  }
}
