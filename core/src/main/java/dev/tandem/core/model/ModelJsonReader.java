package dev.tandem.core.model;

import dev.tandem.core.model.ConditionParameterType.TypeName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the OpenFGA JSON model form into an {@link AuthorizationModel}, collecting every structural
 * problem before failing.
 *
 * <p>Keys are accepted in the API's spelling and in the other protobuf spelling ({@code
 * schema_version} or {@code schemaVersion}, {@code computedUserset} or {@code computed_userset}). A
 * JSON {@code null} counts as an absent key, and unknown keys (module and source information of
 * modular models, for instance) are ignored, as protobuf's JSON reader does. Only structure is
 * checked here; whether the model makes sense (types exist, schema version is supported) is the
 * validator's business.
 */
final class ModelJsonReader {

  private final JsonFields json = new JsonFields();
  private final RewriteJsonReader rewrites = new RewriteJsonReader(json);

  private ModelJsonReader() {}

  static AuthorizationModel read(JsonNode root) {
    ModelJsonReader reader = new ModelJsonReader();
    AuthorizationModel model = reader.model(root);
    if (!reader.json.problems().isEmpty()) {
      throw new InvalidModelException(reader.json.problems());
    }
    return model;
  }

  private AuthorizationModel model(JsonNode root) {
    if (!root.isObject()) {
      json.problem("the model must be a JSON object, got " + JsonFields.describe(root), "");
      return new AuthorizationModel("", "", Map.of(), Map.of());
    }
    String id = json.string(root, "id", "the model");
    String schemaVersion = json.string(root, "schema_version", "the model");
    if (schemaVersion == null && JsonFields.field(root, "schema_version") == null) {
      json.add(ModelProblem.unpositioned("schema version required", "schema-version-required", ""));
    }
    Map<String, TypeDefinition> types = new LinkedHashMap<>();
    JsonNode typeDefinitions = json.array(root, "type_definitions", "the model");
    if (typeDefinitions != null) {
      int index = 0;
      for (JsonNode typeDefinition : typeDefinitions) {
        TypeDefinition type = type(typeDefinition, index++);
        if (type == null) {
          continue;
        }
        if (types.putIfAbsent(type.name(), type) != null) {
          json.add(
              ModelProblem.unpositioned(
                  "the type `" + type.name() + "` is a duplicate.",
                  "duplicated-error",
                  type.name()));
        }
      }
    }
    Map<String, ConditionDefinition> conditions = new LinkedHashMap<>();
    JsonNode conditionsNode = json.object(root, "conditions", "the model");
    if (conditionsNode != null) {
      for (Map.Entry<String, JsonNode> entry : conditionsNode.properties()) {
        ConditionDefinition condition = condition(entry.getKey(), entry.getValue());
        if (condition != null) {
          conditions.put(entry.getKey(), condition);
        }
      }
    }
    return new AuthorizationModel(
        id == null ? "" : id, schemaVersion == null ? "" : schemaVersion, types, conditions);
  }

  private @Nullable TypeDefinition type(JsonNode node, int index) {
    String where = "type definition #" + index;
    if (!node.isObject()) {
      json.problem(where + " must be an object, got " + JsonFields.describe(node), "");
      return null;
    }
    String name = json.string(node, "type", where);
    if (name == null || name.isEmpty()) {
      if (name != null || JsonFields.field(node, "type") == null) {
        json.problem(where + " has no type name", "");
      }
      return null;
    }
    where = "type '" + name + "'";
    Map<String, List<RelationReference>> restrictions = restrictions(node, name, where);
    Map<String, RelationDefinition> relations = new LinkedHashMap<>();
    JsonNode relationsNode = json.object(node, "relations", where);
    if (relationsNode != null) {
      for (Map.Entry<String, JsonNode> entry : relationsNode.properties()) {
        String relation = entry.getKey();
        Rewrite rewrite =
            rewrites.rewrite(entry.getValue(), "relation '" + relation + "' of " + where, relation);
        if (rewrite != null) {
          List<RelationReference> types = restrictions.getOrDefault(relation, List.of());
          relations.put(relation, new RelationDefinition(relation, rewrite, types));
        }
      }
    }
    return new TypeDefinition(name, relations);
  }

