package dev.tandem.benchmarks;

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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One uncached "can this user view this ticket?" question at a time, on the 1,000,000-tuple data
 * set ({@link HierarchyData.Shape#MILLION}), answered by the embedded engine and by jCasbin loaded
 * with the same data. Each invocation takes the next of {@value #QUESTIONS} {@linkplain
 * Questions#mixed mixed questions}, half allowed and half denied; SampleTime reports the median and
 * tail of single calls. Every answer is checked against the oracle during setup.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms8g", "-Xmx8g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class CheckBenchmark {

  static final int QUESTIONS = 4096;

  /** The data and questions, built once per fork. */
  static final class Data {
    final HierarchyData data = HierarchyData.generate(HierarchyData.Shape.MILLION);
    final Questions questions = Questions.mixed(data, QUESTIONS);
  }

  /**
   * The embedded engine over the in-memory store. {@code -p questions=allowed,denied} measures the
   * two halves of the mix apart.
   */
  @State(Scope.Benchmark)
  public static class TandemState {
    @Param({"mixed"})
    String questions;

    Questions asked;
    TandemFixture tandem;

    @Setup(Level.Trial)
    public void setUp() {
      Data data = new Data();
      asked =
          switch (questions) {
            case "mixed" -> data.questions;
            case "allowed" -> data.questions.only(true);
            case "denied" -> data.questions.only(false);
            default -> throw new IllegalArgumentException("questions=" + questions);
          };
      tandem = new TandemFixture(data.data.tuples());
      tandem.verify(asked);
    }
  }

  /** jCasbin with Casbin's "RBAC with resource roles" model. */
  @State(Scope.Benchmark)
  public static class ResourceRolesState {
    Questions questions;
    Enforcer enforcer;

    @Setup(Level.Trial)
    public void setUp() {
      Data data = new Data();
      questions = data.questions;
      enforcer = CasbinFixture.resourceRoles(data.data.tuples());
      verify(enforcer, questions, 64);
    }
  }

  /** jCasbin with the hierarchy as one role graph. */
  @State(Scope.Benchmark)
  public static class RoleGraphState {
    Questions questions;
    Enforcer enforcer;

    @Setup(Level.Trial)
    public void setUp() {
      Data data = new Data();
      questions = data.questions;
      enforcer = CasbinFixture.roleGraph(data.data.tuples());
      verify(enforcer, questions, QUESTIONS);
    }
  }

  /** The position in the question list, per benchmark thread. */
  @State(Scope.Thread)
  public static class Cursor {
    private int next;

    int next(Questions questions) {
      int current = next;
      next = (next + 1) % questions.size();
      return current;
    }
  }

  @Benchmark
  public boolean tandem(TandemState state, Cursor cursor) {
    int i = cursor.next(state.asked);
    return state.tandem.canView(state.asked.users()[i], state.asked.tickets()[i]);
  }

  /** Calls take milliseconds here, so iterations are longer to collect enough samples. */
  @Benchmark
  @Warmup(iterations = 2, time = 5)
  @Measurement(iterations = 4, time = 10)
  public boolean jcasbinResourceRoles(ResourceRolesState state, Cursor cursor) {
    int i = cursor.next(state.questions);
    return state.enforcer.enforce(
        state.questions.users()[i], state.questions.tickets()[i], CasbinFixture.VIEW);
  }

  @Benchmark
  public boolean jcasbinRoleGraph(RoleGraphState state, Cursor cursor) {
    int i = cursor.next(state.questions);
    return state.enforcer.enforce(
        state.questions.users()[i], state.questions.tickets()[i], CasbinFixture.VIEW);
  }

  /** Fails unless jCasbin gives the oracle's answer to the first {@code count} questions. */
  static void verify(Enforcer enforcer, Questions questions, int count) {
    for (int i = 0; i < Math.min(count, questions.size()); i++) {
      boolean answer =
          enforcer.enforce(questions.users()[i], questions.tickets()[i], CasbinFixture.VIEW);
      if (answer != questions.allowed()[i]) {
        throw new IllegalStateException(
            "jCasbin answers "
                + answer
                + " for "
                + List.of(questions.users()[i], questions.tickets()[i])
                + "; the oracle says "
                + questions.allowed()[i]);
      }
    }
  }
}
