package dev.tandem.core.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.tandem.core.client.RemoteServer.MODEL;
import static dev.tandem.core.client.RemoteServer.STORE;
import static dev.tandem.core.client.RemoteServer.assertUnavailable;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.tandem.core.tuple.TupleKey;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Writes are resent only when the server cannot have applied them. */
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
