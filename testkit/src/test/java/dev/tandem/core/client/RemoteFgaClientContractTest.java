package dev.tandem.core.client;

import dev.tandem.testkit.OpenFgaTestServer;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link FgaClientContractTest} against {@link RemoteFgaClient} talking to the testkit server, and
 * the same behind the cache and the coalescer, so every client honours one contract.
 */
class RemoteFgaClientContractTest {

  private static OpenFgaTestServer server;

  @BeforeAll
  static void start() {
    server = new OpenFgaTestServer().start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static FgaClient remoteClient() {
    String storeId = server.stores().create("contract").id();
    return FgaClient.builder()
        .remote(RemoteOptions.defaults(URI.create(server.uri().toString())))
        .storeId(storeId)
        .build();
  }

  /** The remote client alone. */
  static class Plain extends FgaClientContractTest {
    @Override
    FgaClient newClient() {
      return remoteClient();
    }
  }

  /** The remote client behind the decision cache. */
  static class Cached extends FgaClientContractTest {
    @Override
    FgaClient newClient() {
      return CachingFgaClient.wrap(remoteClient(), CacheOptions.defaults());
    }
  }

  /** The remote client behind the coalescer. */
  static class Coalesced extends FgaClientContractTest {
    @Override
    FgaClient newClient() {
      return CoalescingFgaClient.wrap(remoteClient(), CoalescingOptions.defaults());
    }
  }
}
