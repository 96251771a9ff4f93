package dev.tandem.core.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * OpenFGA's conformance data, read in place from {@code ../shared/conformance/} beside the
 * checkout. Tests that need it fail, never skip, when it is missing.
 */
public final class ConformanceData {

  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  private ConformanceData() {}

  /** The {@code conformance} directory; fails the calling test when it cannot be found. */
  public static Path root() {
    Path conformance = Checkout.root().resolveSibling("shared").resolve("conformance");
    if (!Files.isDirectory(conformance)) {
      fail("OpenFGA conformance data not found at " + conformance);
    }
    return conformance;
  }

  /** A file or directory under the conformance root, which must exist. */
  public static Path path(String relative) {
    Path path = root().resolve(relative);
    if (!Files.exists(path)) {
      fail("conformance data missing: " + path);
    }
    return path;
  }

  /** The text of a file under the conformance root. */
  public static String read(String relative) {
    try {
      return Files.readString(path(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A YAML file under the conformance root, as a Jackson tree. */
  public static JsonNode yaml(String relative) {
    return YAML.readTree(read(relative));
  }
}
