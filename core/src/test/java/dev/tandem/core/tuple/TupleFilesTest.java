package dev.tandem.core.tuple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TupleFilesTest {

  private static final String YAML =
      """
      # two tuples, the second conditional
      - object: document:roadmap
        relation: owner
        user: user:anne
      - object: document:budget
        relation: editor
        user: user:carol
        condition:
          name: non_expired
          context: {expires_at: "2030-01-01T00:00:00Z"}
      """;

  @Test
  void readWhenYamlThenReadsTheTuplesWithTheirConditions(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("tuples.yaml"), YAML);

    assertThat(TupleFiles.read(file))
        .containsExactly(
            TupleKey.of("document:roadmap", "owner", "user:anne"),
            new TupleKey(
                "document:budget",
                "editor",
                "user:carol",
                new TupleCondition("non_expired", Map.of("expires_at", "2030-01-01T00:00:00Z"))));
  }

  @Test
  void parseWhenYmlHoldsTheListUnderTuplesThenReadsThatList() {
    String yaml = "tuples:\n  - {object: a:1, relation: r, user: u:1}\n";

    assertThat(TupleFiles.parse(yaml, "seed.yml")).containsExactly(TupleKey.of("a:1", "r", "u:1"));
  }

  @Test
  void parseWhenJsonListThenReadsIt() {
    String json =
        """
        [{"object": "a:1", "relation": "r", "user": "u:1",
          "condition": {"name": "c", "context": {"n": 2}}}]
        """;

    assertThat(TupleFiles.parse(json, "tuples.JSON"))
        .containsExactly(new TupleKey("a:1", "r", "u:1", new TupleCondition("c", Map.of("n", 2))));
  }

  @Test
  void parseWhenJsonObjectHoldsTheListUnderTuplesThenIgnoresOtherKeys() {
    String json =
        """
        {"comment": {"why": ["seed"]}, "tuples": [{"object": "a:1", "relation": "r", "user": "u:1"}],
         "after": 1}
        """;

    assertThat(TupleFiles.parse(json, "t.json")).containsExactly(TupleKey.of("a:1", "r", "u:1"));
  }

  @Test
  void readWhenAStreamThenTheNameGivesTheFormat() {
    byte[] json =
        "[{\"object\": \"a:1\", \"relation\": \"r\", \"user\": \"u:1\"}]"
            .getBytes(StandardCharsets.UTF_8);

    assertThat(TupleFiles.read(new ByteArrayInputStream(json), "classpath:seed/t.json"))
        .containsExactly(TupleKey.of("a:1", "r", "u:1"));
  }

  @Test
  void parseWhenEmptyThenNoTuples() {
    assertThat(TupleFiles.parse("# nothing yet\n", "t.yaml")).isEmpty();
    assertThat(TupleFiles.parse("---\n", "t.yaml")).isEmpty();
    assertThat(TupleFiles.parse("", "t.json")).isEmpty();
  }

  @Test
  void parseWhenATupleLacksAFieldThenTheErrorNamesTheFileTheTupleAndItsLine() {
    String yaml = "- {object: a:1, relation: r, user: u:1}\n- object: a:2\n  user: u:2\n";

    assertThatThrownBy(() -> TupleFiles.parse(yaml, "t.yaml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tuple 1 of t.yaml (line 2) is invalid: 'relation' is missing");
  }

  @Test
  void parseWhenATupleIsNotAnObjectThenTheErrorSaysSo() {
    assertThatThrownBy(() -> TupleFiles.parse("[\"a:1#r@u:1\"]", "t.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tuple 0 of t.json (line 1) is invalid: a tuple key must be an object");
  }

  @Test
  void parseWhenAFieldIsNotAStringThenTheErrorNamesTheField() {
    assertThatThrownBy(() -> TupleFiles.parse("- {object: a:1, relation: [r], user: u}", "t.yml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tuple 0 of t.yml")
        .hasMessageEndingWith("'relation' must be a string");
  }

  @Test
  void parseWhenNotAListThenTheErrorSaysWhatIsExpected() {
    assertThatThrownBy(() -> TupleFiles.parse("object: a:1\n", "t.yaml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tuples t.yaml must be a list of tuples, or hold one under 'tuples'");
    assertThatThrownBy(() -> TupleFiles.parse("{\"tuples\": null}", "t.json"))
        .hasMessage("tuples t.json must be a list of tuples, or hold one under 'tuples'");
  }

  @Test
  void parseWhenNotYamlThenTheErrorNamesTheFileAndTheLine() {
    String yaml = "- {object: a:1, relation: r, user: u:1}\n- {object: [\n";

    assertThatThrownBy(() -> TupleFiles.parse(yaml, "broken.yaml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("tuples broken.yaml cannot be parsed (line ");
  }

  @Test
  void parseWhenJsonHasADuplicateKeyThenTheErrorNamesTheFileAndTheLine() {
    String json =
        "[\n{\"object\": \"a:1\", \"object\": \"a:2\", \"relation\": \"r\", \"user\": \"u\"}]";

    assertThatThrownBy(() -> TupleFiles.parse(json, "t.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("tuples t.json cannot be parsed (line 2): ")
        .hasMessageContaining("object");
  }

  @Test
  void parseWhenTheListIsNotClosedThenTheErrorNamesTheFile() {
    String json = "[{\"object\": \"a:1\", \"relation\": \"r\", \"user\": \"u\"},\n";

    assertThatThrownBy(() -> TupleFiles.parse(json, "t.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("tuples t.json ");
  }

  @Test
  void parseWhenContentFollowsTheListThenTheErrorSaysSo() {
    String json = "[{\"object\": \"a:1\", \"relation\": \"r\", \"user\": \"u\"}]\n[]";

    assertThatThrownBy(() -> TupleFiles.parse(json, "t.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tuples t.json (line 2) has content after the tuples");
  }

  @Test
  void readWhenTheFileIsMissingThenTheErrorNamesIt(@TempDir Path dir) {
    Path missing = dir.resolve("nothing.yaml");

    assertThatThrownBy(() -> TupleFiles.read(missing))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("tuples " + missing + " cannot be read");
  }

  @Test
  void parseWhenYamlWithoutTheYamlModuleThenTheErrorSaysWhatToAdd() throws Exception {
    try (WithoutYaml loader = new WithoutYaml()) {
      assertThat(
              loader.parse(
                  "[{\"object\": \"a:1\", \"relation\": \"r\", \"user\": \"u\"}]", "t.json"))
          .hasSize(1);
      assertThatThrownBy(() -> loader.parse("- {object: a:1, relation: r, user: u}", "t.yaml"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "tuples t.yaml is YAML, which needs tools.jackson.dataformat:jackson-dataformat-yaml"
                  + " on the classpath: add that dependency, or write the tuples as JSON in a"
                  + " .json file");
    }
  }

  /** Core's classes loaded again, by a loader that cannot see Jackson's YAML module. */
  private static final class WithoutYaml extends URLClassLoader {

    WithoutYaml() {
      super(
          new URL[] {TupleFiles.class.getProtectionDomain().getCodeSource().getLocation()},
          new ClassLoader(TupleFiles.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve)
                throws ClassNotFoundException {
              if (name.startsWith("dev.tandem.core.")
                  || name.startsWith("tools.jackson.dataformat.yaml.")) {
                throw new ClassNotFoundException(name);
              }
              return super.loadClass(name, resolve);
            }
          });
    }

    List<?> parse(String text, String name) throws Exception {
      try {
        return (List<?>)
            loadClass(TupleFiles.class.getName())
                .getMethod("parse", String.class, String.class)
                .invoke(null, text, name);
      } catch (InvocationTargetException e) {
        throw (Exception) e.getCause();
      }
    }
  }
}
