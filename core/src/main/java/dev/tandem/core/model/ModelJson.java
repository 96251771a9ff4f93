package dev.tandem.core.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes authorization models in the JSON form of the OpenFGA API ({@code
 * {"schema_version": "1.1", "type_definitions": [...], "conditions": {...}}}).
 *
 * <p>Reading accepts what OpenFGA's own tooling accepts: the API's key spellings and their protobuf
 * alternatives ({@code computedUserset} or {@code computed_userset}, {@code schema_version} or
 * {@code schemaVersion}), {@code null} for absent values, and unknown keys (such as the module and
 * source information of modular models), which are ignored. Only structure is checked; whether the
 * model is semantically valid is decided elsewhere.
 *
 * <p>Writing produces the shape OpenFGA returns: snake_case keys except {@code computedUserset} and
 * {@code tupleToUserset}, {@code "this": {}}, {@code "metadata": null} for a type without
 * relations, {@code type_definitions} always present, {@code id} only when the model has one, and
 * {@code conditions} only when there are some. The output is compact JSON.
 */
public final class ModelJson {

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private ModelJson() {}

  /**
   * Parses a model from its JSON text.
   *
   * @param json the model, e.g. the body of a {@code WriteAuthorizationModel} request
   * @return the model; its id is the {@code id} key, or the empty string when there is none
   * @throws InvalidModelException when the text is not JSON or not shaped like a model; the
   *     problems name each offending value and are unpositioned
   */
  public static AuthorizationModel parse(String json) {
    Objects.requireNonNull(json, "json");
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new InvalidModelException(List.of(ModelProblem.unpositioned(notJson(e), null, "")));
    }
    if (tree == null || tree.isMissingNode()) {
      throw new InvalidModelException(
          List.of(ModelProblem.unpositioned("the model JSON is empty", null, "")));
    }
    return fromTree(tree);
  }

  /**
   * Reads a model from an already parsed JSON tree.
   *
   * @param tree the model object
   * @return the model
   * @throws InvalidModelException when the tree is not shaped like a model
   * @see #parse(String)
   */
  public static AuthorizationModel fromTree(JsonNode tree) {
    Objects.requireNonNull(tree, "tree");
    return ModelJsonReader.read(tree);
  }

  /**
   * Writes a model as compact JSON in the shape the OpenFGA API returns.
   *
   * @param model the model
   * @return the JSON text; {@link #parse(String)} reads it back to an equal model
   */
  public static String write(AuthorizationModel model) {
    return MAPPER.writeValueAsString(toTree(model));
  }

  /**
   * Writes a model as a JSON tree in the shape the OpenFGA API returns.
   *
   * @param model the model
   * @return a new, mutable object node
   * @see #write(AuthorizationModel)
   */
  public static ObjectNode toTree(AuthorizationModel model) {
    ObjectNode root = MAPPER.createObjectNode();
    if (!model.id().isEmpty()) {
      root.put("id", model.id());
    }
    root.put("schema_version", model.schemaVersion());
    ArrayNode types = root.putArray("type_definitions");
    for (TypeDefinition type : model.types().values()) {
      types.add(type(type));
    }
    if (!model.conditions().isEmpty()) {
      ObjectNode conditions = root.putObject("conditions");
      for (Map.Entry<String, ConditionDefinition> entry : model.conditions().entrySet()) {
        conditions.set(entry.getKey(), condition(entry.getValue()));
      }
    }
    return root;
  }

  private static ObjectNode type(TypeDefinition type) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("type", type.name());
    ObjectNode relations = node.putObject("relations");
    if (type.relations().isEmpty()) {
      node.putNull("metadata");
      return node;
    }
    ObjectNode metadata = node.putObject("metadata").putObject("relations");
    for (RelationDefinition relation : type.relations().values()) {
      relations.set(relation.name(), rewrite(relation.rewrite()));
      ArrayNode directTypes =
          metadata.putObject(relation.name()).putArray("directly_related_user_types");
      for (RelationReference reference : relation.directlyRelatedUserTypes()) {
        directTypes.add(reference(reference));
      }
    }
    return node;
  }

  private static ObjectNode reference(RelationReference reference) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("type", reference.type());
    if (reference.relation() != null) {
      node.put("relation", reference.relation());
    }
    if (reference.wildcard()) {
      node.putObject("wildcard");
    }
    if (reference.condition() != null) {
      node.put("condition", reference.condition());
    }
    return node;
  }

  private static ObjectNode rewrite(Rewrite rewrite) {
    ObjectNode node = MAPPER.createObjectNode();
    if (rewrite instanceof Rewrite.This) {
      node.putObject("this");
    } else if (rewrite instanceof Rewrite.ComputedUserset computed) {
      node.putObject("computedUserset").put("relation", computed.relation());
    } else if (rewrite instanceof Rewrite.TupleToUserset ttu) {
      ObjectNode value = node.putObject("tupleToUserset");
      value.putObject("tupleset").put("relation", ttu.tupleset());
      value.putObject("computedUserset").put("relation", ttu.computedRelation());
    } else if (rewrite instanceof Rewrite.Union union) {
      children(node.putObject("union"), union.children());
    } else if (rewrite instanceof Rewrite.Intersection intersection) {
      children(node.putObject("intersection"), intersection.children());
    } else if (rewrite instanceof Rewrite.Difference difference) {
      ObjectNode value = node.putObject("difference");
      value.set("base", rewrite(difference.base()));
      value.set("subtract", rewrite(difference.subtract()));
    } else {
      throw new IllegalStateException("unknown rewrite " + rewrite);
    }
    return node;
  }

  private static void children(ObjectNode operator, List<Rewrite> children) {
    ArrayNode child = operator.putArray("child");
    for (Rewrite rewrite : children) {
      child.add(rewrite(rewrite));
    }
  }

  private static ObjectNode condition(ConditionDefinition condition) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("name", condition.name());
    node.put("expression", condition.expression());
    ObjectNode parameters = node.putObject("parameters");
    for (Map.Entry<String, ConditionParameterType> entry : condition.parameters().entrySet()) {
      parameters.set(entry.getKey(), parameterType(entry.getValue()));
    }
    return node;
  }

  private static ObjectNode parameterType(ConditionParameterType type) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("type_name", type.typeName().jsonName());
    if (!type.genericTypes().isEmpty()) {
      ArrayNode generics = node.putArray("generic_types");
      for (ConditionParameterType generic : type.genericTypes()) {
        generics.add(parameterType(generic));
      }
    }
    return node;
  }

  private static String notJson(JacksonException e) {
    String message = "the model is not valid JSON: " + e.getOriginalMessage();
    TokenStreamLocation location = e.getLocation();
    if (location != null && location.getLineNr() > 0) {
      message += " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
    return message;
  }
}
