package dev.tandem.core.client;

/** {@link FgaClientContractTest} against request coalescing over the embedded engine. */
class CoalescingFgaClientContractTest extends FgaClientContractTest {

  @Override
  FgaClient newClient() {
    return CoalescingFgaClient.wrap(
        EmbeddedFgaClientContractTest.freshEmbeddedClient(), CoalescingOptions.defaults());
  }
}
