package dev.tandem.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.model.ConditionParameterType.TypeName;
import dev.tandem.core.testing.ConformanceData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ModelJsonTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final String API_SPELLING =
      """
      {"schema_version": "1.1",
       "type_definitions": [
         {"type": "user", "relations": {}, "metadata": null},
         {"type": "folder",
          "relations": {
            "parent": {"this": {}},
            "viewer": {"union": {"child": [
              {"this": {}},
              {"computedUserset": {"object": "", "relation": "parent"}},
              {"tupleToUserset": {"tupleset": {"relation": "parent"},
                                  "computedUserset": {"relation": "viewer"}}}]}}},
          "metadata": {"relations": {
            "parent": {"directly_related_user_types": [{"type": "folder"}]},
            "viewer": {"directly_related_user_types": [
              {"type": "user", "condition": "c"}, {"type": "user", "wildcard": {}},
              {"type": "folder", "relation": "viewer"}]}}}}],
       "conditions": {"c": {"name": "c", "expression": "x in y",
         "parameters": {"x": {"type_name": "TYPE_NAME_STRING"},
                        "y": {"type_name": "TYPE_NAME_LIST",
                              "generic_types": [{"type_name": "TYPE_NAME_STRING"}]}}}}}
      """;

  @Test
  void parseWhenApiSpellingThenBuildsRecords() {
    AuthorizationModel model = ModelJson.parse(API_SPELLING);

    assertThat(model.id()).isEmpty();
    assertThat(model.schemaVersion()).isEqualTo("1.1");
    assertThat(model.types()).containsOnlyKeys("user", "folder");
    assertThat(model.relation("folder", "viewer"))
        .isEqualTo(
            new RelationDefinition(
                "viewer",
                new Rewrite.Union(
                    List.of(
                        new Rewrite.This(),
                        new Rewrite.ComputedUserset("parent"),
                        new Rewrite.TupleToUserset("parent", "viewer"))),
                List.of(
                    RelationReference.direct("user").withCondition("c"),
                    RelationReference.wildcard("user"),
                    RelationReference.userset("folder", "viewer"))));
    assertThat(model.condition("c"))
        .isEqualTo(
            new ConditionDefinition(
                "c",
                "x in y",
                Map.of(
                    "x",
                    ConditionParameterType.of(TypeName.STRING),
                    "y",
                    new ConditionParameterType(
                        TypeName.LIST, List.of(ConditionParameterType.of(TypeName.STRING))))));
  }

  @Test
  void parseWhenKeysUseTheOtherProtobufSpellingThenSameModel() {
    String otherSpelling =
        API_SPELLING
            .replace("\"schema_version\"", "\"schemaVersion\"")
            .replace("\"type_definitions\"", "\"typeDefinitions\"")
            .replace("\"computedUserset\"", "\"computed_userset\"")
            .replace("\"tupleToUserset\"", "\"tuple_to_userset\"")
            .replace("\"directly_related_user_types\"", "\"directlyRelatedUserTypes\"")
            .replace("\"type_name\"", "\"typeName\"")
            .replace("\"generic_types\"", "\"genericTypes\"");

    assertThat(ModelJson.parse(otherSpelling)).isEqualTo(ModelJson.parse(API_SPELLING));
  }

  @Test
  void parseWhenModularMetadataPresentThenIgnored() {
    AuthorizationModel model =
        ModelJson.parse(
            ConformanceData.read(
                "language/tests/data/transformer-module/00-simple-module/authorization-model.json"));

    assertThat(model.schemaVersion()).isEqualTo("1.2");
    assertThat(model.types()).isNotEmpty();
    assertThat(model.condition("a_check")).isNotNull();
  }

  @Test
  void parseWhenIdPresentThenModelKeepsItAndWriteEmitsIt() {
    AuthorizationModel model = ModelJson.parse("{\"id\": \"01HXYZ\", \"schema_version\": \"1.1\"}");

    assertThat(model.id()).isEqualTo("01HXYZ");
    assertThat(ModelJson.toTree(model).get("id").stringValue()).isEqualTo("01HXYZ");
  }

  @Test
  void writeWhenModelParsedThenApiShapeWithSnakeCaseKeysAndNullMetadataForEmptyTypes() {
    JsonNode written = JSON.readTree(ModelJson.write(ModelJson.parse(API_SPELLING)));

    JsonNode expected =
        JSON.readTree(
            API_SPELLING.replace(
                "{\"object\": \"\", \"relation\": \"parent\"}", "{\"relation\": \"parent\"}"));
    assertThat(written).isEqualTo(expected);
    assertThat(written.has("id")).isFalse();
  }

  @Test
  void writeWhenNoTypesOrConditionsThenEmptyTypeListAndNoConditions() {
    AuthorizationModel model = new AuthorizationModel("", "1.1", Map.of(), Map.of());

    assertThat(ModelJson.write(model))
        .isEqualTo("{\"schema_version\":\"1.1\",\"type_definitions\":[]}");
  }

  @Test
  void toTreeWhenWrittenThenFromTreeReadsEqualModel() {
    AuthorizationModel model = ModelJson.parse(API_SPELLING).withId("01HXYZ");

    assertThat(ModelJson.fromTree(ModelJson.toTree(model))).isEqualTo(model);
  }
}
