package dev.tandem.jakarta;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a filter configuration file: route rules and, optionally, the JWT settings of {@link
 * JwtActorResolver.Builder#configure}. Unknown keys are errors, so a typo cannot drop a rule.
 *
 * <p>YAML ({@code .yaml}, {@code .yml}):
 *
 * <pre>
 * routes:
 *   - POST /projects/{projectId}/tickets -> can_create_ticket on project:{projectId}
 *   - GET /health -> public
 * jwt:
 *   issuer: https://login.example.com/
 *   audience: tickets-api        # or a list
 *   jwks-uri: https://login.example.com/.well-known/jwks.json
 *   first-party-clients: [tickets-web]   # optional
 * </pre>
 *
 * <p>Properties ({@code .properties}): {@code route.<any name> = <rule line>} and {@code jwt.<key>
 * = <value>}, a list of audiences or first-party clients separated by commas.
 */
final class RouteFiles {

  /** What a file holds. */
  record Contents(RouteRules routes, Map<String, List<String>> jwt) {}

  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  private RouteFiles() {}

  static Contents load(Path file) throws IOException {
    String name = file.getFileName().toString();
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      try (InputStream in = Files.newInputStream(file)) {
        return readYaml(in);
      }
    }
    if (name.endsWith(".properties")) {
      return readProperties(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
    }
    throw new IllegalArgumentException(
        "configuration file " + file + " must end with .yaml, .yml or .properties");
  }

  static Contents readYaml(InputStream in) throws IOException {
    JsonNode root = YAML.readTree(in);
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("the configuration must be a YAML mapping");
    }
    RouteRules.Builder routes = RouteRules.builder();
    Map<String, List<String>> jwt = new LinkedHashMap<>();
    for (String key : root.propertyNames()) {
      JsonNode value = root.get(key);
      if (key.equals("routes")) {
        if (!value.isArray()) {
          throw new IllegalArgumentException("'routes' must be a list of rule lines");
        }
        for (JsonNode rule : value) {
          routes.rule(text(rule, "routes[]"));
        }
      } else if (key.equals("jwt")) {
        if (!value.isObject()) {
          throw new IllegalArgumentException("'jwt' must be a mapping");
        }
        for (String setting : value.propertyNames()) {
          JsonNode v = value.get(setting);
          List<String> values = new ArrayList<>();
          if (v.isArray()) {
            v.forEach(item -> values.add(text(item, "jwt." + setting)));
          } else {
            values.add(text(v, "jwt." + setting));
          }
          jwt.put(setting, values);
        }
      } else {
        throw new IllegalArgumentException("unknown configuration key '" + key + "'");
      }
    }
    return new Contents(routes.build(), jwt);
  }

  static Contents readProperties(Reader reader) throws IOException {
    Properties properties = new Properties();
    properties.load(reader);
    RouteRules.Builder routes = RouteRules.builder();
    Map<String, List<String>> jwt = new LinkedHashMap<>();
    Map<String, String> sorted = new TreeMap<>();
    properties.forEach((k, v) -> sorted.put((String) k, (String) v));
    for (Map.Entry<String, String> entry : sorted.entrySet()) {
      String key = entry.getKey();
      if (key.startsWith("route.") && key.length() > "route.".length()) {
        routes.rule(entry.getValue());
      } else if (key.startsWith("jwt.") && key.length() > "jwt.".length()) {
        List<String> values = new ArrayList<>();
        for (String part : entry.getValue().split(",")) {
          if (!part.isBlank()) {
            values.add(part.strip());
          }
        }
        jwt.put(key.substring("jwt.".length()), values);
      } else {
        throw new IllegalArgumentException("unknown configuration key '" + key + "'");
      }
    }
    return new Contents(routes.build(), jwt);
  }

  private static String text(JsonNode node, String where) {
    if (!node.isString()) {
      throw new IllegalArgumentException("'" + where + "' must hold strings");
    }
    return node.asString();
  }
}
