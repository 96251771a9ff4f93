package dev.tandem.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.annotation.RequiresRelation;
import dev.tandem.core.model.ModelDsl;
import dev.tandem.testkit.OpenFgaTestServer;
import dev.tandem.testkit.TestStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Remote mode with {@code tandem.model}: annotations are checked against the file and against the
 * store's own model, so a file that has drifted from what the server evaluates fails startup.
 */
@ExtendWith(OutputCaptureExtension.class)
class StoreModelStartupTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(TandemAutoConfiguration.class))
          .withPropertyValues(Repo.modelProperty())
          .withBean(ActorResolver.class, () -> () -> null)
          .withBean(Viewer.class);

  /** A bean whose requirement holds in the reference model. */
  static class Viewer {
    @RequiresRelation(value = "can_view", on = "#id", type = "project")
    public String view(String id) {
      return id;
    }
  }

  @Test
  void startupWhenStoreModelHasTheRelationsThenStarts() {
    try (OpenFgaTestServer server = new OpenFgaTestServer().start()) {
      TestStore store = server.createStore("same", Repo.model(), List.of());
      remote(server, store).run(context -> assertThat(context).hasNotFailed());
    }
  }

  @Test
  void startupWhenStoreModelLacksAnAnnotatedRelationThenFailsNamingTheStoreModel() {
    try (OpenFgaTestServer server = new OpenFgaTestServer().start()) {
      TestStore store =
          server.createStore(
              "drifted",
              ModelDsl.parse(
                  """
                  model
                    schema 1.1
                  type user
                  type project
                    relations
                      define viewer: [user]
                  """),
              List.of());
      remote(server, store)
          .run(
              context ->
                  assertThat(context)
                      .getFailure()
                      .hasMessageContaining(
                          "against the model of the store ('"
                              + store.modelId()
                              + "'), which differs from tandem.model:")
                      .hasMessageContaining("can_view"));
    }
  }

  @Test
  void startupWhenStoreUnreachableThenStartsOnTheFileAndWarns(CapturedOutput output) {
    OpenFgaTestServer server = new OpenFgaTestServer().start();
    TestStore store = server.createStore("gone", Repo.model(), List.of());
    ApplicationContextRunner remote = remote(server, store);
    server.close();
    remote.run(
        context -> {
          assertThat(context).hasNotFailed();
          assertThat(output)
              .contains("annotations were checked against tandem.model only: the model of store");
        });
  }

  private ApplicationContextRunner remote(OpenFgaTestServer server, TestStore store) {
    return runner.withPropertyValues(
        "tandem.mode=remote",
        "tandem.remote.api-url=" + server.uri(),
        "tandem.remote.store-id=" + store.id(),
        "tandem.remote.retries=0");
  }
}