  /** The {@code directly_related_user_types} of each relation in a type's metadata. */
  private Map<String, List<RelationReference>> restrictions(
      JsonNode type, String typeName, String where) {
    Map<String, List<RelationReference>> result = new LinkedHashMap<>();
    JsonNode metadata = json.object(type, "metadata", where);
    JsonNode relations =
        metadata == null ? null : json.object(metadata, "relations", "the metadata of " + where);
    if (relations == null) {
      return result;
    }
    for (Map.Entry<String, JsonNode> entry : relations.properties()) {
      String relationWhere =
          "metadata of relation '" + entry.getKey() + "' of type '" + typeName + "'";
      JsonNode relationMetadata = entry.getValue();
      if (relationMetadata.isNull()) {
        continue;
      }
      if (!relationMetadata.isObject()) {
        json.problem(
            relationWhere + " must be an object, got " + JsonFields.describe(relationMetadata),
            entry.getKey());
        continue;
      }
      JsonNode references =
          json.array(relationMetadata, "directly_related_user_types", relationWhere);
      List<RelationReference> types = new ArrayList<>();
      if (references != null) {
        for (JsonNode reference : references) {
          RelationReference parsed = reference(reference, relationWhere);
          if (parsed != null) {
            types.add(parsed);
          }
        }
      }
      result.put(entry.getKey(), types);
    }
    return result;
  }

  private @Nullable RelationReference reference(JsonNode node, String where) {
    if (!node.isObject()) {
      json.problem(
          "a directly related user type in "
              + where
              + " must be an object, got "
              + JsonFields.describe(node),
          "");
      return null;
    }
    String type = json.string(node, "type", where);
    String relation = JsonFields.emptyToNull(json.string(node, "relation", where));
    String condition = JsonFields.emptyToNull(json.string(node, "condition", where));
    JsonNode wildcard = json.object(node, "wildcard", where);
    if (type == null || type.isEmpty()) {
      if (type != null || JsonFields.field(node, "type") == null) {
        json.problem("a directly related user type in " + where + " has no type", "");
      }
      return null;
    }
    if (wildcard != null && relation != null) {
      json.problem(
          "directly related user type '"
              + type
              + "' in "
              + where
              + " is both a wildcard and a userset (relation '"
              + relation
              + "')",
          type);
      return null;
    }
    return new RelationReference(type, relation, wildcard != null, condition);
  }

  private @Nullable ConditionDefinition condition(String key, JsonNode node) {
    String where = "condition '" + key + "'";
    if (!node.isObject()) {
      json.problem(where + " must be an object, got " + JsonFields.describe(node), key);
      return null;
    }
    String name = json.string(node, "name", where);
    if (name != null && !name.equals(key)) {
      json.add(
          ModelProblem.unpositioned(
              "condition key is `" + key + "` but nested name property is " + name,
              "different-nested-condition-name",
              name));
      return null;
    }
    String expression = json.string(node, "expression", where);
    if (expression == null) {
      if (JsonFields.field(node, "expression") == null) {
        json.problem(where + " has no expression", key);
      }
      return null;
    }
    Map<String, ConditionParameterType> parameters = new LinkedHashMap<>();
    JsonNode parametersNode = json.object(node, "parameters", where);
    boolean complete = true;
    if (parametersNode != null) {
      for (Map.Entry<String, JsonNode> entry : parametersNode.properties()) {
        ConditionParameterType type =
            parameterType(entry.getValue(), "parameter '" + entry.getKey() + "' of " + where);
        if (type == null) {
          complete = false;
        } else {
          parameters.put(entry.getKey(), type);
        }
      }
    }
    return complete ? new ConditionDefinition(key, expression, parameters) : null;
  }

  private @Nullable ConditionParameterType parameterType(JsonNode node, String where) {
    if (!node.isObject()) {
      json.problem(where + " must be an object, got " + JsonFields.describe(node), "");
      return null;
    }
    String typeName = json.string(node, "type_name", where);
    if (typeName == null) {
      if (JsonFields.field(node, "type_name") == null) {
        json.problem(where + " has no type_name", "");
      }
      return null;
    }
    TypeName parsed = typeName(typeName);
    if (parsed == null) {
      json.problem(where + " has unknown type_name '" + typeName + "'", typeName);
      return null;
    }
    List<ConditionParameterType> generics = new ArrayList<>();
    JsonNode genericTypes = json.array(node, "generic_types", where);
    if (genericTypes != null) {
      for (JsonNode generic : genericTypes) {
        ConditionParameterType type = parameterType(generic, "a generic type of " + where);
        if (type == null) {
          return null;
        }
        generics.add(type);
      }
    }
    boolean container = parsed == TypeName.LIST || parsed == TypeName.MAP;
    if (container != (generics.size() == 1) || generics.size() > 1) {
      json.problem(
          where
              + " of type "
              + typeName
              + " has "
              + generics.size()
              + " generic types; "
              + (container ? "list and map take exactly one" : "only list and map take one"),
          typeName);
      return null;
    }
    return new ConditionParameterType(parsed, generics);
  }

  private static @Nullable TypeName typeName(String jsonName) {
    for (TypeName candidate : TypeName.values()) {
      if (candidate.jsonName().equals(jsonName)) {
        return candidate;
      }
    }
    return null;
  }
}
