package dev.tandem.core.internal.http;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** OpenFGA's error body, {@code {"code": "validation_error", "message": "..."}}. */
public final class ErrorJson {

  /** A parsed error body; fields are empty when absent. */
  public record Error(String code, String message) {}

  private ErrorJson() {}

  public static ObjectNode write(String code, String message) {
    ObjectNode body = Json.object();
    body.put("code", code);
    body.put("message", message);
    return body;
  }

  /** Reads an error body leniently: any missing part is the empty string. */
  public static Error read(String body) {
    try {
      JsonNode node = Json.parseObject(body);
      return new Error(
          Json.optionalStringOrEmpty(node, "code"), Json.optionalStringOrEmpty(node, "message"));
    } catch (MalformedJsonException e) {
      return new Error("", "");
    }
  }
}
