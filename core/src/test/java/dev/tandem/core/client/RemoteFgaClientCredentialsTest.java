package dev.tandem.core.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.tandem.core.client.RemoteServer.MODEL;
import static dev.tandem.core.client.RemoteServer.STORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.tandem.core.FgaUnavailableException;
import dev.tandem.core.engine.CheckRequest;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OAuth client credentials end to end: the token endpoint and the FGA server on one WireMock. */
class RemoteFgaClientCredentialsTest {

  private static final String CHECK = "/stores/" + STORE + "/check";
  private static final CheckRequest ANNE_VIEWS_DOC =
      CheckRequest.of("doc:1", "viewer", "user:anne");

  private WireMockServer server;
  private RemoteFgaClient client;

  @BeforeEach
  void start() {
    server = RemoteServer.start();
    Credentials credentials =
        Credentials.clientCredentials(
            URI.create("http://localhost:" + server.port() + "/oauth/token"),
            "tandem-app",
            "very-secret",
            "https://api.fga.example/",
            List.of());
    client =
        RemoteFgaClient.create(
            RemoteServer.withCredentials(RemoteServer.fast(server), credentials), STORE, MODEL);
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop();
  }

  private int calls(String path) {
    return RemoteServer.posts(server, path);
  }

  @Test
  void checkSendsTheFetchedTokenAndReusesIt() {
    server.stubFor(
        post("/oauth/token")
            .willReturn(okJson("{\"access_token\": \"tok-1\", \"expires_in\": 3600}")));
    server.stubFor(
        post(CHECK)
            .withHeader("Authorization", equalTo("Bearer tok-1"))
            .willReturn(okJson("{\"allowed\": true}")));

    assertThat(client.check(ANNE_VIEWS_DOC).allowed()).isTrue();
    assertThat(client.check(ANNE_VIEWS_DOC).allowed()).isTrue();

    assertThat(calls("/oauth/token")).isEqualTo(1);
    assertThat(calls(CHECK)).isEqualTo(2);
  }

  @Test
  void checkWhenTokenEndpointFailsThenUnavailableAndTheServerIsNotAsked() {
    server.stubFor(post("/oauth/token").willReturn(aResponse().withStatus(503)));
    server.stubFor(post(CHECK).willReturn(okJson("{\"allowed\": true}")));

    assertThatThrownBy(() -> client.check(ANNE_VIEWS_DOC))
        .isInstanceOf(FgaUnavailableException.class)
        .hasMessageContaining("token endpoint")
        .hasMessageNotContaining("very-secret");
    assertThat(calls(CHECK)).isZero();
  }

  @Test
  void checkWhenServerRejectsTheTokenThenUnavailableAndTheNextCallGetsANewToken() {
    server.stubFor(
        post("/oauth/token")
            .inScenario("tokens")
            .whenScenarioStateIs(STARTED)
            .willReturn(okJson("{\"access_token\": \"revoked\", \"expires_in\": 3600}"))
            .willSetStateTo("second"));
    server.stubFor(
        post("/oauth/token")
            .inScenario("tokens")
            .whenScenarioStateIs("second")
            .willReturn(okJson("{\"access_token\": \"fresh\", \"expires_in\": 3600}")));
    server.stubFor(
        post(CHECK)
            .withHeader("Authorization", equalTo("Bearer revoked"))
            .willReturn(aResponse().withStatus(401)));
    server.stubFor(
        post(CHECK)
            .withHeader("Authorization", equalTo("Bearer fresh"))
            .willReturn(okJson("{\"allowed\": true}")));

    assertThatThrownBy(() -> client.check(ANNE_VIEWS_DOC))
        .isInstanceOf(FgaUnavailableException.class)
        .hasMessageContaining("authentication");
    assertThat(client.check(ANNE_VIEWS_DOC).allowed()).isTrue();
  }
}
