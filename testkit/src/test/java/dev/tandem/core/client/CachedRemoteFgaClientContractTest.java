package dev.tandem.core.client;

/**
 * {@link FgaClientContractTest} against {@link RemoteFgaClient} behind the decision cache ({@link
 * CachingFgaClient}): caching must not change what the client answers.
 */
class CachedRemoteFgaClientContractTest extends FgaClientContractTest {

  @Override
  FgaClient newClient() {
    return CachingFgaClient.wrap(ContractServer.remoteClient(), CacheOptions.defaults());
  }
}
