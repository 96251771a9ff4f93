package dev.tandem.core.internal.http;

import dev.tandem.core.engine.ExpandRequest;
import dev.tandem.core.engine.UsersetTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bodies of Expand, in both directions. A tree node is {@code {"name", <one of> "leaf", "union",
 * "intersection", "difference"}}; a leaf holds one of {@code "users": {"users": [...]}}, {@code
 * "computed": {"userset"}} or {@code "tupleToUserset": {"tupleset", "computed": [{"userset"}]}}
 * (camel case: the one field of OpenFGA's API without a snake-case JSON name).
 */
public final class ExpandJson {

  private static final List<String> NODE_KINDS =
      List.of("leaf", "union", "intersection", "difference");
  private static final List<String> LEAF_KINDS = List.of("users", "computed", "tupleToUserset");

  private ExpandJson() {}

  public static ObjectNode writeRequest(ExpandRequest request, QueryJson.Options options) {
    ObjectNode body = Json.object();
    ObjectNode key = body.putObject("tuple_key");
    key.put("object", request.object());
    key.put("relation", request.relation());
    QueryJson.writeExtras(body, request.contextualTuples(), Map.of(), options, true);
    return body;
  }

  public static QueryJson.Query<ExpandRequest> readRequest(JsonNode body) {
    JsonNode key = Json.requiredObject(body, "tuple_key");
    return new QueryJson.Query<>(
        new ExpandRequest(
            Json.requiredString(key, "object"),
            Json.requiredString(key, "relation"),
            TupleJson.readKeys(body, "contextual_tuples")),
        QueryJson.options(body));
  }

  /** {@code {"tree": {"root": <node>}}}. */
  public static ObjectNode writeResponse(UsersetTree root) {
    ObjectNode body = Json.object();
    body.putObject("tree").set("root", writeNode(root));
    return body;
  }

  /**
   * The root node of {@code {"tree": {"root": <node>}}}.
   *
   * @throws MalformedJsonException when any node lacks its name or has no kind or several kinds
   */
  public static UsersetTree readResponse(JsonNode body) {
    return readNode(Json.requiredObject(Json.requiredObject(body, "tree"), "root"));
  }

  private static ObjectNode writeNode(UsersetTree node) {
    ObjectNode json = Json.object();
    json.put("name", node.name());
    if (node instanceof UsersetTree.Users users) {
      ArrayNode array = json.putObject("leaf").putObject("users").putArray("users");
      users.users().forEach(array::add);
    } else if (node instanceof UsersetTree.Computed computed) {
      json.putObject("leaf").putObject("computed").put("userset", computed.userset());
    } else if (node instanceof UsersetTree.TupleToUserset ttu) {
      ObjectNode leaf = json.putObject("leaf").putObject("tupleToUserset");
      leaf.put("tupleset", ttu.tupleset());
      ArrayNode array = leaf.putArray("computed");
      ttu.computed().forEach(userset -> array.addObject().put("userset", userset));
    } else if (node instanceof UsersetTree.Union union) {
      json.set("union", writeNodes(union.nodes()));
    } else if (node instanceof UsersetTree.Intersection intersection) {
      json.set("intersection", writeNodes(intersection.nodes()));
    } else {
      UsersetTree.Difference difference = (UsersetTree.Difference) node;
      ObjectNode d = json.putObject("difference");
      d.set("base", writeNode(difference.base()));
      d.set("subtract", writeNode(difference.subtract()));
    }
    return json;
  }

  private static ObjectNode writeNodes(List<UsersetTree> nodes) {
    ObjectNode json = Json.object();
    ArrayNode array = json.putArray("nodes");
    nodes.forEach(n -> array.add(writeNode(n)));
    return json;
  }

  private static UsersetTree readNode(JsonNode json) {
    if (!json.isObject()) {
      throw new MalformedJsonException("a userset tree node must be an object");
    }
    String name = Json.requiredString(json, "name");
    String kind = onlyKind(json, NODE_KINDS, "node '" + name + "'");
    JsonNode value = Json.requiredObject(json, kind);
    switch (kind) {
      case "leaf":
        return readLeaf(name, value);
      case "union":
        return new UsersetTree.Union(name, readNodes(value));
      case "intersection":
        return new UsersetTree.Intersection(name, readNodes(value));
      default:
        return new UsersetTree.Difference(
            name,
            readNode(Json.requiredObject(value, "base")),
            readNode(Json.requiredObject(value, "subtract")));
    }
  }

  private static UsersetTree readLeaf(String name, JsonNode leaf) {
    String kind = onlyKind(leaf, LEAF_KINDS, "the leaf of node '" + name + "'");
    JsonNode value = Json.requiredObject(leaf, kind);
    switch (kind) {
      case "users":
        return new UsersetTree.Users(name, strings(Json.optionalArray(value, "users"), "users"));
      case "computed":
        return new UsersetTree.Computed(name, Json.requiredString(value, "userset"));
      default:
        List<String> computed = new ArrayList<>();
        for (JsonNode c : Json.optionalArray(value, "computed")) {
          if (!c.isObject()) {
            throw new MalformedJsonException("'computed' must hold objects");
          }
          computed.add(Json.requiredString(c, "userset"));
        }
        return new UsersetTree.TupleToUserset(
            name, Json.requiredString(value, "tupleset"), computed);
    }
  }

  private static List<UsersetTree> readNodes(JsonNode nodes) {
    List<UsersetTree> children = new ArrayList<>();
    for (JsonNode child : Json.optionalArray(nodes, "nodes")) {
      children.add(readNode(child));
    }
    if (children.isEmpty()) {
      throw new MalformedJsonException("'nodes' must hold at least one node");
    }
    return children;
  }

  /** The one field of {@code kinds} that {@code json} holds (OpenFGA's oneof). */
  private static String onlyKind(JsonNode json, List<String> kinds, String what) {
    @Nullable String found = null;
    for (String kind : kinds) {
      if (Json.optional(json, kind) != null) {
        if (found != null) {
          throw new MalformedJsonException(what + " has both '" + found + "' and '" + kind + "'");
        }
        found = kind;
      }
    }
    if (found == null) {
      throw new MalformedJsonException(what + " has none of " + kinds);
    }
    return found;
  }

  private static List<String> strings(List<JsonNode> values, String field) {
    List<String> strings = new ArrayList<>(values.size());
    for (JsonNode value : values) {
      if (!value.isString()) {
        throw new MalformedJsonException("'" + field + "' must hold strings");
      }
      strings.add(value.asString());
    }
    return strings;
  }
}
