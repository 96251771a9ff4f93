package dev.tandem.core.internal.http;

import dev.tandem.core.client.Consistency;
import dev.tandem.core.client.ReadPage;
import dev.tandem.core.client.ReadRequest;
import dev.tandem.core.client.WriteRequest;
import dev.tandem.core.store.StoreInfo;
import dev.tandem.core.tuple.TupleKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Bodies of Read, Write and the store endpoints, in both directions. */
public final class DataJson {

  /** A parsed Write body. */
  public record Write(List<TupleKey> writes, List<TupleKey> deletes, @Nullable String modelId) {}

  /** A page of stores. */
  public record StorePage(List<StoreInfo> stores, @Nullable String continuationToken) {}

  private DataJson() {}

  public static ObjectNode writeRead(ReadRequest request, Consistency consistency) {
    ObjectNode body = Json.object();
    if (request.object() != null || request.relation() != null || request.user() != null) {
      ObjectNode key = body.putObject("tuple_key");
      putIfPresent(key, "object", request.object());
      putIfPresent(key, "relation", request.relation());
      putIfPresent(key, "user", request.user());
    }
    body.put("page_size", request.pageSize());
    putIfPresent(body, "continuation_token", request.continuationToken());
    QueryJson.writeOptions(body, new QueryJson.Options(null, consistency));
    return body;
  }

  public static QueryJson.Query<ReadRequest> readRead(JsonNode body) {
    JsonNode key = Json.optional(body, "tuple_key");
    JsonNode size = Json.optional(body, "page_size");
    if (size != null && !size.isIntegralNumber()) {
      throw new MalformedJsonException("'page_size' must be an integer");
    }
    int pageSize = size == null ? ReadRequest.MAX_PAGE_SIZE : size.asInt();
    String token = Json.optionalString(body, "continuation_token");
    ReadRequest request =
        new ReadRequest(
            key == null ? null : emptyToNull(Json.optionalString(key, "object")),
            key == null ? null : emptyToNull(Json.optionalString(key, "relation")),
            key == null ? null : emptyToNull(Json.optionalString(key, "user")),
            pageSize,
            emptyToNull(token));
    return new QueryJson.Query<>(request, QueryJson.options(body));
  }

  public static ObjectNode writeReadResponse(ReadPage page, Instant timestamp) {
    ObjectNode body = Json.object();
    ArrayNode tuples = body.putArray("tuples");
    for (TupleKey tuple : page.tuples()) {
      ObjectNode item = tuples.addObject();
      item.set("key", TupleJson.write(tuple));
      item.put("timestamp", timestamp.toString());
    }
    body.put(
        "continuation_token", page.continuationToken() == null ? "" : page.continuationToken());
    return body;
  }

  public static ReadPage readReadResponse(JsonNode body) {
    List<TupleKey> tuples = new ArrayList<>();
    for (JsonNode item : Json.optionalArray(body, "tuples")) {
      tuples.add(TupleJson.read(Json.requiredObject(item, "key")));
    }
    return new ReadPage(tuples, emptyToNull(Json.optionalString(body, "continuation_token")));
  }

  public static ObjectNode writeWrite(WriteRequest request, @Nullable String modelId) {
    ObjectNode body = Json.object();
    if (!request.writes().isEmpty()) {
      body.set("writes", TupleJson.writeKeys(request.writes()));
    }
    if (!request.deletes().isEmpty()) {
      List<TupleKey> keys = new ArrayList<>();
      for (TupleKey tuple : request.deletes()) {
        keys.add(tuple.withoutCondition());
      }
      body.set("deletes", TupleJson.writeKeys(keys));
    }
    putIfPresent(body, "authorization_model_id", modelId);
    return body;
  }

  public static Write readWrite(JsonNode body) {
    return new Write(
        TupleJson.readKeys(body, "writes"),
        TupleJson.readKeys(body, "deletes"),
        emptyToNull(Json.optionalString(body, "authorization_model_id")));
  }

  public static ObjectNode writeStore(StoreInfo store) {
    ObjectNode body = Json.object();
    body.put("id", store.id());
    body.put("name", store.name());
    body.put("created_at", store.createdAt().toString());
    body.put("updated_at", store.createdAt().toString());
    return body;
  }

  public static StoreInfo readStore(JsonNode body) {
    String created = Json.requiredString(body, "created_at");
    try {
      return new StoreInfo(
          Json.requiredString(body, "id"),
          Json.requiredString(body, "name"),
          Instant.parse(created));
    } catch (DateTimeParseException e) {
      throw new MalformedJsonException("'created_at' is not a timestamp", e);
    }
  }

  public static ObjectNode writeStores(List<StoreInfo> stores, @Nullable String continuationToken) {
    ObjectNode body = Json.object();
    ArrayNode array = body.putArray("stores");
    for (StoreInfo store : stores) {
      array.add(writeStore(store));
    }
    body.put("continuation_token", continuationToken == null ? "" : continuationToken);
    return body;
  }

  public static StorePage readStores(JsonNode body) {
    List<StoreInfo> stores = new ArrayList<>();
    for (JsonNode store : Json.optionalArray(body, "stores")) {
      stores.add(readStore(store));
    }
    return new StorePage(stores, emptyToNull(Json.optionalString(body, "continuation_token")));
  }

  private static void putIfPresent(ObjectNode node, String field, @Nullable String value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  private static @Nullable String emptyToNull(@Nullable String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
