package dev.tandem.core.internal.http;

import dev.tandem.core.ErrorCode;
import dev.tandem.core.FgaException;
import dev.tandem.core.FgaUnavailableException;
import dev.tandem.core.FgaValidationException;
import dev.tandem.core.engine.BatchCheckItem;
import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.engine.CheckResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Bodies of BatchCheck, in both directions. Items are matched by correlation id. */
public final class BatchJson {

  /** One check of a batch and its correlation id. */
  public record Item(String correlationId, CheckRequest request) {}

  private BatchJson() {}

  public static ObjectNode writeRequest(List<Item> items, QueryJson.Options options) {
    ObjectNode body = Json.object();
    ArrayNode checks = body.putArray("checks");
    for (Item item : items) {
      ObjectNode check =
          QueryJson.writeCheck(item.request(), new QueryJson.Options(null, options.consistency()));
      check.remove("consistency");
      check.put("correlation_id", item.correlationId());
      checks.add(check);
    }
    QueryJson.writeOptions(body, options);
    return body;
  }

  public static QueryJson.Query<List<Item>> readRequest(JsonNode body) {
    List<Item> items = new ArrayList<>();
    for (JsonNode check : Json.optionalArray(body, "checks")) {
      items.add(
          new Item(
              Json.requiredString(check, "correlation_id"), QueryJson.readCheck(check).request()));
    }
    return new QueryJson.Query<>(items, QueryJson.options(body));
  }

  public static ObjectNode writeResponse(Map<String, BatchCheckItem> results) {
    ObjectNode body = Json.object();
    ObjectNode result = body.putObject("result");
    for (Map.Entry<String, BatchCheckItem> entry : results.entrySet()) {
      ObjectNode item = result.putObject(entry.getKey());
      if (entry.getValue() instanceof BatchCheckItem.Failed failed) {
        item.put("allowed", false);
        ObjectNode error = item.putObject("error");
        if (failed.error() instanceof FgaValidationException invalid) {
          error.put("input_error", invalid.code().apiName());
        } else {
          error.put("internal_error", "internal_error");
        }
        error.put("message", failed.error().getMessage());
      } else {
        item.put("allowed", entry.getValue().allowed());
      }
    }
    return body;
  }

  /**
   * The items of a response by correlation id. An item with an error, or without a boolean {@code
   * allowed}, is {@link BatchCheckItem.Failed}: never an allow.
   */
  public static Map<String, BatchCheckItem> readResponse(JsonNode body) {
    ObjectNode result = Json.requiredObject(body, "result");
    Map<String, BatchCheckItem> items = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : result.properties()) {
      items.put(entry.getKey(), item(entry.getValue()));
    }
    return items;
  }

  private static BatchCheckItem item(JsonNode node) {
    if (!node.isObject()) {
      return failed(new FgaUnavailableException("a batch-check result is not an object"));
    }
    JsonNode error = Json.optional(node, "error");
    if (error != null) {
      return failed(error(error));
    }
    JsonNode allowed = Json.optional(node, "allowed");
    if (allowed == null || !allowed.isBoolean()) {
      return failed(new FgaUnavailableException("a batch-check result has no boolean 'allowed'"));
    }
    return new BatchCheckItem.Evaluated(new CheckResult(allowed.asBoolean(), false));
  }

  private static FgaException error(JsonNode error) {
    String message = error.isObject() ? Json.optionalStringOrEmpty(error, "message") : "";
    JsonNode input = error.isObject() ? Json.optional(error, "input_error") : null;
    if (input != null && input.isString()) {
      ErrorCode code = ErrorCode.fromApiName(input.asString()).orElse(ErrorCode.VALIDATION_ERROR);
      if (code != ErrorCode.NO_ERROR) {
        return new FgaValidationException(code, message);
      }
    }
    return new FgaUnavailableException("batch-check item failed on the server: " + message);
  }

  private static BatchCheckItem failed(FgaException e) {
    return new BatchCheckItem.Failed(e);
  }
}
