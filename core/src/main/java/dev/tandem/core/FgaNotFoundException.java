package dev.tandem.core;

/** A store or authorization model does not exist. Corresponds to an HTTP 404 from OpenFGA. */
public final class FgaNotFoundException extends FgaException {

  private static final long serialVersionUID = 1L;

  public FgaNotFoundException(String message) {
    super(message);
  }
}
