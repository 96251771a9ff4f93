package dev.tandem.core.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads model files: OpenFGA's JSON when the name ends with {@code .json}, its DSL otherwise
 * ({@code .fga}). See {@link ModelJson} and {@link ModelDsl} for the two forms.
 */
public final class ModelFiles {

  private ModelFiles() {}

  /**
   * Reads the model of a file, in the form its name gives.
   *
   * @throws InvalidModelException when the model does not parse or validate; the message names the
   *     file
   * @throws UncheckedIOException when the file cannot be read
   */
  public static AuthorizationModel read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("model " + file + " cannot be read", e);
    }
    return parse(text, file.toString());
  }

  /**
   * Reads the model of a stream of UTF-8 text, which it closes.
   *
   * @param name the file name or location, whose ending gives the form and which errors name
   */
  public static AuthorizationModel read(InputStream in, String name) {
    String text;
    try (in) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("model " + name + " cannot be read", e);
    }
    return parse(text, name);
  }

  /**
   * Parses the model of a file's text.
   *
   * @param name the file name or location, whose ending gives the form and which errors name
   */
  public static AuthorizationModel parse(String text, String name) {
    Objects.requireNonNull(text, "text");
    try {
      return name.toLowerCase(Locale.ROOT).endsWith(".json")
          ? ModelJson.parse(text)
          : ModelDsl.parse(text);
    } catch (InvalidModelException e) {
      throw new InvalidModelException("model " + name, e);
    }
  }
}
