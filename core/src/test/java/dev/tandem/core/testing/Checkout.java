package dev.tandem.core.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files of this checkout (the directory holding {@code .ci/}), read in place by tests. */
public final class Checkout {

  private Checkout() {}

  /** The checkout root; fails the calling test when it cannot be found. */
  public static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isDirectory(dir.resolve(".ci"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    return fail(
        "no checkout root (a directory holding .ci/) above " + Path.of("").toAbsolutePath());
  }

  /** The text of a file under the checkout root, which must exist. */
  public static String read(String relative) {
    Path path = root().resolve(relative);
    if (!Files.isRegularFile(path)) {
      fail("missing from the checkout: " + path);
    }
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
