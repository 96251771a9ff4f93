package dev.tandem.core.tuple;

import dev.tandem.core.internal.http.Json;
import dev.tandem.core.internal.http.MalformedJsonException;
import dev.tandem.core.internal.http.TupleJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads tuple files: the seed files of the testkit and of the Spring starter.
 *
 * <p>A file is JSON when its name ends with {@code .json}, YAML otherwise ({@code .yaml}, {@code
 * .yml}). It holds a list of tuples, or an object holding such a list under {@code tuples}; each
 * tuple is {@code {object, relation, user, condition?: {name, context?}}}, as in the OpenFGA API.
 * An empty file holds no tuples.
 *
 * <pre>{@code
 * - object: document:roadmap
 *   relation: owner
 *   user: user:anne
 * - object: document:budget
 *   relation: editor
 *   user: user:carol
 *   condition:
 *     name: non_expired
 *     context: {expires_at: "2030-01-01T00:00:00Z"}
 * }</pre>
 *
 * <p>YAML needs {@code tools.jackson.dataformat:jackson-dataformat-yaml} on the classpath, an
 * optional dependency of {@code tandem-core} (the testkit and the Spring starter bring it).
 *
 * <p>Errors are {@link IllegalArgumentException}s that name the file and, for a bad tuple, its
 * 0-based position in the list and its line.
 */
public final class TupleFiles {

  private static final boolean YAML_PRESENT = isPresent("tools.jackson.dataformat.yaml.YAMLMapper");

  private TupleFiles() {}

  /**
   * Reads the tuples of a file, in the format its name gives.
   *
   * @throws IllegalArgumentException when the file is not a tuple file; the message names it
   * @throws IllegalStateException when the file is YAML and Jackson's YAML reader is missing
   * @throws UncheckedIOException when the file cannot be read
   */
  public static List<TupleKey> read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("tuples " + file + " cannot be read", e);
    }
    return parse(text, file.toString());
  }

  /**
   * Reads the tuples of a stream of UTF-8 text, which it closes.
   *
   * @param name the file name or location, whose ending gives the format and which errors name
   */
  public static List<TupleKey> read(InputStream in, String name) {
    String text;
    try (in) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("tuples " + name + " cannot be read", e);
    }
    return parse(text, name);
  }

  /**
   * Parses the tuples of a file's text.
   *
   * @param name the file name or location, whose ending gives the format and which errors name
   */
  public static List<TupleKey> parse(String text, String name) {
    Objects.requireNonNull(text, "text");
    ObjectMapper mapper = isJson(name) ? Json.MAPPER : yaml(name);
    try (JsonParser parser = mapper.createParser(text)) {
      return tuples(mapper, parser, name);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "tuples "
              + name
              + " cannot be parsed"
              + at(e.getLocation())
              + ": "
              + e.getOriginalMessage(),
          e);
    }
  }

  private static List<TupleKey> tuples(ObjectMapper mapper, JsonParser parser, String name) {
    JsonToken first = parser.nextToken();
    if (first == null || first == JsonToken.VALUE_NULL) {
      return List.of();
    }
    JsonToken list = first == JsonToken.START_OBJECT ? findTuples(parser) : first;
    if (list != JsonToken.START_ARRAY) {
      throw new IllegalArgumentException(
          "tuples " + name + " must be a list of tuples, or hold one under 'tuples'");
    }
    // One tuple at a time, so that an error can give the tuple's line; the file's own end is
    // checked below.
    ObjectReader elements = mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    List<TupleKey> tuples = new ArrayList<>();
    for (JsonToken token = parser.nextToken();
        token != JsonToken.END_ARRAY;
        token = parser.nextToken()) {
      if (token == null) {
        throw new IllegalArgumentException("tuples " + name + " ends inside the list of tuples");
      }
      TokenStreamLocation where = parser.currentTokenLocation();
      JsonNode node = elements.readTree(parser);
      try {
        tuples.add(TupleJson.read(node));
      } catch (MalformedJsonException | IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "tuple " + tuples.size() + " of " + name + at(where) + " is invalid: " + e.getMessage(),
            e);
      }
    }
    if (first == JsonToken.START_OBJECT) {
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        parser.nextToken();
        parser.skipChildren();
      }
    }
    if (parser.nextToken() != null) {
      throw new IllegalArgumentException(
          "tuples " + name + at(parser.currentTokenLocation()) + " has content after the tuples");
    }
    return tuples;
  }

  /** Moves to the value of the {@code tuples} property and returns its first token. */
  private static @Nullable JsonToken findTuples(JsonParser parser) {
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      JsonToken value = parser.nextToken();
      if ("tuples".equals(parser.currentName())) {
        return value;
      }
      parser.skipChildren();
    }
    return null;
  }

  private static String at(@Nullable TokenStreamLocation location) {
    return location == null || location.getLineNr() < 1
        ? ""
        : " (line " + location.getLineNr() + ")";
  }

  private static boolean isJson(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith(".json");
  }

  private static ObjectMapper yaml(String name) {
    if (!YAML_PRESENT) {
      throw new IllegalStateException(
          "tuples "
              + name
              + " is YAML, which needs tools.jackson.dataformat:jackson-dataformat-yaml on the"
              + " classpath: add that dependency, or write the tuples as JSON in a .json file");
    }
    return Yaml.MAPPER;
  }

  private static boolean isPresent(String className) {
    try {
      Class.forName(className, false, TupleFiles.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** Loaded only when YAML is read, so that the YAML module stays optional. */
  private static final class Yaml {
    static final ObjectMapper MAPPER = YAMLMapper.builder().build();
  }
}
