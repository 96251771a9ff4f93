package dev.tandem.spring;

import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.model.ModelDsl;
import dev.tandem.core.model.ModelJson;
import dev.tandem.core.tuple.TupleCondition;
import dev.tandem.core.tuple.TupleKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the model ({@code .fga} DSL or {@code .json}) and tuple seed files (YAML, or JSON for
 * {@code .json}: a list of {object, relation, user, condition?} or such a list under {@code
 * tuples}), in the testkit's seed-file format. Errors name the property key and the resource.
 */
final class TandemResources {

  private static final YAMLMapper YAML = YAMLMapper.builder().build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private TandemResources() {}

  static AuthorizationModel model(Resource resource) {
    String text = read(resource, "tandem.model");
    try {
      return isJson(resource) ? ModelJson.parse(text) : ModelDsl.parse(text);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "tandem.model " + resource.getDescription() + " is not a valid model: " + e.getMessage(),
          e);
    }
  }

  static List<TupleKey> tuples(Resource resource) {
    String where = "tandem.tuples " + resource.getDescription();
    JsonNode tree;
    try {
      tree =
          isJson(resource)
              ? JSON.readTree(read(resource, "tandem.tuples"))
              : YAML.readTree(read(resource, "tandem.tuples"));
    } catch (JacksonException e) {
      throw new IllegalStateException(where + " cannot be parsed: " + e.getOriginalMessage(), e);
    }
    if (tree == null || tree.isNull() || tree.isMissingNode()) {
      return List.of();
    }
    JsonNode list = tree.isObject() ? tree.get("tuples") : tree;
    if (list == null || !list.isArray()) {
      throw new IllegalStateException(
          where + " must be a list of tuples, or hold one under 'tuples'");
    }
    List<TupleKey> tuples = new ArrayList<>();
    for (JsonNode node : list) {
      tuples.add(tuple(node, where + ", tuple " + tuples.size()));
    }
    return tuples;
  }

  private static TupleKey tuple(JsonNode node, String where) {
    if (!node.isObject()) {
      throw new IllegalStateException(where + " must be an object");
    }
    TupleCondition condition = null;
    JsonNode c = node.get("condition");
    if (c != null && !c.isNull()) {
      JsonNode context = c.get("context");
      Map<String, Object> values = new LinkedHashMap<>();
      if (context != null && !context.isNull()) {
        if (!context.isObject()) {
          throw new IllegalStateException(where + ": 'condition.context' must be an object");
        }
        values.putAll(JSON.convertValue(context, Map.class));
      }
      condition = new TupleCondition(text(c, "name", where), values);
    }
    return new TupleKey(
        text(node, "object", where),
        text(node, "relation", where),
        text(node, "user", where),
        condition);
  }

  private static String text(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || !value.isString() || value.asString().isEmpty()) {
      throw new IllegalStateException(where + ": '" + field + "' must be a non-empty string");
    }
    return value.asString();
  }

  private static String read(Resource resource, String key) {
    if (!resource.exists()) {
      throw new IllegalStateException(key + " " + resource.getDescription() + " does not exist");
    }
    try (InputStream in = resource.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(key + " " + resource.getDescription() + " cannot be read", e);
    }
  }

  private static boolean isJson(Resource resource) {
    @Nullable String name = resource.getFilename();
    return name != null && name.toLowerCase(Locale.ROOT).endsWith(".json");
  }
}
