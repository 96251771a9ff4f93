package dev.tandem.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.core.FgaUnavailableException;
import dev.tandem.core.actor.Actor;
import dev.tandem.core.annotation.RequiresRelation;
import dev.tandem.core.authz.Authorizer;
import dev.tandem.core.client.FgaClient;
import dev.tandem.core.client.WriteRequest;
import dev.tandem.core.tuple.TupleKey;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class MetricsTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(TandemAutoConfiguration.class))
          .withPropertyValues(Repo.modelProperty())
          .withBean(ActorResolver.class, () -> () -> Actor.user("alice"))
          .withBean(Projects.class);

  private final ApplicationContextRunner withRegistry =
      runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new);

  @Test
  void metricsWhenRegistryPresentThenRegistered() {
    withRegistry.run(
        context -> {
          assertThat(context).hasSingleBean(TandemMetrics.class);
          assertThat(context).hasSingleBean(TandemCacheMetrics.class);
          MeterRegistry registry = context.getBean(MeterRegistry.class);
          assertThat(registry.find(TandemMetrics.LATENCY).timer()).isNotNull();
          assertThat(registry.find(TandemMetrics.BATCH_SIZE).summary()).isNotNull();
          assertThat(registry.find(TandemCacheMetrics.HIT_RATIO).gauge()).isNotNull();
        });
  }

  @Test
  void metricsWhenNoRegistryThenAbsent() {
    runner.run(
        context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).doesNotHaveBean(TandemMetrics.class);
          assertThat(context).doesNotHaveBean(TandemCacheMetrics.class);
        });
  }

  @Test
  void metricsWhenMicrometerMissingThenAbsent() {
    runner
        .withClassLoader(new FilteredClassLoader("io.micrometer.core"))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(TandemMetrics.class);
              assertThat(context).doesNotHaveBean(TandemCacheMetrics.class);
            });
  }

  @Test
  void metricsWhenUserDefinesBeansThenBackOff() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    TandemMetrics own = new TandemMetrics(registry);
    TandemCacheMetrics ownCache =
        new TandemCacheMetrics(FgaClient.builder().embedded().build(), registry);
    withRegistry
        .withBean(TandemMetrics.class, () -> own)
        .withBean(TandemCacheMetrics.class, () -> ownCache)
        .run(
            context -> {
              assertThat(context.getBean(TandemMetrics.class)).isSameAs(own);
              assertThat(context.getBean(TandemCacheMetrics.class)).isSameAs(ownCache);
            });
  }

  @Test
  void cacheMetricsWhenCacheDisabledThenNoCacheMeters() {
    withRegistry
        .withPropertyValues("tandem.cache.enabled=false")
        .run(
            context ->
                assertThat(context.getBean(MeterRegistry.class).find("tandem.cache.hits").meter())
                    .isNull());
  }

  @Test
  void decisionsWhenGrantedAndDeniedThenCountedByOutcomeAndPrincipal() {
    withRegistry.run(
        context -> {
          context
              .getBean(FgaClient.class)
              .write(
                  new WriteRequest(
                      List.of(TupleKey.of("project:apollo", "viewer", "user:alice")), List.of()));
          Projects projects = context.getBean(Projects.class);
          projects.view("apollo");
          projects.view("apollo");
          assertThatThrownBy(() -> projects.view("gemini"))
              .isInstanceOf(TandemAccessDeniedException.class);
          assertThatThrownBy(() -> projects.move("apollo", "gemini"))
              .isInstanceOf(TandemAccessDeniedException.class);

          MeterRegistry registry = context.getBean(MeterRegistry.class);
          assertThat(count(registry, "granted", "none")).isEqualTo(3.0);
          assertThat(count(registry, "denied", "user")).isEqualTo(2.0);
          assertThat(registry.get(TandemMetrics.LATENCY).timer().count()).isEqualTo(4);
          assertThat(registry.get(TandemMetrics.BATCH_SIZE).summary().count()).isEqualTo(4);
          assertThat(registry.get(TandemMetrics.BATCH_SIZE).summary().max()).isEqualTo(2.0);
          assertThat(registry.get(TandemMetrics.BATCH_SIZE).summary().totalAmount()).isEqualTo(5.0);
          assertThat(registry.get(TandemCacheMetrics.HITS).functionCounter().count())
              .isGreaterThanOrEqualTo(1.0);
          assertThat(registry.get(TandemCacheMetrics.MISSES).functionCounter().count())
              .isGreaterThanOrEqualTo(1.0);
          assertThat(registry.get(TandemCacheMetrics.HIT_RATIO).gauge().value())
              .isBetween(0.0, 1.0);
        });
  }

  @Test
  void decisionsWhenConsentMissingThenPrincipalConsent() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(TandemAutoConfiguration.class))
        .withPropertyValues(Repo.modelProperty())
        .withBean(ActorResolver.class, () -> () -> Actor.user("alice").viaClient("app"))
        .withBean(Projects.class)
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withBean(Authorizer.class, TandemFgaTest::authorizer)
        .run(
            context -> {
              assertThatThrownBy(() -> context.getBean(Projects.class).view("apollo"))
                  .isInstanceOf(TandemAccessDeniedException.class);
              assertThat(count(context.getBean(MeterRegistry.class), "denied", "consent"))
                  .isEqualTo(1.0);
            });
  }

  @Test
  void decisionsWhenBackendFailsThenUnavailableAndTimed() {
    withRegistry
        .withBean(
            Authorizer.class,
            () ->
                Authorizer.create(
                    (FgaClient)
                        Proxy.newProxyInstance(
                            FgaClient.class.getClassLoader(),
                            new Class<?>[] {FgaClient.class},
                            (proxy, method, args) -> {
                              throw new FgaUnavailableException("down (test)");
                            })))
        .run(
            context -> {
              assertThatThrownBy(() -> context.getBean(Projects.class).view("apollo"))
                  .isInstanceOf(TandemAccessDeniedException.class);
              MeterRegistry registry = context.getBean(MeterRegistry.class);
              // The authorizer reports the principal whose check could not be answered.
              assertThat(count(registry, "unavailable", "user")).isEqualTo(1.0);
              assertThat(registry.get(TandemMetrics.LATENCY).timer().count()).isEqualTo(1);
            });
  }

  private static double count(MeterRegistry registry, String outcome, String principal) {
    var counter =
        registry
            .find(TandemMetrics.DECISIONS)
            .tag("outcome", outcome)
            .tag("principal", principal)
            .counter();
    return counter == null ? 0.0 : counter.count();
  }

  /** Public: proxied from the filtered class loader too. */
  public static class Projects {
    @RequiresRelation(value = "can_view", on = "#id", type = "project")
    public String view(String id) {
      return id;
    }

    @RequiresRelation(value = "can_view", on = "#from", type = "project")
    @RequiresRelation(value = "can_view", on = "#to", type = "project")
    public String move(String from, String to) {
      return from + "->" + to;
    }
  }
}
