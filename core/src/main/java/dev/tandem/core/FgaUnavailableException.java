package dev.tandem.core;

/**
 * The authorization backend could not answer: unreachable, timed out, overloaded, or answered with
 * something that could not be trusted. Callers must treat it as a denial.
 */
public final class FgaUnavailableException extends FgaException {

  private static final long serialVersionUID = 1L;

  public FgaUnavailableException(String message) {
    super(message);
  }

  public FgaUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
