package dev.tandem.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Starting, stopping, latency and request counts. */
class OpenFgaTestServerLifecycleTest {

  @Test
  void startWithoutPortThenListensOnAnEphemeralLoopbackPort() {
    try (OpenFgaTestServer server = new OpenFgaTestServer().start()) {
      assertThat(server.port()).isPositive();
      assertThat(server.uri().toString()).isEqualTo("http://127.0.0.1:" + server.port());
      assertThat(new Http(server.uri()).get("/stores").status()).isEqualTo(200);
    }
  }

  @Test
  void startWhenAlreadyStartedThenThrows() {
    try (OpenFgaTestServer server = new OpenFgaTestServer().start()) {
      assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> server.withThreads(2)).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void startWhenThePortIsTakenThenThrows() {
    try (OpenFgaTestServer first = new OpenFgaTestServer().start()) {
      OpenFgaTestServer second = new OpenFgaTestServer();

      assertThatThrownBy(() -> second.start(first.port()))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining(String.valueOf(first.port()));
    }
  }

  @Test
  void closeStopsListeningAndKeepsTheStores() {
    OpenFgaTestServer server = new OpenFgaTestServer().start();
    Http http = new Http(server.uri());
    String store = http.createStore("kept");

    server.close();
    server.close();

    assertThatThrownBy(() -> http.get("/stores")).isInstanceOf(UncheckedIOException.class);
    assertThatThrownBy(server::uri).isInstanceOf(IllegalStateException.class);
    assertThat(server.stores().get(store).name()).isEqualTo("kept");
  }

  @Test
  void withLatencyThenEveryAnswerTakesAtLeastThatLong() {
    try (OpenFgaTestServer server =
        new OpenFgaTestServer().withLatency(Duration.ofMillis(150)).start()) {
      Http http = new Http(server.uri());

      long started = System.nanoTime();
      Http.Response response = http.get("/stores");
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

      assertThat(response.status()).isEqualTo(200);
      assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }
  }

  @Test
  void withLatencyThenConcurrentRequestsWaitInParallelNotInTurn() {
    try (OpenFgaTestServer server =
        new OpenFgaTestServer().withThreads(1).withLatency(Duration.ofMillis(250)).start()) {
      Http http = new Http(server.uri());
      int requests = 8;

      ExecutorService clients = Executors.newFixedThreadPool(requests);
      long started = System.nanoTime();
      List<CompletableFuture<Http.Response>> responses = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        responses.add(CompletableFuture.supplyAsync(() -> http.get("/stores"), clients));
      }
      responses.forEach(r -> assertThat(r.join().status()).isEqualTo(200));
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      clients.shutdown();

      // One worker thread: in turn, eight delays would take at least 2 s.
      assertThat(elapsed).isLessThan(Duration.ofMillis(250L * requests * 3 / 4));
    }
  }

  @Test
  void withLatencyWhenNegativeThenThrows() {
    assertThatThrownBy(() -> new OpenFgaTestServer().withLatency(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void requestCountCountsAnsweredRequestsPerEndpoint() {
    try (OpenFgaTestServer server = new OpenFgaTestServer().start()) {
      Http http = new Http(server.uri());
      String store = http.createStore("counted");
      http.get("/stores/" + store);
      http.get("/stores/" + store);
      http.post("/stores/" + store + "/batch-check", "{\"checks\": []}");
      http.get("/nowhere");

      assertThat(server.requestCount(OpenFgaEndpoint.CREATE_STORE)).isEqualTo(1);
      assertThat(server.requestCount(OpenFgaEndpoint.GET_STORE)).isEqualTo(2);
      assertThat(server.requestCount(OpenFgaEndpoint.BATCH_CHECK)).isEqualTo(1);
      assertThat(server.requestCount(OpenFgaEndpoint.CHECK)).isZero();
      assertThat(server.requestCount()).isEqualTo(5);

      server.resetCounts();

      assertThat(server.requestCount(OpenFgaEndpoint.GET_STORE)).isZero();
      assertThat(server.requestCount()).isZero();
    }
  }

  @Test
  void endpointsNameTheirMethodAndPathTemplate() {
    assertThat(OpenFgaEndpoint.BATCH_CHECK.method()).isEqualTo("POST");
    assertThat(OpenFgaEndpoint.BATCH_CHECK.pathTemplate())
        .isEqualTo("/stores/{store_id}/batch-check");
    assertThat(OpenFgaEndpoint.DELETE_STORE).hasToString("DELETE /stores/{store_id}");
  }
}
