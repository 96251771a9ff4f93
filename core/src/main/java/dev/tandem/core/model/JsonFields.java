package dev.tandem.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Key lookup and typed access for the JSON model readers; a value of the wrong type is recorded as
 * a problem and read as absent, so reading goes on and reports every problem at once.
 */
final class JsonFields {

  private final List<ModelProblem> problems = new ArrayList<>();

  /** The problems recorded so far. */
  List<ModelProblem> problems() {
    return problems;
  }

  void add(ModelProblem problem) {
    problems.add(problem);
  }

  /** The value of {@code snakeKey} or its camelCase spelling, or null when absent or null. */
  static @Nullable JsonNode field(JsonNode node, String snakeKey) {
    JsonNode value = node.get(snakeKey);
    if (value == null || value.isNull()) {
      value = node.get(camel(snakeKey));
    }
    return value == null || value.isNull() ? null : value;
  }

  @Nullable String string(JsonNode node, String key, String where) {
    JsonNode value = field(node, key);
    if (value == null) {
      return null;
    }
    if (!value.isString()) {
      problem(camelIfApi(key) + " of " + where + " must be a string, got " + describe(value), "");
      return null;
    }
    return value.stringValue();
  }

  @Nullable JsonNode object(JsonNode node, String key, String where) {
    JsonNode value = field(node, key);
    if (value != null && !value.isObject()) {
      problem(camelIfApi(key) + " of " + where + " must be an object, got " + describe(value), "");
      return null;
    }
    return value;
  }

  @Nullable JsonNode array(JsonNode node, String key, String where) {
    JsonNode value = field(node, key);
    if (value != null && !value.isArray()) {
      problem(camelIfApi(key) + " of " + where + " must be an array, got " + describe(value), "");
      return null;
    }
    return value;
  }

  void problem(String message, String symbol) {
    problems.add(ModelProblem.unpositioned(message, null, symbol));
  }

  static @Nullable String emptyToNull(@Nullable String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  /** The key as the OpenFGA API spells it: camelCase for the two userset kinds only. */
  private static String camelIfApi(String snakeKey) {
    return snakeKey.equals("computed_userset") || snakeKey.equals("tuple_to_userset")
        ? camel(snakeKey)
        : snakeKey;
  }

  static String camel(String snakeKey) {
    StringBuilder camel = new StringBuilder(snakeKey.length());
    boolean upper = false;
    for (char c : snakeKey.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        camel.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return camel.toString();
  }

  static String describe(JsonNode node) {
    String text = node.toString();
    if (text.length() > 60) {
      text = text.substring(0, 57) + "...";
    }
    return text + " (" + node.getNodeType().name().toLowerCase(Locale.ROOT) + ")";
  }
}
