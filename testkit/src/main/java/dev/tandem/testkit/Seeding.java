package dev.tandem.testkit;

import dev.tandem.core.client.FgaClient;
import dev.tandem.core.client.WriteRequest;
import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.store.EmbeddedStores;
import dev.tandem.core.store.StoreInfo;
import dev.tandem.core.tuple.TupleKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Creates a store with a model and tuples, writing tuples as OpenFGA clients do. */
final class Seeding {

  /** OpenFGA's limit on the tuples of one write. */
  private static final int WRITE_CHUNK = 100;

  private Seeding() {}

  /**
   * A new store in {@code stores} holding {@code model} and {@code tuples}, each tuple validated
   * against the model.
   *
   * @throws dev.tandem.core.FgaValidationException when the model or a tuple is invalid; the store
   *     is deleted again
   */
  static TestStore seed(
      EmbeddedStores stores,
      String name,
      @Nullable AuthorizationModel model,
      Collection<TupleKey> tuples) {
    if (model == null && !tuples.isEmpty()) {
      throw new IllegalArgumentException("tuples need a model to be written against");
    }
    StoreInfo store = stores.create(name);
    try {
      if (model == null) {
        return new TestStore(store.id(), null);
      }
      AuthorizationModel written = stores.writeModel(store.id(), model);
      FgaClient client =
          FgaClient.builder().embedded(stores).storeId(store.id()).modelId(written.id()).build();
      List<TupleKey> all = new ArrayList<>(tuples);
      for (int i = 0; i < all.size(); i += WRITE_CHUNK) {
        List<TupleKey> chunk = all.subList(i, Math.min(all.size(), i + WRITE_CHUNK));
        client.write(new WriteRequest(chunk, List.of()));
      }
      return new TestStore(store.id(), written.id());
    } catch (RuntimeException e) {
      stores.delete(store.id());
      throw e;
    }
  }
}
