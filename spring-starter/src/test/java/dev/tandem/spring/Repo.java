package dev.tandem.spring;

import static org.junit.jupiter.api.Assertions.fail;

import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.model.ModelDsl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files of this checkout, read in place by tests. */
public final class Repo {

  private Repo() {}

  /** The checkout root: the directory holding {@code .ci/}. */
  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isDirectory(dir.resolve(".ci"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    return fail("no checkout root above " + Path.of("").toAbsolutePath());
  }

  /** The reference model of the docs. */
  public static AuthorizationModel model() {
    try {
      return ModelDsl.parse(Files.readString(root().resolve("docs/models/project-management.fga")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code tandem.model} pointing at the reference model of the docs. */
  static String modelProperty() {
    return "tandem.model=file:" + root().resolve("docs/models/project-management.fga");
  }
}
