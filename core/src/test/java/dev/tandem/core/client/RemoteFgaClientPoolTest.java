package dev.tandem.core.client;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static dev.tandem.core.client.RemoteServer.MODEL;
import static dev.tandem.core.client.RemoteServer.STORE;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.tandem.core.engine.CheckRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link RemoteOptions#maxConnections()} bounds the requests in flight. */
class RemoteFgaClientPoolTest {

  /** Counts the requests the server is handling at once. */
  static final class InFlight implements ServeEventListener {
    final AtomicInteger now = new AtomicInteger();
    final AtomicInteger max = new AtomicInteger();

    @Override
    public void beforeMatch(ServeEvent event, Parameters parameters) {
      max.accumulateAndGet(now.incrementAndGet(), Math::max);
    }

    @Override
    public void afterComplete(ServeEvent event, Parameters parameters) {
      now.decrementAndGet();
    }

    @Override
    public String getName() {
      return "in-flight";
    }
  }

  private final InFlight inFlight = new InFlight();
  private WireMockServer server;

  @BeforeEach
  void start() {
    server = RemoteServer.start(inFlight);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void concurrentChecksBeyondMaxConnectionsWaitForAFreeConnection() throws Exception {
    server.stubFor(
        post("/stores/" + STORE + "/check")
            .willReturn(okJson("{\"allowed\": true}").withFixedDelay(150)));
    RemoteOptions fast = RemoteServer.fast(server);
    RemoteOptions twoConnections =
        new RemoteOptions(
            fast.apiUrl(),
            fast.credentials(),
            fast.connectTimeout(),
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            0,
            fast.baseBackoff(),
            fast.maxRetryAfter(),
            2);
    int callers = 6;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try (RemoteFgaClient client = RemoteFgaClient.create(twoConnections, STORE, MODEL)) {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> answers = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        answers.add(
            pool.submit(
                () -> {
                  go.await();
                  return client.check(CheckRequest.of("doc:1", "viewer", "user:anne")).allowed();
                }));
      }
      go.countDown();
      for (Future<Boolean> answer : answers) {
        assertThat(answer.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(inFlight.max.get()).isBetween(1, 2);
    assertThat(RemoteServer.posts(server, "/stores/" + STORE + "/check")).isEqualTo(callers);
  }
}
