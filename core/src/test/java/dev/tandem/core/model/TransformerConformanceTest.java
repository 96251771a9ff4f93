package dev.tandem.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.tandem.core.testing.ConformanceData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenFGA's transformer cases ({@code language/tests/data/transformer/NN-name/}): each directory
 * holds a model as JSON and the DSL that OpenFGA's JSON-to-DSL transformer writes for it.
 */
class TransformerConformanceTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TestFactory
  Stream<DynamicContainer> transformerCases() {
    List<Path> cases = caseDirectories();
    assertThat(cases).as("transformer case directories").isNotEmpty();
    return cases.stream()
        .map(
            dir ->
                dynamicContainer(
                    dir.getFileName().toString(),
                    Stream.of(
                        dynamicTest("json parses", () -> parseJson(dir)),
                        dynamicTest("written json parses to an equal model", () -> roundTrip(dir)),
                        dynamicTest(
                            "written json equals the file's json", () -> writtenJsonMatches(dir)),
                        dynamicTest(
                            "dsl equals the file's dsl exactly", () -> writtenDslMatches(dir)))));
  }

  private static void parseJson(Path dir) {
    AuthorizationModel model = ModelJson.parse(read(dir, "authorization-model.json"));

    JsonNode file = JSON.readTree(read(dir, "authorization-model.json"));
    assertThat(model.id()).isEmpty();
    assertThat(model.schemaVersion()).isEqualTo(file.get("schema_version").stringValue());
    assertThat(model.types()).hasSize(file.path("type_definitions").size());
    assertThat(model.conditions()).hasSize(file.path("conditions").size());
  }

  private static void roundTrip(Path dir) {
    AuthorizationModel model = ModelJson.parse(read(dir, "authorization-model.json"));

    assertThat(ModelJson.parse(ModelJson.write(model))).isEqualTo(model);
  }

  private static void writtenJsonMatches(Path dir) {
    String json = read(dir, "authorization-model.json");

    JsonNode written = JSON.readTree(ModelJson.write(ModelJson.parse(json)));

    assertThat(written).isEqualTo(normalise(JSON.readTree(json)));
  }

  private static void writtenDslMatches(Path dir) {
    AuthorizationModel model = ModelJson.parse(read(dir, "authorization-model.json"));

    assertThat(DslWriter.write(model)).isEqualTo(read(dir, "authorization-model.fga"));
  }

  /**
   * The one difference between the files and our output that carries no meaning: a model without
   * types ({@code 00-only-schema}) omits {@code type_definitions}, as protobuf's JSON writer omits
   * empty lists, while we always write it, as the API schema marks it required. Key order needs no
   * normalising: object nodes compare as maps.
   */
  private static JsonNode normalise(JsonNode file) {
    ObjectNode copy = (ObjectNode) file.deepCopy();
    if (!copy.has("type_definitions")) {
      copy.putArray("type_definitions");
    }
    return copy;
  }

  private static List<Path> caseDirectories() {
    try (Stream<Path> entries =
        Files.list(ConformanceData.path("language/tests/data/transformer"))) {
      return entries.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path dir, String file) {
    try {
      return Files.readString(dir.resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
