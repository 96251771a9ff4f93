package dev.tandem.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.core.model.InvalidModelException;
import dev.tandem.core.tuple.TupleCondition;
import dev.tandem.core.tuple.TupleKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedFilesTest {

  @Test
  void tuplesWhenYamlThenReadWithTheirConditions() {
    List<TupleKey> tuples = SeedFiles.tuples("classpath:testkit/tuples.yaml");

    assertThat(tuples).hasSize(5);
    assertThat(tuples.get(4))
        .isEqualTo(
            new TupleKey(
                "document:budget",
                "editor",
                "user:carol",
                new TupleCondition("non_expired", Map.of("expires_at", "2030-01-01T00:00:00Z"))));
  }

  @Test
  void tuplesWhenJsonObjectWithATuplesListThenReadThatList() {
    assertThat(SeedFiles.tuples("classpath:testkit/tuples.json"))
        .containsExactly(TupleKey.of("document:readme", "viewer", "user:dave"));
  }

  @Test
  void locationWhenAFilePathThenReadFromTheFileSystem(@TempDir Path dir) throws IOException {
    Path file =
        Files.writeString(dir.resolve("t.yml"), "- {object: a:1, relation: r, user: u:2}\n");

    assertThat(SeedFiles.tuples(file.toString())).containsExactly(TupleKey.of("a:1", "r", "u:2"));
    assertThat(SeedFiles.tuples("file:" + file)).hasSize(1);
  }

  @Test
  void locationWhenMissingThenTheErrorNamesIt() {
    assertThatThrownBy(() -> SeedFiles.model("classpath:testkit/nothing.fga"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("classpath:testkit/nothing.fga");
    assertThatThrownBy(() -> SeedFiles.tuples("no/such/file.yaml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no/such/file.yaml");
  }

  @Test
  void tuplesWhenATupleLacksAFieldThenTheErrorNamesTheTuple(@TempDir Path dir) throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("t.yaml"), "- {object: a:1, relation: r, user: u:1}\n- {object: a:2}\n");

    assertThatThrownBy(() -> SeedFiles.tuples(file.toString()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tuple 1 of")
        .hasMessageContaining("'relation' is missing");
  }

  @Test
  void tuplesWhenNotAListThenTheErrorSaysSo(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("t.yaml"), "object: a:1\n");

    assertThatThrownBy(() -> SeedFiles.tuples(file.toString()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be a list");
  }

  @Test
  void modelWhenDslIsInvalidThenThrowsInvalidModelException(@TempDir Path dir) throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("m.fga"),
            "model\n  schema 1.1\ntype doc\n  relations\n    define viewer: [nobody]\n");

    assertThatThrownBy(() -> SeedFiles.model(file.toString()))
        .isInstanceOf(InvalidModelException.class);
  }

  @Test
  void seedWhenNoModelIsGivenThenHasNoModel() {
    SeedFiles.Seed seed = SeedFiles.load("", List.of());

    assertThat(seed.model()).isNull();
    assertThat(seed.tuples()).isEmpty();
  }
}
