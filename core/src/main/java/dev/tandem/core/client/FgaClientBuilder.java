package dev.tandem.core.client;

import dev.tandem.core.store.EmbeddedStores;
import java.net.URI;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds an {@link FgaClient}: a backend bound to a store and optionally a model, wrapped in a
 * coalescing layer and a decision cache when asked.
 *
 * <pre>{@code
 * FgaClient client = FgaClient.builder()
 *     .embedded()
 *     .cache(CacheOptions.defaults())
 *     .build();
 * }</pre>
 *
 * <p>An embedded client without a store id creates a store named {@code default}.
 */
public final class FgaClientBuilder {

  private @Nullable EmbeddedStores embedded;
  private @Nullable RemoteOptions remote;
  private @Nullable String storeId;
  private @Nullable String modelId;
  private @Nullable CacheOptions cache;
  private @Nullable CoalescingOptions coalescing;

  FgaClientBuilder() {}

  /** Evaluates in process, over a new set of stores. */
  public FgaClientBuilder embedded() {
    return embedded(new EmbeddedStores());
  }

  /** Evaluates in process, over {@code stores} (which other clients may share). */
  public FgaClientBuilder embedded(EmbeddedStores stores) {
    this.embedded = Objects.requireNonNull(stores, "stores");
    this.remote = null;
    return this;
  }

  /** Talks to an OpenFGA-compatible server at {@code apiUrl}, with default options. */
  public FgaClientBuilder remote(URI apiUrl) {
    return remote(RemoteOptions.defaults(apiUrl));
  }

  /** Talks to an OpenFGA-compatible server (OpenFGA, Auth0 FGA, the testkit server). */
  public FgaClientBuilder remote(RemoteOptions options) {
    this.remote = Objects.requireNonNull(options, "options");
    this.embedded = null;
    return this;
  }

  /** The store to use; required for a remote client. */
  public FgaClientBuilder storeId(String storeId) {
    this.storeId = Objects.requireNonNull(storeId, "storeId");
    return this;
  }

  /** The model version to use; null (the default) means the store's latest model at each call. */
  public FgaClientBuilder modelId(@Nullable String modelId) {
    this.modelId = modelId;
    return this;
  }

  /** Caches check answers (see {@link CachingFgaClient}). */
  public FgaClientBuilder cache(CacheOptions options) {
    this.cache = Objects.requireNonNull(options, "options");
    return this;
  }

  /** Coalesces concurrent checks into batch calls (see {@link CoalescingFgaClient}). */
  public FgaClientBuilder coalescing(CoalescingOptions options) {
    this.coalescing = Objects.requireNonNull(options, "options");
    return this;
  }

  /**
   * Builds the client.
   *
   * @throws IllegalStateException when no backend was chosen, or a remote client has no store id
   */
  public FgaClient build() {
    if (remote != null) {
      if (storeId == null) {
        throw new IllegalStateException("a remote FGA client needs a store id: call storeId(...)");
      }
      return decorate(RemoteFgaClient.create(remote, storeId, modelId));
    }
    if (embedded == null) {
      throw new IllegalStateException(
          "choose a backend: call embedded() or remote(...) before build()");
    }
    String id = storeId != null ? storeId : embedded.create("default").id();
    return decorate(new EmbeddedFgaClient(embedded, id, modelId));
  }

  /** The cache sits outermost, so a hit costs no coalescing window. */
  private FgaClient decorate(FgaClient client) {
    FgaClient decorated = client;
    if (coalescing != null) {
      decorated = CoalescingFgaClient.wrap(decorated, coalescing);
    }
    if (cache != null) {
      decorated = CachingFgaClient.wrap(decorated, cache);
    }
    return decorated;
  }
}
