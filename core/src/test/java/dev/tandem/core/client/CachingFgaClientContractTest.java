package dev.tandem.core.client;

/** {@link FgaClientContractTest} against the decision cache over the embedded engine. */
class CachingFgaClientContractTest extends FgaClientContractTest {

  @Override
  FgaClient newClient() {
    return CachingFgaClient.wrap(
        EmbeddedFgaClientContractTest.freshEmbeddedClient(), CacheOptions.defaults());
  }
}
