package dev.tandem.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tandem.core.testing.ConformanceData;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * OpenFGA's JSON-to-DSL cases ({@code json-syntax-transformer-validation-cases.yaml}): models that
 * are valid JSON but may not be expressible in the DSL. A case with an {@code error_message} must
 * be rejected; every other case must convert.
 */
class JsonToDslValidationCasesTest {

  private static List<JsonNode> cases() {
    JsonNode cases =
        ConformanceData.yaml("language/tests/data/json-syntax-transformer-validation-cases.yaml");
    List<JsonNode> list = StreamSupport.stream(cases.spliterator(), false).toList();
    assertThat(list).as("cases in the file").isNotEmpty();
    return list;
  }

  static Stream<Arguments> expressible() {
    return cases().stream()
        .filter(c -> !c.has("error_message"))
        .map(c -> Arguments.of(c.get("name").stringValue(), c.get("json").stringValue()));
  }

  static Stream<Arguments> notExpressible() {
    return cases().stream()
        .filter(c -> c.has("error_message"))
        .map(
            c ->
                Arguments.of(
                    c.get("name").stringValue(),
                    c.get("json").stringValue(),
                    c.get("error_message").stringValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expressible")
  void jsonToDslWhenExpressibleThenConverted(String name, String json) {
    AuthorizationModel model = ModelJson.parse(json);

    String dsl = DslWriter.write(model);

    assertThat(dsl).startsWith("model\n  schema 1.1\n");
    for (TypeDefinition type : model.types().values()) {
      assertThat(dsl).contains("type " + type.name() + "\n");
      for (RelationDefinition relation : type.relations().values()) {
        String define = "\n    define " + relation.name() + ": ";
        assertThat(dsl).contains(define);
        if (hasDirectChild(relation.rewrite())) {
          assertThat(dsl).as("direct assignment written first").contains(define + "[");
        }
      }
    }
  }

  private static boolean hasDirectChild(Rewrite rewrite) {
    List<Rewrite> children =
        rewrite instanceof Rewrite.Union union
            ? union.children()
            : rewrite instanceof Rewrite.Intersection intersection
                ? intersection.children()
                : List.of();
    return children.stream().anyMatch(Rewrite.This.class::isInstance);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notExpressible")
  void jsonToDslWhenDirectAssignmentMisplacedThenRejectedWithUpstreamMessage(
      String name, String json, String errorMessage) {
    AuthorizationModel model = ModelJson.parse(json);

    InvalidModelException e =
        catchThrowableOfType(InvalidModelException.class, () -> DslWriter.write(model));

    assertThat(e).as("rejection").isNotNull();
    assertThat(e.problems())
        .singleElement()
        .extracting(ModelProblem::message)
        .isEqualTo(errorMessage);
  }
}
