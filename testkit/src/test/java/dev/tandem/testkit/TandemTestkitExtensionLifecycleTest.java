package dev.tandem.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.tandem.core.client.FgaClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** What the extension does around the tests it serves, seen from outside a test class. */
class TandemTestkitExtensionLifecycleTest {

  static final List<OpenFgaTestServer> SERVERS = new CopyOnWriteArrayList<>();

  @TandemTest(model = "classpath:testkit/model.fga")
  static class TwoTestsUsingTheServer {
    @Test
    void first(OpenFgaTestServer server) {
      SERVERS.add(server);
    }

    @Test
    void second(OpenFgaTestServer server) {
      SERVERS.add(server);
    }
  }

  @TandemTest(model = "classpath:testkit/missing.fga")
  static class MissingModel {
    @Test
    void test(FgaClient fga) {}
  }

  @TandemTest(
      model = "classpath:testkit/model.fga",
      tuples = "classpath:testkit/foreign-tuples.yaml")
  static class TuplesNotInTheModel {
    @Test
    void test(FgaClient fga) {}
  }

  private static Events run(Class<?> testClass) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(testClass))
        .execute()
        .testEvents();
  }

  @Test
  void serverWhenTheTestClassFinishesThenIsStopped() {
    SERVERS.clear();

    run(TwoTestsUsingTheServer.class).assertStatistics(stats -> stats.succeeded(2));

    assertThat(SERVERS).hasSize(2);
    assertThat(SERVERS.get(0)).isSameAs(SERVERS.get(1));
    assertThatThrownBy(SERVERS.get(0)::uri).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void modelWhenMissingThenTheTestFailsNamingTheLocation() {
    Events events = run(MissingModel.class);

    events.assertStatistics(stats -> stats.failed(1));
    assertThat(failure(events)).contains("classpath:testkit/missing.fga is not on the classpath");
  }

  @Test
  void tuplesWhenTheModelLacksTheirTypeThenTheTestFailsNamingTheTuple() {
    Events events = run(TuplesNotInTheModel.class);

    events.assertStatistics(stats -> stats.failed(1));
    assertThat(failure(events)).contains("project:apollo");
  }

  private static String failure(Events events) {
    Throwable error =
        events.failed().stream()
            .findFirst()
            .orElseThrow()
            .getPayload(org.junit.platform.engine.TestExecutionResult.class)
            .orElseThrow()
            .getThrowable()
            .orElseThrow();
    StringBuilder messages = new StringBuilder();
    for (Throwable t = error; t != null; t = t.getCause()) {
      messages.append(t.getMessage()).append('\n');
    }
    return messages.toString();
  }
}
