package dev.tandem.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.client.FgaClient;
import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.store.EmbeddedStores;
import dev.tandem.testkit.OpenFgaTestServer;
import dev.tandem.testkit.TestStore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** What the {@code tandem} health indicator reports, embedded and remote. */
class TandemHealthIndicatorTest {

  private static final String TOKEN = "s3cr3t-api-token";

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(TandemAutoConfiguration.class))
          .withPropertyValues(Repo.modelProperty());

  @Test
  void healthWhenEmbeddedStoreHasModelThenUpWithDetails() {
    runner.run(
        context -> {
          FgaClient client = context.getBean(FgaClient.class);
          Health health = context.getBean(TandemHealthIndicator.class).health();

          assertThat(health.getStatus()).isEqualTo(Status.UP);
          assertThat(health.getDetails())
              .containsEntry("mode", "embedded")
              .containsEntry("storeId", client.storeId())
              .containsEntry("modelId", client.readLatestAuthorizationModel().id());
          assertThat((String) health.getDetails().get("modelId")).isNotEmpty();
        });
  }

  @Test
  void healthWhenStoreHasNoModelThenDown() {
    FgaClient client = FgaClient.builder().embedded().build();

    Health health = new TandemHealthIndicator(client, TandemProperties.Mode.EMBEDDED).health();

    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails())
        .containsEntry("mode", "embedded")
        .containsEntry("storeId", client.storeId())
        .doesNotContainKey("modelId");
    assertThat((String) health.getDetails().get("error"))
        .startsWith("dev.tandem.core.FgaValidationException: ")
        .endsWith("has no authorization model");
  }

  @Test
  void healthWhenModelPinnedThenReadsThePinnedModelNotTheLatest() {
    EmbeddedStores stores = new EmbeddedStores();
    FgaClient writer = FgaClient.builder().embedded(stores).build();
    AuthorizationModel pinned = writer.writeAuthorizationModel(Repo.model());
    AuthorizationModel latest = writer.writeAuthorizationModel(Repo.model());
    FgaClient client =
        FgaClient.builder().embedded(stores).storeId(writer.storeId()).modelId(pinned.id()).build();

    Health health = new TandemHealthIndicator(client, TandemProperties.Mode.EMBEDDED).health();

    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsEntry("modelId", pinned.id());
    assertThat(pinned.id()).isNotEqualTo(latest.id());
  }

  @Test
  void healthWhenPinnedModelMissingThenDown() {
    EmbeddedStores stores = new EmbeddedStores();
    FgaClient writer = FgaClient.builder().embedded(stores).build();
    writer.writeAuthorizationModel(Repo.model());
    FgaClient client =
        FgaClient.builder()
            .embedded(stores)
            .storeId(writer.storeId())
            .modelId("01ARZ3NDEKTSV4RRFFQ69G5FAV")
            .build();

    Health health = new TandemHealthIndicator(client, TandemProperties.Mode.EMBEDDED).health();

    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
  }

  @Test
  void healthWhenRemoteServerUpThenUpWithDetails() {
    try (OpenFgaTestServer server = new OpenFgaTestServer().start()) {
      TestStore store = server.createStore("health", Repo.model(), List.of());
      remote(server, store)
          .run(
              context -> {
                Health health = context.getBean(TandemHealthIndicator.class).health();

                assertThat(health.getStatus()).isEqualTo(Status.UP);
                assertThat(health.getDetails())
                    .containsEntry("mode", "remote")
                    .containsEntry("storeId", store.id())
                    .containsEntry("modelId", store.modelId());
              });
    }
  }

  @Test
  void healthWhenRemoteServerDownThenDown() {
    try (OpenFgaTestServer server = new OpenFgaTestServer().start()) {
      TestStore store = server.createStore("health", Repo.model(), List.of());
      remote(server, store)
          .run(
              context -> {
                TandemHealthIndicator indicator = context.getBean(TandemHealthIndicator.class);
                assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);

                server.close();
                Health health = indicator.health();

                assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                assertThat(health.getDetails())
                    .containsEntry("mode", "remote")
                    .containsEntry("storeId", store.id());
                assertThat((String) health.getDetails().get("error"))
                    .startsWith("dev.tandem.core.FgaUnavailableException: ");
                assertThat(health.toString()).doesNotContain(TOKEN);
              });
    }
  }

  @Test
  void healthWhenRemoteServerSlowerThanTheDeadlineThenDownWithinIt() {
    try (OpenFgaTestServer server = new OpenFgaTestServer().start()) {
      TestStore store = server.createStore("health", Repo.model(), List.of());
      server.withLatency(Duration.ofSeconds(30));
      remote(server, store)
          .withPropertyValues(
              "tandem.remote.attempt-timeout=200ms", "tandem.remote.overall-timeout=300ms")
          .run(
              context -> {
                long start = System.nanoTime();
                Health health = context.getBean(TandemHealthIndicator.class).health();
                Duration took = Duration.ofNanos(System.nanoTime() - start);

                assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                // Bounded by the client's deadline, not by the server's 30 s.
                assertThat(took).isLessThan(Duration.ofSeconds(10));
              });
    }
  }

  private ApplicationContextRunner remote(OpenFgaTestServer server, TestStore store) {
    return runner.withPropertyValues(
        "tandem.mode=remote",
        "tandem.remote.api-url=" + server.uri(),
        "tandem.remote.store-id=" + store.id(),
        "tandem.remote.api-token=" + TOKEN,
        "tandem.remote.retries=0");
  }
}
