package dev.tandem.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandaloneServerTest {

  static final String MODEL =
      """
      model
        schema 1.1
      type user
      type document
        relations
          define viewer: [user]
      """;

  static final String TUPLES =
      """
      - object: document:plan
        relation: viewer
        user: user:anne
      """;

  /** The line after the URL, with the ids of the seeded store. */
  static final Pattern SEEDED = Pattern.compile("store (\\S+) model (\\S+)");

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
        .isEqualTo(
            new StandaloneServer.Options(
                "127.0.0.1", 8080, Duration.ZERO, 8, null, null, "tandem", false));
    assertThat(options)
        .isEqualTo(
            new StandaloneServer.Options(
                "0.0.0.0", 9090, Duration.ofMillis(20), 4, null, null, "tandem", false));
  }

  @Test
  void parseReadsTheSeedFilesAndTheStoreName() {
    StandaloneServer.Options options =
        StandaloneServer.parse(
            new String[] {
              "--model", "authz/model.fga", "--tuples", "authz/tuples.yaml", "--store-name", "demo"
            });

    assertThat(options.model()).isEqualTo(Path.of("authz/model.fga"));
    assertThat(options.tuples()).isEqualTo(Path.of("authz/tuples.yaml"));
    assertThat(options.storeName()).isEqualTo("demo");
  }

  @Test
  void parseWhenTuplesOrStoreNameWithoutAModelThenRejectsNamingTheFix() {
    assertThatThrownBy(() -> StandaloneServer.parse(new String[] {"--tuples", "tuples.yaml"}))
        .hasMessageContaining("--tuples needs --model")
        .hasMessageContaining("add --model FILE");
    assertThatThrownBy(() -> StandaloneServer.parse(new String[] {"--store-name", "demo"}))
        .hasMessageContaining("--store-name needs --model");
    assertThatThrownBy(
            () -> StandaloneServer.parse(new String[] {"--model", "m.fga", "--store-name", " "}))
        .hasMessageContaining("--store-name must not be blank");
    assertThatThrownBy(() -> StandaloneServer.parse(new String[] {"--model"}))
        .hasMessageContaining("--model needs a value");
  }

  @Test
  void launchWithTuplesButNoModelThenExitsWithStatus2AndUsage() {
    StandaloneServer.Launch launch = launch("--port", "0", "--tuples", "tuples.yaml");

    assertThat(launch.server()).isNull();
    assertThat(launch.exitStatus()).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("error: --tuples needs --model")
        .contains("Usage:");
  }

  @Test
  void launchWithAModelAndTuplesThenServesOneStoreHoldingThemAndPrintsItsIds(@TempDir Path dir)
      throws IOException {
    Path model = write(dir, "model.fga", MODEL);
    Path tuples = write(dir, "tuples.yaml", TUPLES);

    StandaloneServer.Launch launch =
        launch(
            "--port",
            "0",
            "--model",
            model.toString(),
            "--tuples",
            tuples.toString(),
            "--store-name",
            "demo");

    try (OpenFgaTestServer server = launch.server()) {
      assertThat(server).isNotNull();
      List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
      assertThat(lines.get(0)).isEqualTo("Tandem OpenFGA test server listening on " + server.uri());
      Matcher ids = SEEDED.matcher(lines.get(1));
      assertThat(ids.matches()).as(lines.get(1)).isTrue();
      Http http = new Http(server.uri());
      Http.Response stores = http.get("/stores");
      assertThat(stores.json().get("stores")).hasSize(1);
      assertThat(stores.json().get("stores").get(0).get("id").asString()).isEqualTo(ids.group(1));
      assertThat(stores.json().get("stores").get(0).get("name").asString()).isEqualTo("demo");
      assertThat(check(http, ids.group(1), ids.group(2), "user:anne")).isTrue();
      assertThat(check(http, ids.group(1), ids.group(2), "user:bob")).isFalse();
    }
  }

  @Test
  void launchWithAJsonModelAndNoTuplesThenSeedsAnEmptyStoreNamedTandem() {
    Path model = Path.of("src/test/resources/testkit/model.json");

    StandaloneServer.Launch launch = launch("--port", "0", "--model", model.toString());

    try (OpenFgaTestServer server = launch.server()) {
      assertThat(server).isNotNull();
      Matcher ids = SEEDED.matcher(out.toString(StandardCharsets.UTF_8).lines().toList().get(1));
      assertThat(ids.matches()).isTrue();
      assertThat(server.stores().get(ids.group(1)).name()).isEqualTo("tandem");
      assertThat(check(new Http(server.uri()), ids.group(1), ids.group(2), "user:anne")).isFalse();
    }
  }

  @Test
  void launchWhenTheModelFileIsMissingThenExitsWithStatus1NamingItAndListensNowhere(
      @TempDir Path dir) throws IOException {
    Path missing = dir.resolve("missing.fga");
    int port = freePort();

    StandaloneServer.Launch launch =
        launch("--port", String.valueOf(port), "--model", missing.toString());

    assertThat(launch.server()).isNull();
    assertThat(launch.exitStatus()).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("error: model " + missing + " cannot be read: no such file");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void launchWhenTheModelDoesNotParseThenExitsWithStatus1WithTheFileLineAndColumn(@TempDir Path dir)
      throws IOException {
    Path model =
        write(dir, "model.fga", MODEL.replace("define viewer: [user]", "define viewer [user]"));

    StandaloneServer.Launch launch = launch("--port", "0", "--model", model.toString());

    assertThat(launch.server()).isNull();
    assertThat(launch.exitStatus()).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("error: model " + model + " is invalid")
        .containsPattern("line=\\d+, column=\\d+");
  }

  @Test
  void launchWhenATupleDoesNotFitTheModelThenExitsWithStatus1NamingBothFiles(@TempDir Path dir)
      throws IOException {
    Path model = write(dir, "model.fga", MODEL);
    Path tuples =
        write(
            dir, "tuples.yaml", "- object: document:plan\n  relation: owner\n  user: user:anne\n");

    StandaloneServer.Launch launch =
        launch("--port", "0", "--model", model.toString(), "--tuples", tuples.toString());

    assertThat(launch.server()).isNull();
    assertThat(launch.exitStatus()).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("error: tuples " + tuples + " do not fit model " + model + ": ")
        .contains("owner");
  }

  @Test
  void launchWhenTheTuplesFileIsMalformedThenExitsWithStatus1NamingTheTuple(@TempDir Path dir)
      throws IOException {
    Path model = write(dir, "model.fga", MODEL);
    Path tuples = write(dir, "tuples.yaml", "- object: document:plan\n  user: user:anne\n");

    StandaloneServer.Launch launch =
        launch("--port", "0", "--model", model.toString(), "--tuples", tuples.toString());

    assertThat(launch.server()).isNull();
    assertThat(launch.exitStatus()).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("tuple 0 of " + tuples)
        .contains("'relation' is missing");
  }

  private static Path write(Path dir, String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static boolean check(Http http, String storeId, String modelId, String user) {
    Http.Response response =
        http.post(
            "/stores/" + storeId + "/check",
            "{\"authorization_model_id\": \""
                + modelId
                + "\", \"tuple_key\": {\"object\": \"document:plan\", \"relation\":"
                + " \"viewer\", \"user\": \""
                + user
                + "\"}}");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().get("allowed").asBoolean();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
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
