package dev.tandem.core.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.tandem.core.client.RemoteServer.MODEL;
import static dev.tandem.core.client.RemoteServer.STORE;
import static dev.tandem.core.client.RemoteServer.assertUnavailable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.tandem.core.ErrorCode;
import dev.tandem.core.FgaNotFoundException;
import dev.tandem.core.FgaUnavailableException;
import dev.tandem.core.FgaValidationException;
import dev.tandem.core.engine.CheckRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Faults of the server and the network. Each must end in an exception (or a retried success), never
 * in an allow the server did not give.
 */
class RemoteFgaClientFaultsTest {

  private static final String CHECK = "/stores/" + STORE + "/check";
  private static final CheckRequest ANNE_VIEWS_DOC =
      CheckRequest.of("doc:1", "viewer", "user:anne");

  private WireMockServer server;
  private RemoteFgaClient client;

  @BeforeEach
  void start() {
    server = RemoteServer.start();
    client = RemoteFgaClient.create(RemoteServer.fast(server), STORE, MODEL);
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop();
  }

  private void answerCheck(ResponseDefinitionBuilder response) {
    server.stubFor(post(CHECK).willReturn(response));
  }

  private int checkCalls() {
    return RemoteServer.posts(server, CHECK);
  }

  @Test
  void checkWhenConnectionRefusedThenUnavailable() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    RemoteOptions options = RemoteServer.fast(URI.create("http://127.0.0.1:" + port));
    try (RemoteFgaClient refused = RemoteFgaClient.create(options, STORE, MODEL)) {
      assertThatThrownBy(() -> refused.check(ANNE_VIEWS_DOC))
          .isInstanceOf(FgaUnavailableException.class)
          .hasMessageContaining("could not connect");
    }
  }

  @Test
  void checkWhenServerHangsThenEachAttemptTimesOutAndCallIsUnavailable() {
    answerCheck(okJson("{\"allowed\": true}").withFixedDelay(5_000));
    RemoteOptions options =
        RemoteServer.with(
            RemoteServer.fast(server), Duration.ofMillis(150), Duration.ofSeconds(3), 2);
    try (RemoteFgaClient hanging = RemoteFgaClient.create(options, STORE, MODEL)) {
      long start = System.nanoTime();

      assertThatThrownBy(() -> hanging.check(ANNE_VIEWS_DOC))
          .isInstanceOf(FgaUnavailableException.class)
          .hasMessageContaining("attempt timeout");

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
      // At most the first attempt and two retries. On a loaded machine an attempt can time out
      // before its request reaches the server, so none may have arrived at all.
      assertThat(checkCalls()).isLessThanOrEqualTo(3);
    }
  }

  @Test
  void checkWhenServerFailsOnceWith500ThenRetriedAndAnswered() {
    server.stubFor(
        post(CHECK)
            .inScenario("flaky")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(500))
            .willSetStateTo("recovered"));
    server.stubFor(
        post(CHECK)
            .inScenario("flaky")
            .whenScenarioStateIs("recovered")
            .willReturn(okJson("{\"allowed\": true}")));

    assertThat(client.check(ANNE_VIEWS_DOC).allowed()).isTrue();
    assertThat(checkCalls()).isEqualTo(2);
  }

  @Test
  void checkWhenServerKeepsFailingThenUnavailableAfterMaxRetries() {
    answerCheck(aResponse().withStatus(503));

    assertUnavailable(() -> client.check(ANNE_VIEWS_DOC));
    assertThat(checkCalls()).isEqualTo(3);
  }

  @Test
  void checkWhen501ThenNotRetried() {
    answerCheck(aResponse().withStatus(501));

    assertUnavailable(() -> client.check(ANNE_VIEWS_DOC));
    assertThat(checkCalls()).isEqualTo(1);
  }

  @Test
  void checkWhen400WithErrorCodeThenValidationExceptionWithThatCodeAndNoRetry() {
    answerCheck(
        aResponse()
            .withStatus(400)
            .withBody(
                "{\"code\": \"relation_not_found\", \"message\": \"relation 'x' not found\"}"));

    assertThatThrownBy(() -> client.check(ANNE_VIEWS_DOC))
        .isInstanceOfSatisfying(
            FgaValidationException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RELATION_NOT_FOUND))
        .hasMessage("relation 'x' not found");
    assertThat(checkCalls()).isEqualTo(1);
  }

  @Test
  void checkWhen400WithUnknownCodeThenGenericValidationError() {
    answerCheck(
        aResponse().withStatus(400).withBody("{\"code\": \"brand_new\", \"message\": \"m\"}"));

    assertThatThrownBy(() -> client.check(ANNE_VIEWS_DOC))
        .isInstanceOfSatisfying(
            FgaValidationException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR));
  }

  @Test
  void checkWhen400WithoutOpenFgaBodyThenUnavailable() {
    answerCheck(aResponse().withStatus(400).withBody("<html>bad request</html>"));

    assertUnavailable(() -> client.check(ANNE_VIEWS_DOC));
    assertThat(checkCalls()).isEqualTo(1);
  }

  @Test
  void checkWhenStoreMissingThenNotFound() {
    answerCheck(
        aResponse()
            .withStatus(404)
            .withBody("{\"code\": \"store_id_not_found\", \"message\": \"store not found\"}"));

    assertThatThrownBy(() -> client.check(ANNE_VIEWS_DOC)).isInstanceOf(FgaNotFoundException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 403})
  void checkWhenCredentialsRejectedThenUnavailableWithoutLeakingThem(int status) {
    RemoteOptions options =
        RemoteServer.withCredentials(
            RemoteServer.fast(server), Credentials.apiToken("s3cret-token"));
    answerCheck(aResponse().withStatus(status).withBody("{\"code\": \"unauthenticated\"}"));
    try (RemoteFgaClient authed = RemoteFgaClient.create(options, STORE, MODEL)) {
      assertThatThrownBy(() -> authed.check(ANNE_VIEWS_DOC))
          .isInstanceOf(FgaUnavailableException.class)
          .hasMessageContaining("authentication to the FGA server failed")
          .hasMessageNotContaining("s3cret");
      assertThat(checkCalls()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {302, 409, 422})
  void checkWhenOtherStatusThenUnavailableAndNotRetried(int status) {
    answerCheck(aResponse().withStatus(status).withHeader("Location", "http://elsewhere/"));

    assertUnavailable(() -> client.check(ANNE_VIEWS_DOC));
    assertThat(checkCalls()).isEqualTo(1);
  }

  @Test
  void checkWhen429WithShortRetryAfterThenWaitsAndRetries() {
    server.stubFor(
        post(CHECK)
            .inScenario("throttled")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
            .willSetStateTo("open"));
    server.stubFor(
        post(CHECK)
            .inScenario("throttled")
            .whenScenarioStateIs("open")
            .willReturn(okJson("{\"allowed\": false}")));
    long start = System.nanoTime();

    assertThat(client.check(ANNE_VIEWS_DOC).allowed()).isFalse();

    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(checkCalls()).isEqualTo(2);
  }

  @Test
  void checkWhen429WithRetryAfterBeyondCapThenFailsFastWithoutWaiting() {
    answerCheck(aResponse().withStatus(429).withHeader("Retry-After", "3600"));
    long start = System.nanoTime();

    assertUnavailable(() -> client.check(ANNE_VIEWS_DOC));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(checkCalls()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"allowed\": tr",
        "{\"allowed\": true",
        "not json",
        "[true]",
        "{\"allowed\": true} {\"allowed\": false}",
        "{}",
        "{\"allowed\": \"true\"}",
        "{\"allowed\": 1}",
        "{\"allowed\": null}",
        "{\"allowed\": true, \"allowed\": false}",
        ""
      })
  void checkWhenAnswerIsNotExactlyABooleanAllowedThenUnavailable(String body) {
    answerCheck(okJson(body));

    assertThatThrownBy(() -> client.check(ANNE_VIEWS_DOC))
        .isInstanceOf(FgaUnavailableException.class)
        .hasMessageContaining("malformed");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "EMPTY_RESPONSE",
        "MALFORMED_RESPONSE_CHUNK",
        "RANDOM_DATA_THEN_CLOSE",
        "CONNECTION_RESET_BY_PEER"
      })
  void checkWhenConnectionBreaksThenUnavailable(String fault) {
    answerCheck(aResponse().withFault(Fault.valueOf(fault)));

    assertUnavailable(() -> client.check(ANNE_VIEWS_DOC));
  }

  @Test
  void checkWhenAllowArrivesAfterTheOverallDeadlineThenUnavailable() {
    answerCheck(okJson("{\"allowed\": true}").withFixedDelay(1_500));
    RemoteOptions options =
        RemoteServer.with(
            RemoteServer.fast(server), Duration.ofSeconds(5), Duration.ofMillis(400), 3);
    try (RemoteFgaClient impatient = RemoteFgaClient.create(options, STORE, MODEL)) {
      long start = System.nanoTime();

      assertThatThrownBy(() -> impatient.check(ANNE_VIEWS_DOC))
          .isInstanceOf(FgaUnavailableException.class)
          .hasMessageContaining("overall timeout");

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_400));
    }
  }

  @Test
  void checkWhenCircuitBreakerOpenThenFailsFastWithoutCallingTheServer() {
    answerCheck(aResponse().withStatus(500));
    RemoteOptions options =
        RemoteServer.with(
            RemoteServer.fast(server), Duration.ofSeconds(2), Duration.ofSeconds(5), 0);
    try (RemoteFgaClient breaking = RemoteFgaClient.create(options, STORE, MODEL)) {
      for (int i = 0; i < 10; i++) {
        assertUnavailable(() -> breaking.check(ANNE_VIEWS_DOC));
      }
      int calls = checkCalls();
      answerCheck(okJson("{\"allowed\": true}"));

      assertThatThrownBy(() -> breaking.check(ANNE_VIEWS_DOC))
          .isInstanceOf(FgaUnavailableException.class)
          .hasMessageContaining("circuit breaker is open");
      assertThat(checkCalls()).isEqualTo(calls).isEqualTo(10);
    }
  }

  @Test
  void checkWhenValidationErrorsRepeatThenCircuitBreakerStaysClosed() {
    answerCheck(aResponse().withStatus(400).withBody("{\"code\": \"validation_error\"}"));
    RemoteOptions options =
        RemoteServer.with(
            RemoteServer.fast(server), Duration.ofSeconds(2), Duration.ofSeconds(5), 0);
    try (RemoteFgaClient validating = RemoteFgaClient.create(options, STORE, MODEL)) {
      for (int i = 0; i < 15; i++) {
        assertThatThrownBy(() -> validating.check(ANNE_VIEWS_DOC))
            .isInstanceOf(FgaValidationException.class);
      }
      assertThat(checkCalls()).isEqualTo(15);
    }
  }

  @Test
  void checkWhenHttpsMeetsPlainHttpPortThenUnavailable() {
    RemoteOptions options = RemoteServer.fast(URI.create("https://localhost:" + server.port()));
    try (RemoteFgaClient tls = RemoteFgaClient.create(options, STORE, MODEL)) {
      assertUnavailable(() -> tls.check(ANNE_VIEWS_DOC));
    }
  }

  @Test
  void checkWhenServerCertificateIsUntrustedThenUnavailable() {
    answerCheck(okJson("{\"allowed\": true}"));
    RemoteOptions options =
        RemoteServer.fast(URI.create("https://localhost:" + server.httpsPort()));
    try (RemoteFgaClient tls = RemoteFgaClient.create(options, STORE, MODEL)) {
      assertThatThrownBy(() -> tls.check(ANNE_VIEWS_DOC))
          .isInstanceOf(FgaUnavailableException.class)
          .hasMessageContaining("TLS");
      assertThat(checkCalls()).isZero();
    }
  }
}
