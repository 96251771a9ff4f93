package dev.tandem.benchmarks;

import dev.tandem.core.actor.Actor;
import dev.tandem.core.annotation.RequiresRelation;
import dev.tandem.spring.ActorResolver;
import dev.tandem.spring.TandemAutoConfiguration;
import java.util.List;
import java.util.Map;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What {@code @RequiresRelation} adds to a bean method call once its decision is cached, next to
 * the same bean's unannotated method and to Spring Security's
 * {@code @PreAuthorize("hasRole('X')")}.
 *
 * <p>A non-web Spring context with the starter auto-configured in embedded mode (cache on, the
 * default), the model of {@code docs/models/project-management.fga}, one seed tuple and an {@link
 * ActorResolver} that always answers {@code user:alice}, so no HTTP request or token is involved.
 * The three methods live on one bean, so each call goes through the same class proxy; only the
 * advice differs. The first annotated call, in setup, fills the cache; every measured call is a
 * cache hit. SampleTime reports the median and tail of single calls.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AnnotatedCallBenchmark {

  /** The bean whose methods are measured; the body is the same in all three. */
  public static class ProjectService {

    public String plain(String id) {
      return id;
    }

    @RequiresRelation(value = "can_view", on = "#id", type = "project")
    public String annotated(String id) {
      return id;
    }

    @PreAuthorize("hasRole('X')")
    public String preAuthorized(String id) {
      return id;
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EnableMethodSecurity
  @ImportAutoConfiguration(TandemAutoConfiguration.class)
  static class Application {

    @Bean
    ActorResolver fixedActor() {
      return () -> Actor.user("alice");
    }

    @Bean
    ProjectService projectService() {
      return new ProjectService();
    }
  }

  /** The context, started once per trial. */
  @State(Scope.Benchmark)
  public static class Context {
    AnnotationConfigApplicationContext context;
    ProjectService service;

    @Setup(Level.Trial)
    public void start() {
      context = new AnnotationConfigApplicationContext();
      context
          .getEnvironment()
          .getPropertySources()
          .addFirst(
              new MapPropertySource(
                  "benchmark",
                  Map.of(
                      "tandem.model",
                      "classpath:dev/tandem/benchmarks/project-management.fga",
                      "tandem.tuples",
                      "classpath:dev/tandem/benchmarks/annotated-call-tuples.yaml",
                      "tandem.cache.enabled",
                      "true")));
      context.register(Application.class);
      context.refresh();
      service = context.getBean(ProjectService.class);
    }

    @TearDown(Level.Trial)
    public void stop() {
      context.close();
    }
  }

  /** The caller's Spring Security context: thread-local, so set on the measuring thread. */
  @State(Scope.Thread)
  public static class Caller {
    @Setup(Level.Trial)
    public void authenticate(Context context) {
      SecurityContextHolder.getContext()
          .setAuthentication(new TestingAuthenticationToken("alice", "n/a", "ROLE_X"));
      // Every path must answer before anything is measured; this also caches the decision.
      for (String answer :
          List.of(
              context.service.plain("apollo"),
              context.service.annotated("apollo"),
              context.service.preAuthorized("apollo"))) {
        if (!answer.equals("apollo")) {
          throw new IllegalStateException("unexpected answer " + answer);
        }
      }
      try {
        context.service.annotated("zeus");
        throw new IllegalStateException("project:zeus must be denied: no interceptor applied");
      } catch (RuntimeException expected) {
        if (expected instanceof IllegalStateException) {
          throw expected;
        }
      }
    }

    @TearDown(Level.Trial)
    public void clear() {
      SecurityContextHolder.clearContext();
    }
  }

  @Benchmark
  public String plain(Context context, Caller caller) {
    return context.service.plain("apollo");
  }

  @Benchmark
  public String annotatedCached(Context context, Caller caller) {
    return context.service.annotated("apollo");
  }

  @Benchmark
  public String preAuthorizeHasRole(Context context, Caller caller) {
    return context.service.preAuthorized("apollo");
  }
}
