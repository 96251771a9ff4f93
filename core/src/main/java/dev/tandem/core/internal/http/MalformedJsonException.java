package dev.tandem.core.internal.http;

/**
 * A JSON document does not have the shape the OpenFGA API defines. The remote client turns it into
 * an "unavailable" failure (an answer it cannot trust); the testkit server into a 400.
 */
public final class MalformedJsonException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public MalformedJsonException(String message) {
    super(message);
  }

  public MalformedJsonException(String message, Throwable cause) {
    super(message, cause);
  }
}
