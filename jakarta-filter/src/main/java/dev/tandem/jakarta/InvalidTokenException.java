package dev.tandem.jakarta;

/**
 * Credentials that do not establish an actor: a malformed, unsigned, wrongly signed or expired
 * token, one for another issuer or audience, or claims that describe no actor. Answered with 401;
 * the message is for logs and never sent to the caller.
 */
public final class InvalidTokenException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** An exception whose message says which check failed. */
  public InvalidTokenException(String message) {
    super(message);
  }

  /** An exception whose message says which check failed, with its cause. */
  public InvalidTokenException(String message, Throwable cause) {
    super(message, cause);
  }
}
