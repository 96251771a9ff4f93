package dev.tandem.testkit;

import dev.tandem.core.FgaValidationException;
import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.model.ModelFiles;
import dev.tandem.core.tuple.TupleFiles;
import dev.tandem.core.tuple.TupleKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The store the standalone jar creates from {@code --model} and {@code --tuples} files. */
final class StandaloneSeed {

  /** A file that cannot be read or does not hold a valid model or tuples; the message says why. */
  static final class SeedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SeedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private StandaloneSeed() {}

  /**
   * Creates the store {@code name} in {@code server} holding the model of {@code modelFile} and the
   * tuples of {@code tuplesFile}, if any.
   *
   * @throws SeedException when a file is missing, unreadable or invalid, or a tuple does not fit
   *     the model; nothing is left in the server
   */
  static TestStore seed(
      OpenFgaTestServer server, String name, Path modelFile, @Nullable Path tuplesFile) {
    AuthorizationModel model = read(() -> ModelFiles.read(modelFile));
    List<TupleKey> tuples =
        tuplesFile == null ? List.of() : read(() -> TupleFiles.read(tuplesFile));
    try {
      return server.createStore(name, model, tuples);
    } catch (FgaValidationException e) {
      throw new SeedException(
          (tuplesFile == null
                  ? "model " + modelFile + " was refused: "
                  : "tuples " + tuplesFile + " do not fit model " + modelFile + ": ")
              + e.getMessage(),
          e);
    }
  }

  private interface Reader<T> {
    T read();
  }

  /** Runs {@code reader}; core's messages already name the file and, for a DSL, line and column. */
  private static <T> T read(Reader<T> reader) {
    try {
      return reader.read();
    } catch (UncheckedIOException e) {
      throw new SeedException(e.getMessage() + ": " + reason(e.getCause()), e);
    } catch (FgaValidationException | IllegalArgumentException | IllegalStateException e) {
      throw new SeedException(e.getMessage(), e);
    }
  }

  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof CharacterCodingException) {
      return "it is not UTF-8 text";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
