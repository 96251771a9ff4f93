package dev.tandem.core.internal.http;

import dev.tandem.core.tuple.TupleCondition;
import dev.tandem.core.tuple.TupleKey;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Tuple keys, conditions and list-users {@code User} objects in the OpenFGA API's JSON. */
public final class TupleJson {

  private TupleJson() {}

  /** {@code {"object", "relation", "user", "condition"?: {"name", "context"?}}}. */
  public static ObjectNode write(TupleKey tuple) {
    ObjectNode node = Json.object();
    node.put("object", tuple.object());
    node.put("relation", tuple.relation());
    node.put("user", tuple.user());
    TupleCondition condition = tuple.condition();
    if (condition != null) {
      ObjectNode c = node.putObject("condition");
      c.put("name", condition.name());
      if (!condition.context().isEmpty()) {
        c.set("context", Json.fromMap(condition.context()));
      }
    }
    return node;
  }

  public static TupleKey read(JsonNode node) {
    if (!node.isObject()) {
      throw new MalformedJsonException("a tuple key must be an object");
    }
    TupleCondition condition = null;
    JsonNode c = Json.optional(node, "condition");
    if (c != null) {
      if (!c.isObject()) {
        throw new MalformedJsonException("'condition' must be an object");
      }
      condition =
          new TupleCondition(
              Json.requiredString(c, "name"), Json.toMap(Json.optional(c, "context"), "context"));
    }
    return new TupleKey(
        Json.requiredString(node, "object"),
        Json.requiredString(node, "relation"),
        Json.requiredString(node, "user"),
        condition);
  }

  public static ArrayNode writeAll(List<TupleKey> tuples) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    for (TupleKey tuple : tuples) {
      array.add(write(tuple));
    }
    return array;
  }

  public static List<TupleKey> readAll(List<JsonNode> nodes) {
    List<TupleKey> tuples = new ArrayList<>(nodes.size());
    for (JsonNode node : nodes) {
      tuples.add(read(node));
    }
    return tuples;
  }

  /** {@code {"tuple_keys": [...]}}, the API's {@code ContextualTupleKeys} and write sections. */
  public static ObjectNode writeKeys(List<TupleKey> tuples) {
    ObjectNode node = Json.object();
    node.set("tuple_keys", writeAll(tuples));
    return node;
  }

  public static List<TupleKey> readKeys(JsonNode parent, String field) {
    JsonNode node = Json.optional(parent, field);
    if (node == null) {
      return List.of();
    }
    if (!node.isObject()) {
      throw new MalformedJsonException("'" + field + "' must be an object");
    }
    return readAll(Json.optionalArray(node, "tuple_keys"));
  }

  /**
   * A list-users {@code User}: {@code {"object": {"type","id"}}}, {@code {"userset":
   * {"type","id","relation"}}} or {@code {"wildcard": {"type"}}}, for a user string.
   */
  public static ObjectNode writeUser(String user) {
    ObjectNode node = Json.object();
    int colon = user.indexOf(':');
    String type = user.substring(0, colon);
    String rest = user.substring(colon + 1);
    int hash = rest.indexOf('#');
    if (hash >= 0) {
      ObjectNode userset = node.putObject("userset");
      userset.put("type", type);
      userset.put("id", rest.substring(0, hash));
      userset.put("relation", rest.substring(hash + 1));
    } else if (rest.equals("*")) {
      node.putObject("wildcard").put("type", type);
    } else {
      ObjectNode object = node.putObject("object");
      object.put("type", type);
      object.put("id", rest);
    }
    return node;
  }

  /** The user string of a list-users {@code User}. */
  public static String readUser(JsonNode node) {
    if (!node.isObject()) {
      throw new MalformedJsonException("a user must be an object");
    }
    JsonNode object = Json.optional(node, "object");
    JsonNode userset = Json.optional(node, "userset");
    JsonNode wildcard = Json.optional(node, "wildcard");
    int kinds = (object == null ? 0 : 1) + (userset == null ? 0 : 1) + (wildcard == null ? 0 : 1);
    if (kinds != 1) {
      throw new MalformedJsonException("a user must have exactly one of object, userset, wildcard");
    }
    if (object != null) {
      return Json.requiredString(object, "type") + ":" + Json.requiredString(object, "id");
    }
    if (userset != null) {
      return Json.requiredString(userset, "type")
          + ":"
          + Json.requiredString(userset, "id")
          + "#"
          + Json.requiredString(userset, "relation");
    }
    return Json.requiredString(wildcard, "type") + ":*";
  }
}
