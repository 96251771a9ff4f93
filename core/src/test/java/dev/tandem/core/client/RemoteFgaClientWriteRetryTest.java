package dev.tandem.core.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
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
import dev.tandem.core.FgaUnavailableException;
import dev.tandem.core.FgaValidationException;
import dev.tandem.core.tuple.TupleKey;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Writes are resent only when the server cannot have applied them, or when a resend cannot apply
 * them twice.
 */
class RemoteFgaClientWriteRetryTest {

  private static final String WRITE = "/stores/" + STORE + "/write";
  private static final WriteRequest GRANT =
      WriteRequest.writes(TupleKey.of("doc:1", "viewer", "user:anne"));

  private WireMockServer server;
  private RemoteFgaClient client;

  @BeforeEach
  void start() {
    server = RemoteServer.start();
    client =
        RemoteFgaClient.create(
            RemoteServer.with(
                RemoteServer.fast(server), Duration.ofSeconds(1), Duration.ofSeconds(5), 2),
            STORE,
            MODEL);
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop();
  }

  private int writes() {
    return RemoteServer.posts(server, WRITE);
  }

  private void failOnceThenSucceed(ResponseDefinitionBuilder failure) {
    server.stubFor(
        post(WRITE)
            .inScenario("write")
            .whenScenarioStateIs(STARTED)
            .willReturn(failure)
            .willSetStateTo("ok"));
    server.stubFor(
        post(WRITE).inScenario("write").whenScenarioStateIs("ok").willReturn(okJson("{}")));
  }

  @Test
  void writeWhenServerErrorThenNotResent() {
    failOnceThenSucceed(aResponse().withStatus(500));

    assertUnavailable(() -> client.write(GRANT));
    assertThat(writes()).isEqualTo(1);
  }

  @Test
  void writeWhenTimedOutThenNotResent() {
    failOnceThenSucceed(okJson("{}").withFixedDelay(2_000));

    assertUnavailable(() -> client.write(GRANT));
    assertThat(writes()).isEqualTo(1);
  }

  @Test
  void writeWhenConnectionResetThenNotResent() {
    failOnceThenSucceed(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    assertUnavailable(() -> client.write(GRANT));
    assertThat(writes()).isEqualTo(1);
  }

  /** A first write answered, so the next one goes out on the pooled keep-alive connection. */
  private void answerOnceThenFailOnceThen(ResponseDefinitionBuilder then) {
    server.stubFor(
        post(WRITE)
            .inScenario("write")
            .whenScenarioStateIs(STARTED)
            .willReturn(okJson("{}"))
            .willSetStateTo("pooled"));
    server.stubFor(
        post(WRITE)
            .inScenario("write")
            .whenScenarioStateIs("pooled")
            .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE))
            .willSetStateTo("resent"));
    server.stubFor(post(WRITE).inScenario("write").whenScenarioStateIs("resent").willReturn(then));
  }

  @Test
  void writeOnPooledConnectionClosedBeforeAnyAnswerByteThenResentOnce() {
    answerOnceThenFailOnceThen(okJson("{}"));
    client.write(GRANT);

    client.write(GRANT);

    assertThat(writes()).isEqualTo(3);
    assertThat(server.findAll(postRequestedFor(urlEqualTo(WRITE))))
        .allSatisfy(
            request ->
                assertThat(request.getBodyAsString())
                    .as("the resend stays strict: a write applied once is rejected, not repeated")
                    .doesNotContain("on_duplicate")
                    .doesNotContain("on_missing"));
  }

  @Test
  void writeOnNewConnectionClosedBeforeAnyAnswerByteThenNotResent() {
    failOnceThenSucceed(aResponse().withFault(Fault.EMPTY_RESPONSE));

    assertUnavailable(() -> client.write(GRANT));
    assertThat(writes()).isEqualTo(1);
  }

  @Test
  void writeWhenResendAfterUnansweredAttemptIsRejectedAsDuplicateThenOutcomeUnknown() {
    answerOnceThenFailOnceThen(
        aResponse()
            .withStatus(400)
            .withHeader("Content-Type", "application/json")
            .withBody(
                "{\"code\":\"write_failed_due_to_invalid_input\","
                    + "\"message\":\"cannot write a tuple which already exists\"}"));
    client.write(GRANT);

    assertThatThrownBy(() -> client.write(GRANT))
        .isInstanceOf(FgaUnavailableException.class)
        .hasMessageContaining("outcome is unknown");
    assertThat(writes()).isEqualTo(3);
  }

  @Test
  void writeRejectedAsDuplicateWithoutEarlierFailureThenValidationError() {
    server.stubFor(
        post(WRITE)
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"code\":\"write_failed_due_to_invalid_input\","
                            + "\"message\":\"cannot write a tuple which already exists\"}")));

    assertThatThrownBy(() -> client.write(GRANT))
        .isInstanceOfSatisfying(
            FgaValidationException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.WRITE_FAILED_DUE_TO_INVALID_INPUT));
    assertThat(writes()).isEqualTo(1);
  }

  @Test
  void writeWhenThrottledOrUnavailableThenResent() {
    failOnceThenSucceed(aResponse().withStatus(503));

    client.write(GRANT);

    assertThat(writes()).isEqualTo(2);
  }

  @Test
  void writeWhenAnsweredWithoutBodyThenSucceeds() {
    server.stubFor(post(WRITE).willReturn(aResponse().withStatus(200)));

    client.write(GRANT);

    assertThat(writes()).isEqualTo(1);
  }
}
