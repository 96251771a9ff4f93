package dev.tandem.core.authz;

import java.util.List;
import java.util.Objects;

/**
 * What one user lets one app do on their behalf.
 *
 * @param clientId the app
 * @param permissions the relations on objects consented to
 */
public record Consent(String clientId, List<Permission> permissions) {

  public Consent {
    Objects.requireNonNull(clientId, "clientId");
    permissions = List.copyOf(permissions);
  }
}
