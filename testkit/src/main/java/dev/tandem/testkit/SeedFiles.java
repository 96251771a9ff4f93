package dev.tandem.testkit;

import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.model.ModelFiles;
import dev.tandem.core.tuple.TupleFiles;
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
import org.jspecify.annotations.Nullable;

/** Reads models and tuple files from {@code classpath:} or file locations. */
final class SeedFiles {

  /** A model (or none) and the tuples to write with it. */
  record Seed(@Nullable AuthorizationModel model, List<TupleKey> tuples) {}

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
    return ModelFiles.parse(read(location), location);
  }

  /** The tuples of a YAML or JSON ({@code .json}) file, as {@link TupleFiles} reads them. */
  static List<TupleKey> tuples(String location) {
    return TupleFiles.parse(read(location), location);
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
}
