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
 * OpenFGA's JSON model validation cases ({@code json-validation-cases.yaml}): reading the JSON with
 * {@link ModelJson} and then validating it with {@link ModelValidator} (no DSL source) must report
 * upstream's errors in order, unpositioned, with the same message, error type and symbol.
 *
 * <p>Some problems only the JSON form can have (no schema version, a condition whose key differs
 * from its name) are reported by the reader, which then fails; the others by the validator.
 */
class JsonValidationConformanceTest {

  private static final String CASES = "language/tests/data/json-validation-cases.yaml";

  /** Cases that cannot pass here, with the reason. */
  static final Map<String, String> UNSUPPORTED =
      Map.of(
          "file can only include one module",
          "modules and source files (schema 1.2 type, relation and condition metadata) are not"
              + " part of Tandem's AuthorizationModel, so multiple-modules-in-file cannot be"
              + " detected");

  @TestFactory
  Stream<DynamicTest> everyJsonCaseReportsUpstreamsErrorsInOrder() {
    JsonNode cases = ConformanceData.yaml(CASES);
    assertThat(cases.size()).isEqualTo(5);
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : cases) {
      String name = c.get("name").asString();
      String json = c.get("json").asString();
      JsonNode expected = c.get("expected_errors");
      tests.add(
          DynamicTest.dynamicTest(
              name,
              () -> {
                assumeFalse(UNSUPPORTED.containsKey(name), () -> UNSUPPORTED.get(name));
                List<ModelProblem> actual;
                try {
                  actual = ModelValidator.validate(ModelJson.parse(json), null);
                } catch (InvalidModelException e) {
                  actual = e.problems();
                }
                assertThat(actual).containsExactlyElementsOf(expectedProblems(expected));
              }));
    }
    return tests.stream();
  }

  private static List<ModelProblem> expectedProblems(JsonNode expected) {
    List<ModelProblem> problems = new ArrayList<>();
    if (expected == null || expected.isNull()) {
      return problems;
    }
    for (JsonNode error : expected) {
      JsonNode metadata = error.get("metadata");
      problems.add(
          ModelProblem.unpositioned(
              error.get("msg").asString(),
              metadata.get("errorType").asString(),
              metadata.get("symbol").asString()));
    }
    return problems;
  }
}
