package dev.tandem.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {

  private static final String DSL =
      """
      model
        schema 1.1
      type user
      type document
        relations
          define viewer: [user]
      """;

  @Test
  void readWhenFgaThenParsesTheDsl(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("model.fga"), DSL);

    assertThat(ModelFiles.read(file)).isEqualTo(ModelDsl.parse(DSL));
  }

  @Test
  void readWhenJsonThenParsesTheApiJson() {
    String json = ModelJson.write(ModelDsl.parse(DSL));
    var in = new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));

    assertThat(ModelFiles.read(in, "classpath:authz/Model.JSON")).isEqualTo(ModelJson.parse(json));
  }

  @Test
  void parseWhenTheModelIsInvalidThenTheErrorNamesTheFileAndKeepsTheProblems() {
    String dsl = "model\n  schema 1.1\ntype doc\n  relations\n    define viewer: [nobody]\n";

    assertThatThrownBy(() -> ModelFiles.parse(dsl, "authz/model.fga"))
        .isInstanceOfSatisfying(
            InvalidModelException.class,
            e -> {
              assertThat(e.getMessage()).startsWith("model authz/model.fga is invalid: 1 error(s)");
              assertThat(e.problems()).hasSize(1);
              assertThat(e.problems().get(0).toString()).contains("nobody");
            });
  }

  @Test
  void parseWhenJsonIsNotJsonThenTheErrorNamesTheFile() {
    assertThatThrownBy(() -> ModelFiles.parse("{", "model.json"))
        .isInstanceOf(InvalidModelException.class)
        .hasMessageStartingWith("model model.json is invalid: ");
  }

  @Test
  void readWhenTheFileIsMissingThenTheErrorNamesIt(@TempDir Path dir) {
    Path missing = dir.resolve("nothing.fga");

    assertThatThrownBy(() -> ModelFiles.read(missing))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("model " + missing + " cannot be read");
  }
}
