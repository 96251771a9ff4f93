package dev.tandem.core.internal.remote;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.tandem.core.FgaUnavailableException;
import dev.tandem.core.client.Credentials;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientCredentialsTokensTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
  private WireMockServer server;
  private ClientCredentialsTokens tokens;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
    tokens = tokens(Duration.ofSeconds(2));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private ClientCredentialsTokens tokens(Duration fetchTimeout) {
    Credentials.ClientCredentials credentials =
        new Credentials.ClientCredentials(
            URI.create("http://localhost:" + server.port() + "/oauth/token"),
            "tandem-app",
            "s3cret&=",
            "https://api.fga.example/",
            List.of("read", "write"));
    return new ClientCredentialsTokens(
        credentials, HttpClient.newHttpClient(), fetchTimeout, clock);
  }

  private void issue(ResponseDefinitionBuilder response) {
    server.stubFor(post("/oauth/token").willReturn(response));
  }

  private void issueInTurn(String... bodies) {
    String state = STARTED;
    for (int i = 0; i < bodies.length; i++) {
      String next = "issued-" + i;
      server.stubFor(
          post("/oauth/token")
              .inScenario("tokens")
              .whenScenarioStateIs(state)
              .willReturn(okJson(bodies[i]))
              .willSetStateTo(next));
      state = next;
    }
  }

  private static String token(String value, long expiresIn) {
    return "{\"access_token\": \""
        + value
        + "\", \"token_type\": \"Bearer\", \"expires_in\": "
        + expiresIn
        + "}";
  }

  private int fetches() {
    return server
        .countRequestsMatching(postRequestedFor(urlEqualTo("/oauth/token")).build())
        .getCount();
  }

  @Test
  void headerFetchesATokenWithTheClientCredentialsGrantOnceAndCachesIt() {
    server.stubFor(
        post("/oauth/token")
            .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
            .withRequestBody(
                equalTo(
                    "grant_type=client_credentials&client_id=tandem-app&client_secret=s3cret%26%3D"
                        + "&audience=https%3A%2F%2Fapi.fga.example%2F&scope=read+write"))
            .willReturn(okJson(token("t1", 3600))));

    assertThat(tokens.header(WAIT)).isEqualTo("Bearer t1");
    clock.advance(Duration.ofMinutes(30));
    assertThat(tokens.header(WAIT)).isEqualTo("Bearer t1");
    assertThat(fetches()).isEqualTo(1);
  }

  @Test
  void headerRefreshesSixtySecondsBeforeExpiryOfALongLivedToken() {
    issueInTurn(token("t1", 3600), token("t2", 3600));
    tokens.header(WAIT);

    clock.advance(Duration.ofSeconds(3539));
    assertThat(tokens.header(WAIT)).isEqualTo("Bearer t1");
    assertThat(fetches()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(62));
    assertThat(tokens.header(WAIT)).isEqualTo("Bearer t2");
    assertThat(fetches()).isEqualTo(2);
  }

  @Test
  void headerAfterNinetyPercentOfLifetimeKeepsTheValidTokenWhileOneRefreshRuns() {
    issueInTurn(token("t1", 100), token("t2", 100));
    tokens.header(WAIT);

    clock.advance(Duration.ofSeconds(91));
    assertThat(tokens.header(WAIT)).isEqualTo("Bearer t1");

    clock.advance(Duration.ofSeconds(10));
    assertThat(tokens.header(WAIT)).isEqualTo("Bearer t2");
    assertThat(fetches()).isEqualTo(2);
  }

  @Test
  void headerFromManyThreadsAtOnceMakesOneTokenCall() throws Exception {
    issue(okJson(token("shared", 3600)).withFixedDelay(300));
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Callable<String> caller =
            () -> {
              go.await();
              return tokens.header(WAIT);
            };
        results.add(pool.submit(caller));
      }
      go.countDown();
      for (Future<String> result : results) {
        assertThat(result.get()).isEqualTo("Bearer shared");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(fetches()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 500, 503})
  void headerWhenTokenEndpointFailsThenUnavailableWithoutTheSecretAndRetriedNextTime(int status) {
    issue(aResponse().withStatus(status).withBody("{\"error\": \"invalid_client s3cret&=\"}"));

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> tokens.header(WAIT))
          .isInstanceOf(FgaUnavailableException.class)
          .hasMessageContaining("HTTP " + status)
          .hasMessageNotContaining("s3cret");
    }
    assertThat(fetches()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not json",
        "{}",
        "{\"access_token\": \"\"}",
        "{\"access_token\": 42}",
        "{\"access_token\": \"t\", \"token_type\": \"mac\"}",
        "{\"access_token\": \"t\", \"expires_in\": \"soon\"}"
      })
  void headerWhenTokenAnswerIsUnusableThenUnavailable(String body) {
    issue(okJson(body));

    assertThatThrownBy(() -> tokens.header(WAIT)).isInstanceOf(FgaUnavailableException.class);
  }

  @Test
  void headerWhenTokenEndpointHangsThenUnavailableWithinTheCallersTimeout() {
    issue(okJson(token("late", 3600)).withFixedDelay(2_000));
    long start = System.nanoTime();

    assertThatThrownBy(() -> tokens.header(Duration.ofMillis(200)))
        .isInstanceOf(FgaUnavailableException.class)
        .hasMessageContaining("did not answer");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_500));
  }

  @Test
  void headerWithoutExpiresInAssumesTheDefaultLifetime() {
    issueInTurn("{\"access_token\": \"t1\"}", "{\"access_token\": \"t2\"}");
    tokens.header(WAIT);

    clock.advance(ClientCredentialsTokens.DEFAULT_LIFETIME.minusSeconds(31));
    assertThat(tokens.header(WAIT)).isEqualTo("Bearer t1");
    assertThat(fetches()).isEqualTo(1);
  }

  @Test
  void rejectedDropsTheCachedTokenSoTheNextCallFetchesAnother() {
    issueInTurn(token("t1", 3600), token("t2", 3600));
    assertThat(tokens.header(WAIT)).isEqualTo("Bearer t1");

    tokens.rejected();

    assertThat(tokens.header(WAIT)).isEqualTo("Bearer t2");
  }

  /** A clock the test moves by hand. */
  private static final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;

    MutableClock(Instant start) {
      this.now = new AtomicReference<>(start);
    }

    void advance(Duration duration) {
      now.updateAndGet(instant -> instant.plus(duration));
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
