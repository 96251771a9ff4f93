package dev.tandem.core.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An embedded store's identity.
 *
 * @param id the store id, a ULID
 * @param name the name given at creation
 * @param createdAt when the store was created
 */
public record StoreInfo(String id, String name, Instant createdAt) {

  public StoreInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
