package dev.tandem.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tandem.core.testing.ConformanceData;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class ModelJsonMalformedTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The error types of {@code json-validation-cases.yaml} that the reader itself reports. */
  private static final Set<String> STRUCTURAL_ERROR_TYPES =
      Set.of("schema-version-required", "different-nested-condition-name");

  @ParameterizedTest
  @ValueSource(strings = {"{\"schema_version\": ", "not json", "{} {}", "{\"a\": 1,}"})
  void parseWhenTextIsNotJsonThenInvalidModel(String text) {
    assertThat(problems(text))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).startsWith("the model is not valid JSON: "));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void parseWhenTextIsEmptyThenInvalidModel(String text) {
    assertThat(messages(text)).containsExactly("the model JSON is empty");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "\"1.1\"", "null", "3"})
  void parseWhenJsonIsNotAnObjectThenInvalidModel(String text) {
    assertThat(messages(text))
        .singleElement()
        .asString()
        .startsWith("the model must be a JSON object");
  }

  @Test
  void parseWhenKeyRepeatedThenInvalidModelNamingIt() {
    assertThat(messages("{\"schema_version\": \"1.1\", \"schema_version\": \"1.1\"}"))
        .singleElement()
        .asString()
        .contains("schema_version");
  }

  @Test
  void parseWhenSchemaVersionMissingThenSchemaVersionRequired() {
    assertThat(problems("{\"type_definitions\": []}"))
        .containsExactly(
            ModelProblem.unpositioned("schema version required", "schema-version-required", ""));
  }

  @Test
  void parseWhenTypeNameMissingThenProblemNamesTheTypeDefinition() {
    assertThat(messages(model("{\"relations\": {}}")))
        .containsExactly("type definition #0 has no type name");
  }

  @Test
  void parseWhenTypeDefinedTwiceThenDuplicatedError() {
    assertThat(problems(model("{\"type\": \"user\"}, {\"type\": \"user\"}")))
        .containsExactly(
            ModelProblem.unpositioned(
                "the type `user` is a duplicate.", "duplicated-error", "user"));
  }

  @Test
  void parseWhenRewriteHasNoOperatorThenProblemNamesRelation() {
    ModelProblem problem =
        single(model("{\"type\": \"doc\", \"relations\": {\"viewer\": {\"thus\": {}}}}"));

    assertThat(problem.message())
        .contains("relation 'viewer' of type 'doc'")
        .contains("exactly one of this, computedUserset")
        .contains("found none (keys: thus)");
    assertThat(problem.symbol()).isEqualTo("viewer");
  }

  @Test
  void parseWhenRewriteHasTwoOperatorsThenProblemListsThem() {
    String relations =
        "{\"viewer\": {\"this\": {}, \"computedUserset\": {\"relation\": \"owner\"}}}";

    assertThat(single(model("{\"type\": \"doc\", \"relations\": " + relations + "}")).message())
        .contains("relation 'viewer' of type 'doc'")
        .endsWith("found this, computedUserset");
  }

  @Test
  void parseWhenNestedRewriteIncompleteThenProblemSaysWhere() {
    String relations =
        "{\"viewer\": {\"difference\": {\"base\": {\"this\": {}},"
            + " \"subtract\": {\"union\": {\"child\": []}}}}}";

    assertThat(messages(model("{\"type\": \"doc\", \"relations\": " + relations + "}")))
        .containsExactly(
            "union of the subtract of the difference of relation 'viewer' of type"
                + " 'doc' has no children");
  }

  @Test
  void parseWhenComputedUsersetNamesAnObjectThenRejected() {
    String relations =
        "{\"v\": {\"computedUserset\": {\"object\": \"doc:1\", \"relation\": \"o\"}}}";

    assertThat(single(model("{\"type\": \"doc\", \"relations\": " + relations + "}")))
        .satisfies(p -> assertThat(p.message()).contains("names object 'doc:1'"))
        .extracting(ModelProblem::symbol)
        .isEqualTo("doc:1");
  }

  @Test
  void parseWhenRestrictionIsBothWildcardAndUsersetThenRejected() {
    String type =
        "{\"type\": \"doc\", \"relations\": {\"v\": {\"this\": {}}}, \"metadata\": {\"relations\":"
            + " {\"v\": {\"directly_related_user_types\": [{\"type\": \"user\", \"relation\": \"r\","
            + " \"wildcard\": {}}]}}}}";

    assertThat(single(model(type)).message())
        .isEqualTo(
            "directly related user type 'user' in metadata of relation 'v' of type 'doc' is both a"
                + " wildcard and a userset (relation 'r')");
  }

  @Test
  void parseWhenParameterTypeUnknownThenProblemNamesIt() {
    ModelProblem problem =
        single(condition("c", "{\"p\": {\"type_name\": \"TYPE_NAME_FLOAT\"}}", "c"));

    assertThat(problem.message())
        .isEqualTo("parameter 'p' of condition 'c' has unknown type_name 'TYPE_NAME_FLOAT'");
    assertThat(problem.symbol()).isEqualTo("TYPE_NAME_FLOAT");
  }

  @Test
  void parseWhenListParameterHasNoGenericTypeThenRejected() {
    assertThat(
            single(condition("c", "{\"p\": {\"type_name\": \"TYPE_NAME_LIST\"}}", "c")).message())
        .isEqualTo(
            "parameter 'p' of condition 'c' of type TYPE_NAME_LIST has 0 generic types; list and"
                + " map take exactly one");
  }

  @Test
  void parseWhenConditionKeyDiffersFromNameThenRejectedAsUpstreamDoes() {
    assertThat(problems(condition("key", "{}", "other")))
        .containsExactly(
            ModelProblem.unpositioned(
                "condition key is `key` but nested name property is other",
                "different-nested-condition-name",
                "other"));
  }

  @Test
  void parseWhenSeveralProblemsThenReportsEveryOne() {
    String text =
        "{\"type_definitions\": [{\"type\": 7}, {\"type\": \"doc\", \"relations\": []}],"
            + " \"conditions\": {\"c\": {\"name\": \"c\"}}}";

    assertThat(messages(text))
        .containsExactly(
            "schema version required",
            "type of type definition #0 must be a string, got 7 (number)",
            "relations of type 'doc' must be an object, got [] (array)",
            "condition 'c' has no expression");
  }

  /**
   * Replaces every value of a model that uses each JSON feature by each wrong kind of value: the
   * reader must accept it or report it, never fail with another exception.
   */
  @Test
  void parseWhenAnyValueReplacedByWrongKindThenModelOrInvalidModelOnly() {
    JsonNode original =
        JSON.readTree(
            ConformanceData.read(
                "language/tests/data/transformer/15-mixed-operators-with-direct-assignments-once-beginning-of-line/authorization-model.json"));
    List<JsonNode> replacements =
        List.of(
            JSON.nullNode(),
            JSON.getNodeFactory().numberNode(1),
            JSON.getNodeFactory().stringNode("x"),
            JSON.createArrayNode(),
            JSON.createObjectNode(),
            JSON.getNodeFactory().booleanNode(true));
    List<String> failures = new ArrayList<>();
    int variants = 0;
    for (List<Object> path : paths(original, new ArrayList<>())) {
      for (JsonNode replacement : replacements) {
        JsonNode variant = replaced(original, path, replacement);
        variants++;
        try {
          ModelJson.fromTree(variant);
        } catch (InvalidModelException expected) {
          // reported, as it should be
        } catch (RuntimeException e) {
          failures.add(path + " := " + replacement + " threw " + e);
        }
      }
    }

    assertThat(variants).isGreaterThan(100);
    assertThat(failures).isEmpty();
  }

  @Test
  void parseWhenTextTruncatedAnywhereThenInvalidModelOnly() {
    String text =
        ConformanceData.read(
            "language/tests/data/transformer/08-tuple-to-userset/authorization-model.json");

    for (int length = 0; length < text.stripTrailing().length(); length++) {
      String prefix = text.substring(0, length);
      assertThat(catchThrowableOfType(InvalidModelException.class, () -> ModelJson.parse(prefix)))
          .as("prefix of length %d", length)
          .isNotNull();
    }
  }

  /** The cases of {@code json-validation-cases.yaml} that concern structure, checked here. */
  static Stream<Arguments> jsonValidationCases() {
    JsonNode cases = ConformanceData.yaml("language/tests/data/json-validation-cases.yaml");
    return StreamSupport.stream(cases.spliterator(), false)
        .map(
            c ->
                Arguments.of(
                    c.get("name").stringValue(),
                    c.get("json").stringValue(),
                    c.path("expected_errors")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jsonValidationCases")
  void parseWhenUpstreamJsonCaseIsStructuralThenSameErrorElseLeftToValidator(
      String name, String json, JsonNode expectedErrors) {
    List<ModelProblem> expected = new ArrayList<>();
    for (JsonNode error : expectedErrors) {
      if (STRUCTURAL_ERROR_TYPES.contains(error.at("/metadata/errorType").stringValue())) {
        expected.add(
            ModelProblem.unpositioned(
                error.get("msg").stringValue(),
                error.at("/metadata/errorType").stringValue(),
                error.at("/metadata/symbol").stringValue()));
      }
    }

    if (expected.isEmpty()) {
      assertThat(ModelJson.parse(json)).isNotNull();
    } else {
      assertThat(problems(json)).isEqualTo(expected);
    }
  }

  // ---- helpers

  private static String model(String typeDefinitions) {
    return "{\"schema_version\": \"1.1\", \"type_definitions\": [" + typeDefinitions + "]}";
  }

  private static String condition(String key, String parameters, String name) {
    return "{\"schema_version\": \"1.1\", \"conditions\": {\""
        + key
        + "\": {\"name\": \""
        + name
        + "\", \"expression\": \"true\", \"parameters\": "
        + parameters
        + "}}}";
  }

  private static List<ModelProblem> problems(String text) {
    InvalidModelException e =
        catchThrowableOfType(InvalidModelException.class, () -> ModelJson.parse(text));
    assertThat(e).as("InvalidModelException for %s", text).isNotNull();
    return e.problems();
  }

  private static List<String> messages(String text) {
    return problems(text).stream().map(ModelProblem::message).toList();
  }

  private static ModelProblem single(String text) {
    List<ModelProblem> problems = problems(text);
    assertThat(problems).hasSize(1);
    return problems.get(0);
  }

  /** Paths (property names and indexes) of every value below the root. */
  private static List<List<Object>> paths(JsonNode node, List<Object> prefix) {
    List<List<Object>> paths = new ArrayList<>();
    if (node.isObject()) {
      for (String name : node.propertyNames()) {
        List<Object> path = append(prefix, name);
        paths.add(path);
        paths.addAll(paths(node.get(name), path));
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        List<Object> path = append(prefix, i);
        paths.add(path);
        paths.addAll(paths(node.get(i), path));
      }
    }
    return paths;
  }

  private static List<Object> append(List<Object> prefix, Object step) {
    List<Object> path = new ArrayList<>(prefix);
    path.add(step);
    return path;
  }

  private static JsonNode replaced(JsonNode original, List<Object> path, JsonNode replacement) {
    JsonNode copy = original.deepCopy();
    JsonNode parent = copy;
    for (Object step : path.subList(0, path.size() - 1)) {
      parent = step instanceof String name ? parent.get(name) : parent.get((Integer) step);
    }
    Object last = path.get(path.size() - 1);
    if (last instanceof String name) {
      ((ObjectNode) parent).set(name, replacement);
    } else {
      ((ArrayNode) parent).set((Integer) last, replacement);
    }
    return copy;
  }
}
