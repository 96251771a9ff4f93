package dev.tandem.core.client;

import dev.tandem.core.store.EmbeddedStores;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds an {@link FgaClient} bound to a store and optionally a model.
 *
 * <pre>{@code
 * FgaClient client = FgaClient.builder().embedded().build();
 * }</pre>
 *
 * <p>An embedded client without a store id creates a store named {@code default}.
 */
public final class FgaClientBuilder {

  private @Nullable EmbeddedStores embedded;
  private @Nullable String storeId;
  private @Nullable String modelId;

  FgaClientBuilder() {}

  /** Evaluates in process, over a new set of stores. */
  public FgaClientBuilder embedded() {
    return embedded(new EmbeddedStores());
  }

  /** Evaluates in process, over {@code stores} (which other clients may share). */
  public FgaClientBuilder embedded(EmbeddedStores stores) {
    this.embedded = Objects.requireNonNull(stores, "stores");
    return this;
  }

  /** The store to use. */
  public FgaClientBuilder storeId(String storeId) {
    this.storeId = Objects.requireNonNull(storeId, "storeId");
    return this;
  }

  /** The model version to use; by default, the store's latest model at each call. */
  public FgaClientBuilder modelId(String modelId) {
    this.modelId = Objects.requireNonNull(modelId, "modelId");
    return this;
  }

  /**
   * Builds the client.
   *
   * @throws IllegalStateException when no backend was chosen
   */
  public FgaClient build() {
    if (embedded == null) {
      throw new IllegalStateException("choose a backend: call embedded() before build()");
    }
    String id = storeId != null ? storeId : embedded.create("default").id();
    return new EmbeddedFgaClient(embedded, id, modelId);
  }
}
