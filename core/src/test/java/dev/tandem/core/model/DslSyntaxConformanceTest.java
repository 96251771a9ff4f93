package dev.tandem.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.core.testing.ConformanceData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * OpenFGA's DSL syntax cases ({@code dsl-syntax-validation-cases.yaml}): models with expected
 * errors must be rejected, the others accepted. Like upstream's Java suite, error texts are not
 * compared (they are ANTLR messages).
 */
class DslSyntaxConformanceTest {

  @TestFactory
  Stream<DynamicTest> everySyntaxCaseIsAcceptedOrRejectedAsExpected() {
    JsonNode cases = ConformanceData.yaml("language/tests/data/dsl-syntax-validation-cases.yaml");
    assertThat(cases.size()).isEqualTo(81);
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : cases) {
      String dsl = c.get("dsl").asString();
      boolean invalid = c.has("expected_errors") && !c.get("expected_errors").isEmpty();
      tests.add(
          DynamicTest.dynamicTest(
              c.get("name").asString(),
              () -> {
                if (invalid) {
                  assertThatThrownBy(() -> ModelDsl.parse(dsl))
                      .isInstanceOf(InvalidModelException.class);
                } else {
                  assertThatCode(() -> ModelDsl.parse(dsl)).doesNotThrowAnyException();
                }
              }));
    }
    return tests.stream();
  }

  /**
   * Syntax only: like upstream's transformer tests, this does not validate semantics, and two of
   * the models (14 and 15, mixed operators) are semantically invalid.
   */
  @TestFactory
  Stream<DynamicTest> everyTransformerModelParses() throws IOException {
    Path dir = ConformanceData.path("language/tests/data/transformer");
    try (Stream<Path> cases = Files.list(dir)) {
      List<Path> sorted = cases.sorted().toList();
      assertThat(sorted).hasSize(29);
      return sorted.stream()
          .map(
              c ->
                  DynamicTest.dynamicTest(
                      c.getFileName().toString(),
                      () ->
                          DslParser.parse(Files.readString(c.resolve("authorization-model.fga")))));
    }
  }
}
