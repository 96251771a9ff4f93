package dev.tandem.core.model;

import dev.tandem.core.ErrorCode;
import dev.tandem.core.FgaValidationException;
import java.util.List;
import java.util.stream.Collectors;

/** An authorization model failed to parse or validate; {@link #problems()} lists every problem. */
public final class InvalidModelException extends FgaValidationException {

  private static final long serialVersionUID = 1L;

  private final transient List<ModelProblem> problems;

  public InvalidModelException(List<ModelProblem> problems) {
    super(ErrorCode.INVALID_AUTHORIZATION_MODEL, describe(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an invalid model has at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** The same problems, in a message that starts with where the model came from. */
  InvalidModelException(String source, InvalidModelException cause) {
    super(
        ErrorCode.INVALID_AUTHORIZATION_MODEL,
        source + " is invalid: " + describe(cause.problems),
        cause);
    this.problems = cause.problems;
  }

  /** The problems, in source order where positions are known. */
  public List<ModelProblem> problems() {
    return problems;
  }

  private static String describe(List<ModelProblem> problems) {
    return problems.size()
        + " error(s) occurred:"
        + problems.stream().map(p -> "\n\t* " + p).collect(Collectors.joining());
  }
}
