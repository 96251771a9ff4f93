package dev.tandem.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StandaloneServerTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private StandaloneServer.Launch launch(String... args) {
    return StandaloneServer.launch(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void launchWithAPortThenServesAnEmptyEngineAndPrintsItsUrl() {
    StandaloneServer.Launch launch = launch("--port", "0");

    try (OpenFgaTestServer server = launch.server()) {
      assertThat(server).isNotNull();
      assertThat(out.toString(StandardCharsets.UTF_8))
          .contains("listening on http://127.0.0.1:" + server.port());
      Http.Response stores = new Http(server.uri()).get("/stores");
      assertThat(stores.status()).isEqualTo(200);
      assertThat(stores.json().get("stores")).isEmpty();
    }
  }

  @Test
  void launchWithHelpThenPrintsUsageAndStartsNothing() {
    StandaloneServer.Launch launch = launch("--help");

    assertThat(launch.server()).isNull();
    assertThat(launch.exitStatus()).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("Usage: java -jar tandem-testkit-<version>-standalone.jar")
        .contains("--port N");
  }

  @Test
  void launchWithAnUnknownOptionThenExitsWithStatus2AndUsage() {
    StandaloneServer.Launch launch = launch("--prot", "8080");

    assertThat(launch.server()).isNull();
    assertThat(launch.exitStatus()).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("unknown option '--prot'")
        .contains("Usage:");
  }

  @Test
  void launchWhenThePortIsTakenThenExitsWithStatus1() {
    try (OpenFgaTestServer taken = new OpenFgaTestServer().start()) {
      StandaloneServer.Launch launch = launch("--port", String.valueOf(taken.port()));

      assertThat(launch.server()).isNull();
      assertThat(launch.exitStatus()).isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot listen on");
    }
  }

  @Test
  void parseReadsEveryOptionAndDefaultsTheRest() {
    StandaloneServer.Options defaults = StandaloneServer.parse(new String[0]);
    StandaloneServer.Options options =
        StandaloneServer.parse(
            new String[] {
              "--host", "0.0.0.0", "--port", "9090", "--latency", "20", "--threads", "4"
            });

    assertThat(defaults)
        .isEqualTo(new StandaloneServer.Options("127.0.0.1", 8080, Duration.ZERO, 8, false));
    assertThat(options)
        .isEqualTo(new StandaloneServer.Options("0.0.0.0", 9090, Duration.ofMillis(20), 4, false));
  }

  @Test
  void parseWhenAValueIsMissingOrOutOfRangeThenRejects() {
    assertThatThrownBy(() -> StandaloneServer.parse(new String[] {"--port"}))
        .hasMessageContaining("--port needs a value");
    assertThatThrownBy(() -> StandaloneServer.parse(new String[] {"--port", "70000"}))
        .hasMessageContaining("out of range");
    assertThatThrownBy(() -> StandaloneServer.parse(new String[] {"--threads", "many"}))
        .hasMessageContaining("not a number");
  }
}
