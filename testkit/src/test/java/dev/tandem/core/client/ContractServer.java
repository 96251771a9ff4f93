package dev.tandem.core.client;

import dev.tandem.testkit.OpenFgaTestServer;
import java.net.URI;

/**
 * One testkit server shared by the remote contract tests, started by the first client asked for and
 * closed when the test JVM exits. A lazily started holder, rather than an outer class's
 * {@code @BeforeAll}, so that each contract test class can be a top-level class run on its own.
 */
final class ContractServer {

  private static OpenFgaTestServer server;

  private ContractServer() {}

  /** A remote client bound to a fresh, empty store of the shared server. */
  static FgaClient remoteClient() {
    OpenFgaTestServer running = server();
    String storeId = running.stores().create("contract").id();
    return FgaClient.builder()
        .remote(RemoteOptions.defaults(URI.create(running.uri().toString())))
        .storeId(storeId)
        .build();
  }

  private static synchronized OpenFgaTestServer server() {
    if (server == null) {
      OpenFgaTestServer started = new OpenFgaTestServer().start();
      Runtime.getRuntime()
          .addShutdownHook(new Thread(started::close, "tandem-contract-server-stop"));
      server = started;
    }
    return server;
  }
}
