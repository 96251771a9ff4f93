package dev.tandem.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.testing.ConformanceData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * OpenFGA's transformer cases: each {@code authorization-model.fga} parses to the same model as its
 * {@code authorization-model.json}, and writing that model back gives the DSL text.
 */
class DslJsonEquivalenceConformanceTest {

  @TestFactory
  Stream<DynamicTest> everyDslModelEqualsItsJsonTwin() throws IOException {
    return cases().stream()
        .map(
            dir ->
                DynamicTest.dynamicTest(
                    dir.getFileName().toString(),
                    () -> {
                      String dsl = Files.readString(dir.resolve("authorization-model.fga"));
                      String json = Files.readString(dir.resolve("authorization-model.json"));
                      // Syntax only: cases 14 and 15 are deliberately not semantically valid
                      // (upstream does not
                      // validate them either).
                      AuthorizationModel fromDsl = DslParser.parse(dsl);
                      assertThat(fromDsl).isEqualTo(ModelJson.parse(json).withId(""));
                      assertThat(ModelDsl.write(fromDsl)).isEqualTo(dsl);
                    }));
  }

  private static List<Path> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(ConformanceData.path("language/tests/data/transformer"))) {
      List<Path> sorted = dirs.sorted().toList();
      assertThat(sorted).hasSize(29);
      return sorted;
    }
  }
}
