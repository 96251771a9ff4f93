package dev.tandem.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.tandem.core.testing.ConformanceData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OpenFGA's JSON model validation cases ({@code json-validation-cases.yaml}): {@link
 * ModelValidator} without DSL source must report upstream's errors in order, unpositioned, with the
 * same message, error type and symbol.
 *
 * <p>The JSON is read by {@link #model(JsonNode)}, a minimal reader kept here until {@code
 * ModelJson} is on main.
 */
class JsonValidationConformanceTest {

  private static final String CASES = "language/tests/data/json-validation-cases.yaml";
  private static final JsonMapper JSON = JsonMapper.builder().build();

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
      JsonNode json = JSON.readTree(c.get("json").asString());
      JsonNode expected = c.get("expected_errors");
      tests.add(
          DynamicTest.dynamicTest(
              name,
              () -> {
                assumeFalse(UNSUPPORTED.containsKey(name), () -> UNSUPPORTED.get(name));
                List<ModelProblem> actual = ModelValidator.validate(model(json), null);
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

  static AuthorizationModel model(JsonNode json) {
    Map<String, TypeDefinition> types = new LinkedHashMap<>();
    for (JsonNode type : json.path("type_definitions")) {
      String typeName = type.get("type").asString();
      JsonNode metadata = type.path("metadata").path("relations");
      Map<String, RelationDefinition> relations = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> relation : type.path("relations").properties()) {
        List<RelationReference> restrictions = new ArrayList<>();
        for (JsonNode r : metadata.path(relation.getKey()).path("directly_related_user_types")) {
          RelationReference reference =
              new RelationReference(
                  r.get("type").asString(),
                  r.has("relation") ? r.get("relation").asString() : null,
                  r.has("wildcard"),
                  null);
          restrictions.add(
              r.has("condition")
                  ? reference.withCondition(r.get("condition").asString())
                  : reference);
        }
        relations.put(
            relation.getKey(),
            new RelationDefinition(relation.getKey(), rewrite(relation.getValue()), restrictions));
      }
      types.put(typeName, new TypeDefinition(typeName, relations));
    }
    Map<String, ConditionDefinition> conditions = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> condition : json.path("conditions").properties()) {
      JsonNode c = condition.getValue();
      Map<String, ConditionParameterType> parameters = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> p : c.path("parameters").properties()) {
        String typeName = p.getValue().get("type_name").asString().substring("TYPE_NAME_".length());
        parameters.put(
            p.getKey(),
            ConditionParameterType.of(ConditionParameterType.TypeName.valueOf(typeName)));
      }
      conditions.put(
          condition.getKey(),
          new ConditionDefinition(
              c.get("name").asString(), c.get("expression").asString(), parameters));
    }
    String schema = json.has("schema_version") ? json.get("schema_version").asString() : "";
    return new AuthorizationModel("", schema, types, conditions);
  }

  private static Rewrite rewrite(JsonNode userset) {
    if (userset.has("this")) {
      return new Rewrite.This();
    }
    if (userset.has("computedUserset")) {
      return new Rewrite.ComputedUserset(userset.get("computedUserset").get("relation").asString());
    }
    if (userset.has("tupleToUserset")) {
      JsonNode ttu = userset.get("tupleToUserset");
      return new Rewrite.TupleToUserset(
          ttu.get("tupleset").get("relation").asString(),
          ttu.get("computedUserset").get("relation").asString());
    }
    if (userset.has("union")) {
      return new Rewrite.Union(children(userset.get("union")));
    }
    if (userset.has("intersection")) {
      return new Rewrite.Intersection(children(userset.get("intersection")));
    }
    JsonNode difference = userset.get("difference");
    return new Rewrite.Difference(
        rewrite(difference.get("base")), rewrite(difference.get("subtract")));
  }

  private static List<Rewrite> children(JsonNode operator) {
    List<Rewrite> children = new ArrayList<>();
    operator.get("child").forEach(child -> children.add(rewrite(child)));
    return children;
  }
}
