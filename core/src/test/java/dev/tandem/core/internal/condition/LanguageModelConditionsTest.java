package dev.tandem.core.internal.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.core.model.ConditionDefinition;
import dev.tandem.core.model.ConditionParameterType;
import dev.tandem.core.model.InvalidModelException;
import dev.tandem.core.testing.ConformanceData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Conditions of the JSON models in OpenFGA's language test data. */
class LanguageModelConditionsTest {

  private static final String DATA_TYPES =
      "language/tests/data/transformer/102-conditions-data-types/authorization-model.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Map<String, ConditionDefinition> conditionsOf(String json) {
    Map<String, ConditionDefinition> conditions = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : JSON.readTree(json).path("conditions").properties()) {
      JsonNode condition = entry.getValue();
      Map<String, ConditionParameterType> parameters = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> parameter : condition.path("parameters").properties()) {
        parameters.put(parameter.getKey(), parameterType(parameter.getValue()));
      }
      conditions.put(
          entry.getKey(),
          new ConditionDefinition(
              condition.get("name").asString(),
              condition.get("expression").asString(),
              parameters));
    }
    return conditions;
  }

  private static ConditionParameterType parameterType(JsonNode node) {
    String jsonName = node.get("type_name").asString();
    ConditionParameterType.TypeName name =
        Stream.of(ConditionParameterType.TypeName.values())
            .filter(t -> t.jsonName().equals(jsonName))
            .findFirst()
            .orElseThrow();
    List<ConditionParameterType> generics = new ArrayList<>();
    for (JsonNode generic : node.path("generic_types")) {
      generics.add(parameterType(generic));
    }
    return new ConditionParameterType(name, generics);
  }

  @Test
  void compileWhenConditionsDataTypesModelThenAllNineCompile() {
    CompiledConditions conditions =
        CompiledConditions.compile(conditionsOf(ConformanceData.read(DATA_TYPES)));

    assertThat(conditions.names())
        .containsExactlyInAnyOrder(
            "is_valid_double",
            "is_valid_duration",
            "is_valid_int",
            "is_valid_ipaddress",
            "is_valid_list_string",
            "is_valid_map_string",
            "is_valid_string",
            "is_valid_timestamp",
            "is_valid_uint");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          is_valid_double      | _double     | 1.5                    | 0.0
          is_valid_duration    | _duration   | 1h30m                  | 0s
          is_valid_int         | _int        | 7                      | -7
          is_valid_ipaddress   | _ipaddress  | 10.0.0.1               | 192.0.0.1
          is_valid_string      | _string     | 1                      | 12
          is_valid_timestamp   | _timestamp  | 2024-02-29T12:00:00Z   | 2019-01-01T00:00:00Z
          is_valid_uint        | _uint       | 3                      | 0
          """)
  void evaluateWhenDataTypesConditionGetsValueThenDecides(
      String condition, String parameter, String valid, String invalid) {
    CompiledConditions conditions =
        CompiledConditions.compile(conditionsOf(ConformanceData.read(DATA_TYPES)));

    assertThat(conditions.evaluate(condition, Map.of(), Map.of(parameter, valid)))
        .isEqualTo(ConditionOutcome.MET);
    assertThat(conditions.evaluate(condition, Map.of(), Map.of(parameter, invalid)))
        .isEqualTo(ConditionOutcome.NOT_MET);
  }

  @Test
  void evaluateWhenDataTypesCollectionConditionsGetValuesThenDecide() {
    CompiledConditions conditions =
        CompiledConditions.compile(conditionsOf(ConformanceData.read(DATA_TYPES)));

    assertThat(
            conditions.evaluate(
                "is_valid_list_string", Map.of(), Map.of("_liststring", List.of("1"))))
        .isEqualTo(ConditionOutcome.MET);
    assertThat(
            conditions.evaluate(
                "is_valid_list_string", Map.of(), Map.of("_liststring", List.of("1", "2"))))
        .isEqualTo(ConditionOutcome.NOT_MET);
    assertThat(
            conditions.evaluate(
                "is_valid_map_string", Map.of(), Map.of("_mapstring", Map.of("key", "v"))))
        .isEqualTo(ConditionOutcome.MET);
    assertThat(
            conditions.evaluate(
                "is_valid_map_string", Map.of(), Map.of("_mapstring", Map.of("other", "v"))))
        .isEqualTo(ConditionOutcome.NOT_MET);
  }

  /**
   * Every transformer model's conditions compile, except one whose expression names a parameter it
   * does not declare: the language tests only transform it, OpenFGA would refuse to write it.
   */
  @Test
  void compileWhenTransformerModelsThenOnlyUndeclaredReferenceIsRejected() throws IOException {
    List<String> compiled = new ArrayList<>();
    List<String> rejected = new ArrayList<>();
    for (String directory : List.of("transformer", "transformer-module")) {
      try (Stream<Path> models =
          Files.list(ConformanceData.path("language/tests/data/" + directory))) {
        for (Path model :
            models.sorted().map(d -> d.resolve("authorization-model.json")).toList()) {
          if (!Files.exists(model)) {
            continue;
          }
          for (Map.Entry<String, ConditionDefinition> condition :
              conditionsOf(Files.readString(model)).entrySet()) {
            String id = model.getParent().getFileName() + "/" + condition.getKey();
            try {
              CompiledConditions.compile(Map.of(condition.getKey(), condition.getValue()));
              compiled.add(id);
            } catch (InvalidModelException e) {
              assertThat(e).hasMessageContaining("undeclared reference to 'document_attributes'");
              rejected.add(id);
            }
          }
        }
      }
    }

    assertThat(rejected).containsExactly("11-multiple-conditions/doc_viewer_condition");
    assertThat(compiled).hasSizeGreaterThanOrEqualTo(25);
  }

  @Test
  void compileWhenModelHasInvalidConditionThenWholeModelRejected() {
    Map<String, ConditionDefinition> conditions = new LinkedHashMap<>();
    conditions.putAll(conditionsOf(ConformanceData.read(DATA_TYPES)));
    conditions.put(
        "bad",
        new ConditionDefinition(
            "bad",
            "x",
            Map.of("x", ConditionParameterType.of(ConditionParameterType.TypeName.INT))));

    assertThatThrownBy(() -> CompiledConditions.compile(conditions))
        .isInstanceOfSatisfying(
            InvalidModelException.class, e -> assertThat(e.problems()).hasSize(1));
  }
}
