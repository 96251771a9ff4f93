package dev.tandem.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.core.tuple.TupleKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

class TandemResourcesTest {

  @Test
  void tuplesWhenJsonThenReadAsJson(@TempDir Path dir) throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("seed.json"),
            "{\"tuples\": [{\"object\": \"a:1\", \"relation\": \"r\", \"user\": \"u:1\"}]}");

    assertThat(TandemResources.tuples(new FileSystemResource(file)))
        .containsExactly(TupleKey.of("a:1", "r", "u:1"));
  }

  @Test
  void tuplesWhenATupleIsInvalidThenTheErrorNamesThePropertyTheResourceAndTheTuple(
      @TempDir Path dir) throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("seed.yaml"), "- {object: a:1, relation: r, user: u}\n- {}\n");

    assertThatThrownBy(() -> TandemResources.tuples(new FileSystemResource(file)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("tandem.tuples file [" + file)
        .hasMessageEndingWith("tuple 1 of seed.yaml (line 2) is invalid: 'object' is missing");
  }

  @Test
  void modelWhenMissingThenTheErrorNamesThePropertyKey() {
    assertThatThrownBy(() -> TandemResources.model(new ClassPathResource("nothing.fga")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("tandem.model class path resource [nothing.fga] does not exist");
  }

  @Test
  void modelWhenInvalidThenTheErrorNamesThePropertyAndTheProblem(@TempDir Path dir)
      throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("model.fga"),
            "model\n  schema 1.1\ntype doc\n  relations\n    define viewer: [nobody]\n");

    assertThatThrownBy(() -> TandemResources.model(new FileSystemResource(file)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("tandem.model file [" + file + "]: model model.fga is invalid: ")
        .hasMessageContaining("nobody");
  }
}
