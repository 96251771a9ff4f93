package dev.tandem.testkit;

import dev.tandem.core.internal.http.Json;
import dev.tandem.core.internal.http.MalformedJsonException;
import dev.tandem.core.internal.http.TupleJson;
import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.model.ModelDsl;
import dev.tandem.core.model.ModelJson;
import dev.tandem.core.tuple.TupleKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads models and tuple files from {@code classpath:} or file locations. */
final class SeedFiles {

  /** A model (or none) and the tuples to write with it. */
  record Seed(@Nullable AuthorizationModel model, List<TupleKey> tuples) {}

  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  private SeedFiles() {}

  static Seed load(String modelLocation, List<String> tupleLocations) {
    AuthorizationModel model = modelLocation.isEmpty() ? null : model(modelLocation);
    List<TupleKey> tuples = new ArrayList<>();
    for (String location : tupleLocations) {
      tuples.addAll(tuples(location));
    }
    return new Seed(model, tuples);
  }

  /** A model in OpenFGA's JSON ({@code .json}) or DSL (anything else). */
  static AuthorizationModel model(String location) {
    String text = read(location);
    return isJson(location) ? ModelJson.parse(text) : ModelDsl.parse(text);
  }

  /** The tuples of a YAML or JSON ({@code .json}) file. */
  static List<TupleKey> tuples(String location) {
    JsonNode tree;
    try {
      tree =
          isJson(location) ? Json.MAPPER.readTree(read(location)) : YAML.readTree(read(location));
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "tuples " + location + " cannot be parsed: " + e.getOriginalMessage(), e);
    }
    if (tree == null || tree.isNull() || tree.isMissingNode()) {
      return List.of();
    }
    JsonNode list = tree.isObject() ? tree.get("tuples") : tree;
    if (list == null || !list.isArray()) {
      throw new IllegalArgumentException(
          "tuples " + location + " must be a list of tuples, or hold one under 'tuples'");
    }
    List<TupleKey> tuples = new ArrayList<>();
    for (JsonNode node : list) {
      try {
        tuples.add(TupleJson.read(node));
      } catch (MalformedJsonException e) {
        throw new IllegalArgumentException(
            "tuple " + tuples.size() + " of " + location + " is invalid: " + e.getMessage(), e);
      }
    }
    return tuples;
  }

  /** The text at {@code classpath:path}, {@code file:path} or a plain file path. */
  static String read(String location) {
    if (location.startsWith("classpath:")) {
      String resource = location.substring("classpath:".length());
      resource = resource.startsWith("/") ? resource.substring(1) : resource;
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      if (loader == null) {
        loader = SeedFiles.class.getClassLoader();
      }
      try (InputStream in = loader.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalArgumentException(location + " is not on the classpath");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + location, e);
      }
    }
    Path path = Path.of(location.startsWith("file:") ? location.substring(5) : location);
    try {
      return Files.readString(path);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(
          location + " does not exist (resolved to " + path.toAbsolutePath() + ")", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + location, e);
    }
  }

  private static boolean isJson(String location) {
    return location.toLowerCase(Locale.ROOT).endsWith(".json");
  }
}
