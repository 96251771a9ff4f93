package dev.tandem.testkit;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A store created for a test, with the model it was seeded with.
 *
 * @param id the store id, to configure a client with
 * @param modelId the id of the seeded model, or null when the store was created without one
 */
public record TestStore(String id, @Nullable String modelId) {

  public TestStore {
    Objects.requireNonNull(id, "id");
  }
}
