package dev.tandem.core.client;

/** {@link FgaClientContractTest} against {@link RemoteFgaClient} talking to the testkit server. */
class RemoteFgaClientContractTest extends FgaClientContractTest {

  @Override
  FgaClient newClient() {
    return ContractServer.remoteClient();
  }
}
