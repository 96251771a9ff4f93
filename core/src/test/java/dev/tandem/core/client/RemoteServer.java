package dev.tandem.core.client;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.Extension;
import dev.tandem.core.FgaUnavailableException;
import dev.tandem.core.engine.BatchCheckItem;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert;

/** A WireMock server standing in for OpenFGA, and the options that point a client at it. */
final class RemoteServer {

  static final String STORE = "01HSTORE0000000000000000AA";
  static final String MODEL = "01HMODEL0000000000000000BB";

  private RemoteServer() {}

  static WireMockServer start(Extension... extensions) {
    WireMockServer server =
        new WireMockServer(options().dynamicPort().dynamicHttpsPort().extensions(extensions));
    server.start();
    return server;
  }

  /**
   * Near-zero backoff, so that fault tests run fast. Timeouts leave room for the first request of a
   * cold JVM; tests of timeouts set their own.
   */
  static RemoteOptions fast(URI apiUrl) {
    return new RemoteOptions(
        apiUrl,
        Credentials.none(),
        Duration.ofSeconds(2),
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        2,
        Duration.ofMillis(1),
        Duration.ofSeconds(2),
        8);
  }

  static RemoteOptions fast(WireMockServer server) {
    return fast(URI.create("http://localhost:" + server.port()));
  }

  static RemoteOptions with(
      RemoteOptions o, Duration attemptTimeout, Duration overallTimeout, int maxRetries) {
    return new RemoteOptions(
        o.apiUrl(),
        o.credentials(),
        o.connectTimeout(),
        attemptTimeout,
        overallTimeout,
        maxRetries,
        o.baseBackoff(),
        o.maxRetryAfter(),
        o.maxConnections());
  }

  static RemoteOptions withCredentials(RemoteOptions o, Credentials credentials) {
    return new RemoteOptions(
        o.apiUrl(),
        credentials,
        o.connectTimeout(),
        o.attemptTimeout(),
        o.overallTimeout(),
        o.maxRetries(),
        o.baseBackoff(),
        o.maxRetryAfter(),
        o.maxConnections());
  }

  /** How many POST requests {@code server} received for {@code path}. */
  static int posts(WireMockServer server, String path) {
    return server
        .countRequestsMatching(WireMock.postRequestedFor(WireMock.urlEqualTo(path)).build())
        .getCount();
  }

  /** The call fails closed: an FgaUnavailableException, never an answer. */
  static void assertUnavailable(ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOf(FgaUnavailableException.class);
  }

  /** Every item is a failure: none is allowed. */
  static void assertAllFailed(List<BatchCheckItem> items) {
    assertThat(items)
        .isNotEmpty()
        .allSatisfy(
            item -> {
              assertThat(item).isInstanceOf(BatchCheckItem.Failed.class);
              assertThat(item.allowed()).isFalse();
            });
  }
}
