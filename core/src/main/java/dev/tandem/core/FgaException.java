package dev.tandem.core;

/**
 * The root of Tandem's unchecked exceptions.
 *
 * <p>Authorization code that catches any {@code FgaException} must deny: none of them means
 * "allowed".
 */
public abstract sealed class FgaException extends RuntimeException
    permits FgaValidationException, FgaNotFoundException, FgaUnavailableException {

  private static final long serialVersionUID = 1L;

  protected FgaException(String message, Throwable cause) {
    super(message, cause);
  }

  protected FgaException(String message) {
    super(message);
  }
}
