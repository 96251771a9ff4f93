package dev.tandem.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.tandem.core.testing.ConformanceData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * OpenFGA's DSL semantic validation cases ({@code dsl-semantic-validation-cases.yaml}): each model
 * is parsed without validation, then {@link ModelValidator} must report upstream's errors in order,
 * with the same message, 0-based line and column, error type and, where the case names one, symbol.
 */
class DslSemanticValidationConformanceTest {

  private static final String CASES = "language/tests/data/dsl-semantic-validation-cases.yaml";

  /**
   * Cases that cannot pass here. Both are schema 1.2 module files ({@code module foo}, {@code
   * extend type}), which Tandem's schema 1.1 DSL parser rejects as a syntax error before
   * validation; upstream parses them with its modular grammar and then reports the missing schema.
   */
  static final Map<String, String> UNSUPPORTED =
      Map.of(
          "supports parsing a modular model but throws schema required error",
          "module files (schema 1.2 modular syntax) are not parsed by the 1.1 DSL parser",
          "allows extend in modular model",
          "module files (schema 1.2 modular syntax) are not parsed by the 1.1 DSL parser");

  /** The cases upstream marks {@code skip: true}: loops its validator does not detect yet. */
  static final List<String> SKIPPED_UPSTREAM =
      List.of(
          "cycle 3 should fail",
          "cycle 4 should fail",
          "cycle 5 should fail",
          "cycle 6 should fail",
          "union does not require all child to have entry",
          "union does not require all child to have entry even for intersection child",
          "union does not require all child to have entry even for exclusion child");

  @TestFactory
  Stream<DynamicTest> everySemanticCaseReportsUpstreamsErrorsInOrder() {
    JsonNode cases = ConformanceData.yaml(CASES);
    assertThat(cases.size()).isEqualTo(91);
    List<String> skipped = new ArrayList<>();
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : cases) {
      String name = c.get("name").asString();
      boolean skip = c.has("skip") && c.get("skip").asBoolean();
      if (skip) {
        skipped.add(name);
      }
      String dsl = c.get("dsl").asString();
      JsonNode expected = c.get("expected_errors");
      tests.add(
          DynamicTest.dynamicTest(
              name,
              () -> {
                assumeFalse(skip, "skip: true upstream");
                assumeFalse(UNSUPPORTED.containsKey(name), () -> UNSUPPORTED.get(name));
                AuthorizationModel model = DslParser.parse(dsl);
                List<ModelProblem> actual = ModelValidator.validate(model, dsl);
                assertThat(describe(actual, expected))
                    .containsExactlyElementsOf(describe(expected));
              }));
    }
    assertThat(skipped).containsExactlyInAnyOrderElementsOf(SKIPPED_UPSTREAM);
    return tests.stream();
  }

  private static List<String> describe(JsonNode expected) {
    List<String> lines = new ArrayList<>();
    if (expected == null || expected.isNull()) {
      return lines;
    }
    for (JsonNode error : expected) {
      JsonNode metadata = error.get("metadata");
      lines.add(
          describe(
              error.get("msg").asString(),
              error.get("line").get("start").asInt(),
              error.get("line").get("end").asInt(),
              error.get("column").get("start").asInt(),
              error.get("column").get("end").asInt(),
              metadata.get("errorType").asString(),
              metadata.has("symbol") ? metadata.get("symbol").asString() : null));
    }
    return lines;
  }

  /** The actual problems, showing the symbol where the expected error at that index has one. */
  private static List<String> describe(List<ModelProblem> actual, JsonNode expected) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < actual.size(); i++) {
      ModelProblem p = actual.get(i);
      boolean withSymbol =
          expected != null && i < expected.size() && expected.get(i).get("metadata").has("symbol");
      lines.add(
          describe(
              p.message(),
              p.line(),
              p.line(),
              p.column(),
              p.endColumn(),
              p.errorType(),
              withSymbol ? p.symbol() : null));
    }
    return lines;
  }

  private static String describe(
      String message,
      int line,
      int lineEnd,
      int column,
      int columnEnd,
      String errorType,
      String symbol) {
    return "%d:%d-%d:%d [%s] %s%s"
        .formatted(
            line,
            column,
            lineEnd,
            columnEnd,
            errorType,
            message,
            symbol == null ? "" : " (symbol " + symbol + ")");
  }
}
