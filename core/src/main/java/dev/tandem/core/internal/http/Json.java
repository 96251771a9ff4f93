package dev.tandem.core.internal.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Strict accessors over Jackson trees: a field of the wrong JSON type is malformed, never coerced
 * ({@code "allowed": "true"} is not a boolean).
 */
public final class Json {

  /** The mapper for API bodies: duplicate keys and trailing content are errors. */
  public static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private Json() {}

  /** Parses a body that must be a JSON object. */
  public static ObjectNode parseObject(String body) {
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (JacksonException e) {
      throw new MalformedJsonException("the body is not valid JSON", e);
    }
    if (node == null || !node.isObject()) {
      throw new MalformedJsonException("the body is not a JSON object");
    }
    return (ObjectNode) node;
  }

  /** Serialises a tree. */
  public static String write(JsonNode node) {
    return MAPPER.writeValueAsString(node);
  }

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static @Nullable JsonNode optional(JsonNode parent, String field) {
    JsonNode value = parent.get(field);
    return value == null || value.isNull() ? null : value;
  }

  static JsonNode required(JsonNode parent, String field) {
    JsonNode value = optional(parent, field);
    if (value == null) {
      throw new MalformedJsonException("'" + field + "' is missing");
    }
    return value;
  }

  static String requiredString(JsonNode parent, String field) {
    JsonNode value = required(parent, field);
    if (!value.isString()) {
      throw new MalformedJsonException("'" + field + "' must be a string");
    }
    return value.asString();
  }

  static @Nullable String optionalString(JsonNode parent, String field) {
    JsonNode value = optional(parent, field);
    if (value == null) {
      return null;
    }
    if (!value.isString()) {
      throw new MalformedJsonException("'" + field + "' must be a string");
    }
    return value.asString();
  }

  static String optionalStringOrEmpty(JsonNode parent, String field) {
    JsonNode value = optional(parent, field);
    return value != null && value.isString() ? value.asString() : "";
  }

  static boolean requiredBoolean(JsonNode parent, String field) {
    JsonNode value = required(parent, field);
    if (!value.isBoolean()) {
      throw new MalformedJsonException("'" + field + "' must be a boolean");
    }
    return value.asBoolean();
  }

  static ObjectNode requiredObject(JsonNode parent, String field) {
    JsonNode value = required(parent, field);
    if (!value.isObject()) {
      throw new MalformedJsonException("'" + field + "' must be an object");
    }
    return (ObjectNode) value;
  }

  static List<JsonNode> optionalArray(JsonNode parent, String field) {
    JsonNode value = optional(parent, field);
    if (value == null) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new MalformedJsonException("'" + field + "' must be an array");
    }
    List<JsonNode> items = new ArrayList<>();
    value.forEach(items::add);
    return items;
  }

  /** A JSON object as Java values (String, Number, Boolean, List, Map, null). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> toMap(@Nullable JsonNode node, String field) {
    if (node == null || node.isNull()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw new MalformedJsonException("'" + field + "' must be an object");
    }
    return new LinkedHashMap<String, Object>(MAPPER.convertValue(node, Map.class));
  }

  static JsonNode fromMap(Map<String, ?> values) {
    return MAPPER.valueToTree(values);
  }
}
