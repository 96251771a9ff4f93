package dev.tandem.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.client.FgaClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** When the {@code tandem} health indicator is defined. */
class TandemHealthConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(TandemAutoConfiguration.class))
          .withPropertyValues(Repo.modelProperty());

  @Test
  void healthIndicatorWhenHealthOnClasspathThenDefined() {
    runner.run(
        context -> {
          assertThat(context).hasSingleBean(TandemHealthIndicator.class);
          // Boot names the component after the bean, less "HealthIndicator": "tandem".
          assertThat(context).hasBean("tandemHealthIndicator");
        });
  }

  @Test
  void healthIndicatorWhenHealthNotOnClasspathThenAbsent() {
    runner
        .withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(FgaClient.class);
              assertThat(context).doesNotHaveBean("tandemHealthIndicator");
            });
  }

  @Test
  void healthIndicatorWhenDisabledThenAbsent() {
    runner
        .withPropertyValues("management.health.tandem.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(TandemHealthIndicator.class));
  }

  @Test
  void healthIndicatorWhenHealthDefaultsDisabledThenAbsent() {
    runner
        .withPropertyValues("management.health.defaults.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(TandemHealthIndicator.class));
  }

  @Test
  void healthIndicatorWhenUserDefinesOneNamedTandemThenBacksOff() {
    HealthIndicator own = () -> Health.outOfService().build();
    runner
        .withBean("tandemHealthIndicator", HealthIndicator.class, () -> own)
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(TandemHealthIndicator.class);
              assertThat(context.getBean("tandemHealthIndicator")).isSameAs(own);
            });
  }

  @Test
  void healthIndicatorWhenUserDefinesATandemHealthIndicatorThenBacksOff() {
    TandemHealthIndicator own =
        new TandemHealthIndicator(
            FgaClient.builder().embedded().build(), TandemProperties.Mode.EMBEDDED);
    runner
        .withBean("backendHealthIndicator", TandemHealthIndicator.class, () -> own)
        .run(
            context -> {
              assertThat(context).hasSingleBean(TandemHealthIndicator.class);
              assertThat(context.getBean(TandemHealthIndicator.class)).isSameAs(own);
            });
  }
}
