package dev.tandem.core.internal.http;

import dev.tandem.core.client.Consistency;
import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.engine.ListObjectsRequest;
import dev.tandem.core.engine.ListUsersRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Bodies of Check, ListObjects and ListUsers, in both directions. */
public final class QueryJson {

  /** What every query body carries besides the question. */
  public record Options(@Nullable String modelId, Consistency consistency) {}

  /** A parsed query body. */
  public record Query<T>(T request, Options options) {}

  private QueryJson() {}

  public static ObjectNode writeCheck(CheckRequest request, Options options) {
    ObjectNode body = Json.object();
    ObjectNode key = body.putObject("tuple_key");
    key.put("user", request.user());
    key.put("relation", request.relation());
    key.put("object", request.object());
    writeExtras(body, request.contextualTuples(), request.context(), options, true);
    return body;
  }

  public static Query<CheckRequest> readCheck(JsonNode body) {
    JsonNode key = Json.requiredObject(body, "tuple_key");
    return new Query<>(
        new CheckRequest(
            Json.requiredString(key, "object"),
            Json.requiredString(key, "relation"),
            Json.requiredString(key, "user"),
            TupleJson.readKeys(body, "contextual_tuples"),
            Json.toMap(Json.optional(body, "context"), "context")),
        options(body));
  }

  public static ObjectNode writeCheckResponse(boolean allowed) {
    ObjectNode body = Json.object();
    body.put("allowed", allowed);
    body.put("resolution", "");
    return body;
  }

  /** The {@code allowed} field, which must be a JSON boolean. */
  public static boolean readCheckResponse(JsonNode body) {
    return Json.requiredBoolean(body, "allowed");
  }

  public static ObjectNode writeListObjects(ListObjectsRequest request, Options options) {
    ObjectNode body = Json.object();
    body.put("type", request.type());
    body.put("relation", request.relation());
    body.put("user", request.user());
    writeExtras(body, request.contextualTuples(), request.context(), options, true);
    return body;
  }

  public static Query<ListObjectsRequest> readListObjects(JsonNode body) {
    return new Query<>(
        new ListObjectsRequest(
            Json.requiredString(body, "type"),
            Json.requiredString(body, "relation"),
            Json.requiredString(body, "user"),
            TupleJson.readKeys(body, "contextual_tuples"),
            Json.toMap(Json.optional(body, "context"), "context")),
        options(body));
  }

  public static ObjectNode writeListObjectsResponse(Set<String> objects) {
    ObjectNode body = Json.object();
    ArrayNode array = body.putArray("objects");
    objects.forEach(array::add);
    return body;
  }

  public static Set<String> readListObjectsResponse(JsonNode body) {
    Set<String> objects = new LinkedHashSet<>();
    for (JsonNode object : Json.optionalArray(body, "objects")) {
      if (!object.isString()) {
        throw new MalformedJsonException("'objects' must hold strings");
      }
      objects.add(object.asString());
    }
    if (Json.optional(body, "objects") == null) {
      throw new MalformedJsonException("'objects' is missing");
    }
    return objects;
  }

  public static ObjectNode writeListUsers(ListUsersRequest request, Options options) {
    ObjectNode body = Json.object();
    String object = request.object();
    int colon = object.indexOf(':');
    ObjectNode target = body.putObject("object");
    target.put("type", colon < 0 ? object : object.substring(0, colon));
    target.put("id", colon < 0 ? "" : object.substring(colon + 1));
    body.put("relation", request.relation());
    ArrayNode filters = body.putArray("user_filters");
    for (String filter : request.userFilters()) {
      ObjectNode f = filters.addObject();
      int hash = filter.indexOf('#');
      f.put("type", hash < 0 ? filter : filter.substring(0, hash));
      if (hash >= 0) {
        f.put("relation", filter.substring(hash + 1));
      }
    }
    writeExtras(body, request.contextualTuples(), request.context(), options, false);
    return body;
  }

  public static Query<ListUsersRequest> readListUsers(JsonNode body) {
    JsonNode object = Json.requiredObject(body, "object");
    List<String> filters = new ArrayList<>();
    for (JsonNode f : Json.optionalArray(body, "user_filters")) {
      String relation = Json.optionalString(f, "relation");
      String type = Json.requiredString(f, "type");
      filters.add(relation == null || relation.isEmpty() ? type : type + "#" + relation);
    }
    return new Query<>(
        new ListUsersRequest(
            Json.requiredString(object, "type") + ":" + Json.requiredString(object, "id"),
            Json.requiredString(body, "relation"),
            filters,
            TupleJson.readAll(Json.optionalArray(body, "contextual_tuples")),
            Json.toMap(Json.optional(body, "context"), "context")),
        options(body));
  }

  public static ObjectNode writeListUsersResponse(Set<String> users) {
    ObjectNode body = Json.object();
    ArrayNode array = body.putArray("users");
    for (String user : users) {
      array.add(TupleJson.writeUser(user));
    }
    return body;
  }

  public static Set<String> readListUsersResponse(JsonNode body) {
    if (Json.optional(body, "users") == null) {
      throw new MalformedJsonException("'users' is missing");
    }
    Set<String> users = new LinkedHashSet<>();
    for (JsonNode user : Json.optionalArray(body, "users")) {
      users.add(TupleJson.readUser(user));
    }
    return users;
  }

  static void writeExtras(
      ObjectNode body,
      List<dev.tandem.core.tuple.TupleKey> contextualTuples,
      java.util.Map<String, Object> context,
      Options options,
      boolean wrappedTuples) {
    if (!contextualTuples.isEmpty()) {
      body.set(
          "contextual_tuples",
          wrappedTuples
              ? TupleJson.writeKeys(contextualTuples)
              : TupleJson.writeAll(contextualTuples));
    }
    if (!context.isEmpty()) {
      body.set("context", Json.fromMap(context));
    }
    writeOptions(body, options);
  }

  static void writeOptions(ObjectNode body, Options options) {
    if (options.modelId() != null) {
      body.put("authorization_model_id", options.modelId());
    }
    if (options.consistency() != Consistency.UNSPECIFIED) {
      body.put("consistency", options.consistency().name());
    }
  }

  static Options options(JsonNode body) {
    String consistency = Json.optionalString(body, "consistency");
    Consistency value;
    try {
      value = consistency == null ? Consistency.UNSPECIFIED : Consistency.valueOf(consistency);
    } catch (IllegalArgumentException e) {
      throw new MalformedJsonException("'consistency' " + consistency + " is not valid");
    }
    String modelId = Json.optionalString(body, "authorization_model_id");
    return new Options(modelId == null || modelId.isEmpty() ? null : modelId, value);
  }
}
