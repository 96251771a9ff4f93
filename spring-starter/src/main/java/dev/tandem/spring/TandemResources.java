package dev.tandem.spring;

import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.model.ModelFiles;
import dev.tandem.core.tuple.TupleFiles;
import dev.tandem.core.tuple.TupleKey;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;

/**
 * Reads the model ({@link ModelFiles}) and tuple seed files ({@link TupleFiles}) behind {@code
 * tandem.model} and {@code tandem.tuples}. Errors name the property key and the resource.
 */
final class TandemResources {

  private TandemResources() {}

  static AuthorizationModel model(Resource resource) {
    InputStream in = open(resource, "tandem.model");
    try {
      return ModelFiles.read(in, name(resource));
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "tandem.model " + resource.getDescription() + ": " + e.getMessage(), e);
    }
  }

  static List<TupleKey> tuples(Resource resource) {
    InputStream in = open(resource, "tandem.tuples");
    try {
      return TupleFiles.read(in, name(resource));
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "tandem.tuples " + resource.getDescription() + ": " + e.getMessage(), e);
    }
  }

  private static InputStream open(Resource resource, String key) {
    if (!resource.exists()) {
      throw new IllegalStateException(key + " " + resource.getDescription() + " does not exist");
    }
    try {
      return resource.getInputStream();
    } catch (IOException e) {
      throw new IllegalStateException(key + " " + resource.getDescription() + " cannot be read", e);
    }
  }

  /** The file name, whose ending gives the format; the description when there is none. */
  private static String name(Resource resource) {
    @Nullable String name = resource.getFilename();
    return name == null ? resource.getDescription() : name;
  }
}
