package dev.tandem.core.actor;

import dev.tandem.core.ErrorCode;
import dev.tandem.core.FgaValidationException;

/**
 * Token claims or an identifier that cannot describe an actor: a missing or malformed claim, or an
 * id that would inject structure into an FGA subject ({@code bob#member}, {@code *}, whitespace,
 * ...). Nothing may be granted on such input; no FGA call is made with it.
 */
public final class InvalidActorException extends FgaValidationException {

  private static final long serialVersionUID = 1L;

  /** An exception with a message that names the value and the rule it breaks. */
  public InvalidActorException(String message) {
    super(ErrorCode.VALIDATION_ERROR, message);
  }
}
