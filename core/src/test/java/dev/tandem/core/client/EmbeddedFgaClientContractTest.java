package dev.tandem.core.client;

import dev.tandem.core.store.EmbeddedStores;

/** {@link FgaClientContractTest} against the embedded engine. */
class EmbeddedFgaClientContractTest extends FgaClientContractTest {

  /** An embedded client bound to a fresh store of its own, on the latest model. */
  static EmbeddedFgaClient freshEmbeddedClient() {
    EmbeddedStores stores = new EmbeddedStores();
    return new EmbeddedFgaClient(stores, stores.create("contract").id(), null);
  }

  @Override
  FgaClient newClient() {
    return freshEmbeddedClient();
  }
}
