package dev.tandem.benchmarks;

import dev.tandem.core.engine.BatchCheckItem;
import dev.tandem.core.engine.CheckRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.casbin.jcasbin.main.Enforcer;
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
 * {@code batchCheck} on the 1,000,000-tuple data set, side by side with jCasbin's {@code
 * batchEnforce} over the role-graph model; about a tenth of the candidates are visible (the rest
 * are random tickets, nearly all denied). Counts are checked against the oracle during setup.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms8g", "-Xmx8g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class FilterBenchmark {

  static final int CANDIDATES = 10_000;

  /** The candidates and the oracle's count of visible ones. */
  static final class Candidates {
    final HierarchyData data = HierarchyData.generate(HierarchyData.Shape.MILLION);
    final String user;
    final List<String> tickets;
    final int visible;

    Candidates() {
      int u = Questions.teamMember(data);
      user = HierarchyData.user(u);
      tickets = Questions.candidates(data, u, CANDIDATES);
      int count = 0;
      for (String ticket : tickets) {
        count += data.canView(u, Integer.parseInt(ticket.substring("ticket:".length()))) ? 1 : 0;
      }
      visible = count;
      System.out.printf("%n%s can view %d of %d candidates%n", user, visible, tickets.size());
    }

    void verify(String who, int allowed) {
      if (allowed != visible) {
        throw new IllegalStateException(
            who + " allowed " + allowed + " candidates; the oracle says " + visible);
      }
    }
  }

  /** The embedded engine and one batch of check requests. */
  @State(Scope.Benchmark)
  public static class TandemState {
    TandemFixture tandem;
    List<CheckRequest> requests;

    @Setup(Level.Trial)
    public void setUp() {
      Candidates candidates = new Candidates();
      tandem = new TandemFixture(candidates.data.tuples());
      requests = new ArrayList<>(CANDIDATES);
      for (String ticket : candidates.tickets) {
        requests.add(CheckRequest.of(ticket, "can_view", candidates.user));
      }
      candidates.verify("Tandem", count(this));
    }
  }

  /** jCasbin (role-graph model) and one batch of enforce requests. */
  @State(Scope.Benchmark)
  public static class RoleGraphState {
    Enforcer enforcer;
    List<List<String>> requests;

    @Setup(Level.Trial)
    public void setUp() {
      Candidates candidates = new Candidates();
      enforcer = CasbinFixture.roleGraph(candidates.data.tuples());
      requests = new ArrayList<>(CANDIDATES);
      for (String ticket : candidates.tickets) {
        requests.add(List.of(candidates.user, ticket, CasbinFixture.VIEW));
      }
      candidates.verify("jCasbin", count(this));
    }
  }

  @Benchmark
  public int tandem(TandemState state) {
    return count(state);
  }

  @Benchmark
  public int jcasbinRoleGraph(RoleGraphState state) {
    return count(state);
  }

  static int count(TandemState state) {
    int allowed = 0;
    for (BatchCheckItem item :
        state.tandem.engine.batchCheck(state.tandem.model, state.tandem.store, state.requests)) {
      allowed += item.allowed() ? 1 : 0;
    }
    return allowed;
  }

  static int count(RoleGraphState state) {
    int allowed = 0;
    for (boolean answer : state.enforcer.batchEnforce(state.requests)) {
      allowed += answer ? 1 : 0;
    }
    return allowed;
  }
}
