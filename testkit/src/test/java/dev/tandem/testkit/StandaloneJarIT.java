package dev.tandem.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.conformance.ConformanceBackend;
import dev.tandem.core.conformance.ConformanceSuite.Extras;
import dev.tandem.core.tuple.TupleCondition;
import dev.tandem.core.tuple.TupleKey;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded standalone jar, run with {@code java -jar} as a user runs it. */
class StandaloneJarIT {

  private static Path jar() {
    Path jar = Path.of(System.getProperty("tandem.standalone.jar", "missing"));
    assertThat(jar).as("the standalone jar, built by package").exists();
    return jar;
  }

  private static Process run(String... args) throws IOException {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar().toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  @Test
  void jarWhenRunWithAPortThenServesTheApiWithConditionsUntilStopped() throws Exception {
    Process process = run("--port", "0");
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line = readLine(out);
      assertThat(line).contains("listening on http://127.0.0.1:");
      URI uri = URI.create(line.substring(line.indexOf("http://")));

      ConformanceBackend.Store store = new HttpConformanceBackend(uri).newStore();
      store.writeModel(
          """
          model
            schema 1.1
          type user
          type document
            relations
              define viewer: [user with before_noon]
          condition before_noon(hour: int) {
            hour < 12
          }
          """);
      store.writeTuples(
          List.of(
              new TupleKey("document:a", "viewer", "user:anne", TupleCondition.of("before_noon"))));

      assertThat(store.check("document:a", "viewer", "user:anne", context(Map.of("hour", 9))))
          .isTrue();
      assertThat(store.check("document:a", "viewer", "user:anne", context(Map.of("hour", 15))))
          .isFalse();
    } finally {
      process.destroy();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
    }
  }

  @Test
  void jarWhenRunWithAModelAndTuplesThenPrintsTheSeededIdsAndDecidesByTheTuples(@TempDir Path dir)
      throws Exception {
    Path model = Files.writeString(dir.resolve("model.fga"), StandaloneServerTest.MODEL);
    Path tuples = Files.writeString(dir.resolve("tuples.yaml"), StandaloneServerTest.TUPLES);
    Process process =
        run("--port", "0", "--model", model.toString(), "--tuples", tuples.toString());
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String listening = readLine(out);
      String seeded = readLine(out);
      assertThat(listening).startsWith("Tandem OpenFGA test server listening on http://127.0.0.1:");
      Matcher ids = StandaloneServerTest.SEEDED.matcher(seeded);
      assertThat(ids.matches()).as(seeded).isTrue();
      Http http = new Http(URI.create(listening.substring(listening.indexOf("http://"))));

      assertThat(allowed(http, ids.group(1), "user:anne")).isTrue();
      assertThat(allowed(http, ids.group(1), "user:bob")).isFalse();
    } finally {
      process.destroy();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
    }
  }

  @Test
  void jarWhenTheModelFileIsInvalidThenExitsOneNamingTheFileAndTheLine(@TempDir Path dir)
      throws Exception {
    Path model = Files.writeString(dir.resolve("model.fga"), "model\n  schema 1.1\ntype\n");
    Process process = run("--port", "0", "--model", model.toString());

    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(1);
    assertThat(output)
        .contains("error: model " + model + " is invalid")
        .containsPattern("line=\\d+, column=\\d+")
        .doesNotContain("listening");
  }

  /** A check of {@code viewer} on {@code document:plan} against the store's latest model. */
  private static boolean allowed(Http http, String storeId, String user) {
    Http.Response response =
        http.post(
            "/stores/" + storeId + "/check",
            "{\"tuple_key\": {\"object\": \"document:plan\", \"relation\": \"viewer\","
                + " \"user\": \""
                + user
                + "\"}}");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().get("allowed").asBoolean();
  }

  private static String readLine(BufferedReader out) throws Exception {
    return CompletableFuture.supplyAsync(
            () -> {
              try {
                return out.readLine();
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            })
        .get(60, TimeUnit.SECONDS);
  }

  private static Extras context(Map<String, Object> context) {
    return new Extras(List.of(), context);
  }

  @Test
  void jarWhenRunWithHelpThenPrintsUsageAndExitsZero() throws Exception {
    Process process = run("--help");

    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    assertThat(output).contains("Usage: java -jar tandem-testkit-<version>-standalone.jar");
  }

  @Test
  void jarWhenGivenAnUnknownOptionThenExitsTwo() throws Exception {
    Process process = run("--bogus");

    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(output).contains("unknown option '--bogus'");
  }

  @Test
  void jarManifestNamesTheMainClass() throws IOException {
    try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar().toFile())) {
      assertThat(file.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo(StandaloneServer.class.getName());
      assertThat(Files.size(jar())).isGreaterThan(1_000_000);
    }
  }

  @Test
  void jarWhenBundlingDependenciesThenCarriesTheLicenceAndANoticeForEachOfThem()
      throws IOException {
    Path listed = Path.of(System.getProperty("tandem.bundled.dependencies", "missing"));
    assertThat(listed).as("the dependency list written by package").exists();
    List<String> bundled =
        Files.readAllLines(listed).stream()
            .map(String::strip)
            .filter(line -> line.split(":").length >= 4)
            .map(line -> line.split(":")[0] + ":" + line.split(":")[1])
            .toList();
    assertThat(bundled)
        .contains("com.google.protobuf:protobuf-java", "tools.jackson.core:jackson-core");

    try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar().toFile())) {
      String licence = entry(file, "META-INF/LICENSE");
      String notices = entry(file, "META-INF/THIRD-PARTY-NOTICES.txt");
      assertThat(licence).contains("Apache License", "Version 2.0, January 2004");
      assertThat(bundled).allSatisfy(ga -> assertThat(notices).contains("  " + ga));
    }
  }

  private static String entry(java.util.jar.JarFile file, String name) throws IOException {
    java.util.jar.JarEntry entry = file.getJarEntry(name);
    assertThat(entry).as(name).isNotNull();
    try (var in = file.getInputStream(entry)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
