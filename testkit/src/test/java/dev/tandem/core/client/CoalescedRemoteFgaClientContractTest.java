package dev.tandem.core.client;

/**
 * {@link FgaClientContractTest} against {@link RemoteFgaClient} behind the coalescer ({@link
 * CoalescingFgaClient}): merging concurrent checks must not change what the client answers.
 */
class CoalescedRemoteFgaClientContractTest extends FgaClientContractTest {

  @Override
  FgaClient newClient() {
    return CoalescingFgaClient.wrap(ContractServer.remoteClient(), CoalescingOptions.defaults());
  }
}
