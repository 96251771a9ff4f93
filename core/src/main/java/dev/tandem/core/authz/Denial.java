package dev.tandem.core.authz;

import java.util.Objects;

/**
 * One principal that failed a {@link Decision}, and why. Names no tuple, id or model detail, so it
 * may be shown to the caller.
 *
 * @param role the principal that failed
 * @param reason why
 */
public record Denial(PrincipalRole role, DenialReason reason) {

  public Denial {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(reason, "reason");
  }
}
