package dev.tandem.spring;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.tandem.core.FgaUnavailableException;
import dev.tandem.core.actor.Actor;
import dev.tandem.core.authz.Authorizer;
import dev.tandem.core.authz.Decision;
import dev.tandem.core.authz.DenialReason;
import dev.tandem.core.client.FgaClient;
import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.engine.ListObjectsRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The {@code tandem.remote.*} properties as the remote client applies them, seen on the wire: a
 * WireMock server stands in for the FGA server and the OAuth token endpoint. {@code tandem.model}
 * is set and no method is annotated, so startup sends nothing and every request counted here comes
 * from the test.
 */
class RemotePropertiesTest {

  private static final String STORE = "01HSTORE0000000000000000AA";
  private static final String MODEL = "01HMODEL0000000000000000BB";
  private static final String CHECK = "/stores/" + STORE + "/check";
  private static final String LIST_OBJECTS = "/stores/" + STORE + "/list-objects";
  private static final String TOKEN_PATH = "/oauth/token";
  private static final CheckRequest ALICE_VIEWS_P1 =
      CheckRequest.of("project:p1", "can_view", "user:alice");
  private static final CheckRequest ALICE_VIEWS_P2 =
      CheckRequest.of("project:p2", "can_view", "user:alice");

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(TandemAutoConfiguration.class))
          .withPropertyValues(Repo.modelProperty(), "tandem.mode=remote");

  private WireMockServer server;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  /** Remote mode against the stub, with {@code properties} on top. */
  private ApplicationContextRunner remote(String... properties) {
    return runner
        .withPropertyValues(
            "tandem.remote.api-url=" + server.baseUrl(), "tandem.remote.store-id=" + STORE)
        .withPropertyValues(properties);
  }

  private void answerChecks(ResponseDefinitionBuilder response) {
    server.stubFor(post(CHECK).willReturn(response));
  }

  private int posts(String path) {
    return server.countRequestsMatching(postRequestedFor(urlEqualTo(path)).build()).getCount();
  }

  private List<String> authorizationHeaders() {
    return server.getAllServeEvents().stream()
        .map(ServeEvent::getRequest)
        .map(request -> String.valueOf(request.getHeader("Authorization")))
        .toList();
  }

  @Test
  void requestsWhenApiTokenSetThenEachCarriesItAsBearer() {
    answerChecks(okJson("{\"allowed\": true}"));
    server.stubFor(post(LIST_OBJECTS).willReturn(okJson("{\"objects\": [\"project:p1\"]}")));

    remote("tandem.remote.api-token=s3cr3t-key")
        .run(
            context -> {
              FgaClient client = context.getBean(FgaClient.class);
              assertThat(client.check(ALICE_VIEWS_P1).allowed()).isTrue();
              assertThat(client.check(ALICE_VIEWS_P2).allowed()).isTrue();
              assertThat(
                      client.listObjects(
                          ListObjectsRequest.of("project", "can_view", "user:alice")))
                  .containsExactly("project:p1");
            });

    assertThat(authorizationHeaders())
        .hasSize(3)
        .allSatisfy(header -> assertThat(header).isEqualTo("Bearer s3cr3t-key"));
  }

  @Test
  void requestsWhenNoCredentialsSetThenCarryNoAuthorization() {
    server.stubFor(
        post(CHECK)
            .withHeader("Authorization", absent())
            .willReturn(okJson("{\"allowed\": true}")));

    remote()
        .run(
            context ->
                assertThat(context.getBean(FgaClient.class).check(ALICE_VIEWS_P1).allowed())
                    .isTrue());

    assertThat(posts(CHECK)).isEqualTo(1);
  }

  @Test
  void checkWhenClientCredentialsSetThenPostsTheFormToTheTokenUrlAndReusesTheToken() {
    server.stubFor(
        post(TOKEN_PATH)
            .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
            .withRequestBody(
                equalTo(
                    "grant_type=client_credentials&client_id=tandem-app&client_secret=very-secret"
                        + "&audience=https%3A%2F%2Fapi.us1.fga.dev%2F&scope=read+write"))
            .willReturn(
                okJson(
                    "{\"access_token\": \"tok-1\", \"token_type\": \"Bearer\","
                        + " \"expires_in\": 3600}")));
    server.stubFor(
        post(CHECK)
            .withHeader("Authorization", equalTo("Bearer tok-1"))
            .willReturn(okJson("{\"allowed\": true}")));

    remote(
            "tandem.remote.client-credentials.token-url=" + server.baseUrl() + TOKEN_PATH,
            "tandem.remote.client-credentials.client-id=tandem-app",
            "tandem.remote.client-credentials.client-secret=very-secret",
            "tandem.remote.client-credentials.audience=https://api.us1.fga.dev/",
            "tandem.remote.client-credentials.scopes=read,write")
        .run(
            context -> {
              FgaClient client = context.getBean(FgaClient.class);
              assertThat(client.check(ALICE_VIEWS_P1).allowed()).isTrue();
              assertThat(client.check(ALICE_VIEWS_P2).allowed()).isTrue();
            });

    assertThat(posts(TOKEN_PATH)).isEqualTo(1);
    assertThat(posts(CHECK)).isEqualTo(2);
    List<ServeEvent> newestFirst = server.getAllServeEvents();
    assertThat(newestFirst.get(newestFirst.size() - 1).getRequest().getUrl()).isEqualTo(TOKEN_PATH);
  }

  @Test
  void startupWhenApiTokenAndClientCredentialsBothSetThenFailsNamingBoth() {
    remote(
            "tandem.remote.api-token=s3cr3t-key",
            "tandem.remote.client-credentials.token-url=" + server.baseUrl() + TOKEN_PATH,
            "tandem.remote.client-credentials.client-id=tandem-app",
            "tandem.remote.client-credentials.client-secret=very-secret")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("tandem.remote.api-token")
                    .hasMessageContaining("tandem.remote.client-credentials"));
  }

  @Test
  void startupWhenApiTokenBlankThenFailsNamingTheKey() {
    remote("tandem.remote.api-token= ")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("tandem.remote.api-token is blank"));
  }

  @Test
  void startupWhenRetriesNegativeOrTimeoutZeroThenFailsNamingTheKey() {
    remote("tandem.remote.retries=-1")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("tandem.remote.retries must not be negative, got -1"));
    remote("tandem.remote.attempt-timeout=0s")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("tandem.remote.attempt-timeout must be positive"));
  }

  @Test
  void startupWhenApiTokenAndClientIdSetWithoutTokenUrlThenFailsNamingBoth() {
    remote(
            "tandem.remote.api-token=s3cr3t-key",
            "tandem.remote.client-credentials.client-id=tandem-app",
            "tandem.remote.client-credentials.client-secret=very-secret")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("tandem.remote.api-token")
                    .hasMessageContaining("tandem.remote.client-credentials"));
  }

  @Test
  void startupWhenClientCredentialsSetWithoutTokenUrlThenFailsNamingTokenUrl() {
    remote(
            "tandem.remote.client-credentials.client-id=tandem-app",
            "tandem.remote.client-credentials.client-secret=very-secret",
            "tandem.remote.client-credentials.audience=https://api.us1.fga.dev/")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("tandem.remote.client-credentials.token-url"));
  }

  @Test
  void checkWhenNoRetriesAndServerAnswers500ThenOneRequestAndUnavailable() {
    answerChecks(aResponse().withStatus(500));

    remote("tandem.remote.retries=0")
        .run(
            context ->
                assertThatThrownBy(() -> context.getBean(FgaClient.class).check(ALICE_VIEWS_P1))
                    .isInstanceOf(FgaUnavailableException.class));

    assertThat(posts(CHECK)).isEqualTo(1);
  }

  @Test
  void decideWhenNoRetriesAndServerAnswers500ThenDeniedAsUnavailable() {
    server.stubFor(post(urlPathMatching("/stores/.*")).willReturn(aResponse().withStatus(500)));

    remote("tandem.remote.retries=0")
        .run(
            context -> {
              Decision decision =
                  context
                      .getBean(Authorizer.class)
                      .decide(Actor.user("alice"), "can_view", "project:p1");
              assertThat(decision).isInstanceOf(Decision.Denied.class);
              assertThat(((Decision.Denied) decision).hasReason(DenialReason.UNAVAILABLE)).isTrue();
            });

    assertThat(server.getAllServeEvents()).hasSize(1);
  }

  @Test
  void checkWhenTwoRetriesAndServerAnswers500ThenThreeRequests() {
    answerChecks(aResponse().withStatus(500));

    remote("tandem.remote.retries=2")
        .run(
            context ->
                assertThatThrownBy(() -> context.getBean(FgaClient.class).check(ALICE_VIEWS_P1))
                    .isInstanceOf(FgaUnavailableException.class));

    assertThat(posts(CHECK)).isEqualTo(3);
  }

  @Test
  void checkWhenModelIdSetThenSentAsAuthorizationModelIdAndReported() {
    server.stubFor(
        post(CHECK)
            .withRequestBody(matchingJsonPath("$.authorization_model_id", equalTo(MODEL)))
            .willReturn(okJson("{\"allowed\": true}")));

    remote("tandem.remote.model-id=" + MODEL)
        .run(
            context -> {
              FgaClient client = context.getBean(FgaClient.class);
              assertThat(client.modelId()).contains(MODEL);
              assertThat(client.check(ALICE_VIEWS_P1).allowed()).isTrue();
            });

    assertThat(posts(CHECK)).isEqualTo(1);
  }

  @Test
  void checkWhenAttemptTimeoutShorterThanServerDelayThenEachAttemptTimesOut() {
    answerChecks(okJson("{\"allowed\": true}").withFixedDelay(10_000));

    // Four attempts of 300 ms take about 1.3 s; with the default 2 s per attempt they would take
    // over 8 s, so the bound below tells the property was applied.
    remote(
            "tandem.remote.attempt-timeout=300ms",
            "tandem.remote.overall-timeout=30s",
            "tandem.remote.retries=3")
        .run(
            context -> {
              FgaClient client = context.getBean(FgaClient.class);
              long start = System.nanoTime();
              assertThatThrownBy(() -> client.check(ALICE_VIEWS_P1))
                  .isInstanceOf(FgaUnavailableException.class)
                  .hasMessageContaining("attempt timeout");
              assertThat(Duration.ofNanos(System.nanoTime() - start))
                  .isLessThan(Duration.ofSeconds(6));
            });
  }

  @Test
  void checkWhenOverallTimeoutShorterThanServerDelayThenFailsWithinIt() {
    answerChecks(okJson("{\"allowed\": true}").withFixedDelay(10_000));

    // The attempt timeout alone would let the answer arrive after 10 s, the default overall
    // timeout would fail after 5 s; 300 ms overall fails well within the bound.
    remote(
            "tandem.remote.attempt-timeout=20s",
            "tandem.remote.overall-timeout=300ms",
            "tandem.remote.retries=0")
        .run(
            context -> {
              FgaClient client = context.getBean(FgaClient.class);
              long start = System.nanoTime();
              assertThatThrownBy(() -> client.check(ALICE_VIEWS_P1))
                  .isInstanceOf(FgaUnavailableException.class);
              assertThat(Duration.ofNanos(System.nanoTime() - start))
                  .isLessThan(Duration.ofSeconds(4));
            });
  }
}
