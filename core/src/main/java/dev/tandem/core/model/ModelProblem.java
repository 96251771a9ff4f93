package dev.tandem.core.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One problem found in an authorization model.
 *
 * <p>Positions are 0-based, as in OpenFGA's language tooling; they are -1 when the model did not
 * come from DSL text (a JSON model).
 *
 * @param message what is wrong, naming the offending symbol
 * @param line 0-based line of the symbol, or -1
 * @param column 0-based column where the symbol starts, or -1
 * @param endColumn 0-based column just after the symbol, or -1
 * @param errorType OpenFGA's error type for semantic problems, e.g. {@code missing-definition};
 *     null for syntax errors
 * @param symbol the offending symbol, or the empty string
 */
public record ModelProblem(
    String message,
    int line,
    int column,
    int endColumn,
    @Nullable String errorType,
    String symbol) {

  public ModelProblem {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(symbol, "symbol");
  }

  /** A problem without a source position. */
  public static ModelProblem unpositioned(
      String message, @Nullable String errorType, String symbol) {
    return new ModelProblem(message, -1, -1, -1, errorType, symbol);
  }

  @Override
  public String toString() {
    return line < 0
        ? message
        : "validation error at line=" + line + ", column=" + column + ": " + message;
  }
}
