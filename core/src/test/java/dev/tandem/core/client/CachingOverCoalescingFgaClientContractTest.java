package dev.tandem.core.client;

/**
 * {@link FgaClientContractTest} against the full decorator stack: the decision cache over request
 * coalescing over the embedded engine.
 */
class CachingOverCoalescingFgaClientContractTest extends FgaClientContractTest {

  @Override
  FgaClient newClient() {
    return CachingFgaClient.wrap(
        CoalescingFgaClient.wrap(
            EmbeddedFgaClientContractTest.freshEmbeddedClient(), CoalescingOptions.defaults()),
        CacheOptions.defaults());
  }
}
