package dev.tandem.core;

import java.util.Objects;

/**
 * A request or model was rejected as invalid: a malformed identifier, an unknown type or relation,
 * a tuple that the model does not allow, a missing condition parameter, or a query too complex to
 * resolve. Corresponds to an HTTP 400 from OpenFGA.
 *
 * <p>Not final: {@link dev.tandem.core.model.InvalidModelException} adds the problems found in a
 * model.
 */
public non-sealed class FgaValidationException extends FgaException {

  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  public FgaValidationException(ErrorCode code, String message) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
  }

  public FgaValidationException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  /** The OpenFGA error code, e.g. {@link ErrorCode#INVALID_TUPLE}. */
  public ErrorCode code() {
    return code;
  }
}
