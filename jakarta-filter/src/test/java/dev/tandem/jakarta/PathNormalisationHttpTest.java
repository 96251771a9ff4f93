package dev.tandem.jakarta;

import static dev.tandem.jakarta.RouteRulesHttpTest.assertProblem;
import static dev.tandem.jakarta.Tokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.authz.Authorizer;
import dev.tandem.core.http.AuthorizationProblem;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Paths that could reach a handler while skipping its rule. Erin may not view project apollo, and
 * {@code /static/**} and {@code /health} are public. Each ambiguous form is sent to Jetty as it
 * ships (which refuses most of them itself) and to a Jetty that lets them through, where the filter
 * must refuse them with its own 400.
 */
class PathNormalisationHttpTest {

  static CountingFgaClient client;
  static JettyServer strict;
  static JettyServer lenient;
  static String erin;
  static String alice;

  @BeforeAll
  static void start() throws Exception {
    client = new CountingFgaClient(ReferenceModel.client());
    strict = new JettyServer(RouteRulesHttpTest.filter(Authorizer.create(client)), false);
    lenient = new JettyServer(RouteRulesHttpTest.filter(Authorizer.create(client)), true);
    erin = bearer(RouteRulesHttpTest.TOKENS.sign(RouteRulesHttpTest.TOKENS.user("erin")));
    alice = bearer(RouteRulesHttpTest.TOKENS.sign(RouteRulesHttpTest.TOKENS.user("alice")));
  }

  @AfterAll
  static void stop() throws Exception {
    strict.close();
    lenient.close();
  }

  @BeforeEach
  void reset() {
    client.queries.set(0);
    strict.handled.set(0);
    lenient.handled.set(0);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "//projects/apollo",
        "/projects//apollo",
        "/projects/apollo;jsessionid=0123456789ABCDEF",
        "/projects;v=1/apollo",
        "/static/..;/projects/apollo",
        "/projects/apollo%3Bjsessionid=x",
        "/static/%2F..%2Fprojects/apollo",
        "/static%2F..%2Fprojects/apollo",
        "/projects/apollo%2Fx",
        "/static/%5C..%5Cprojects/apollo",
        "/./projects/apollo",
        "/static/./../projects/apollo",
        "/static/../projects/apollo",
        "/static/%2e%2e/projects/apollo",
        "/static/%252e%252e/projects/apollo",
        "/health/../projects/apollo",
        "/static/.."
      })
  void ambiguousPathWhenContainerRefusesItOrNotThenNeverHandled(String path) throws Exception {
    HttpResponse<String> byJetty = strict.get(path, "Authorization", erin);
    assertThat(byJetty.statusCode()).isEqualTo(400);

    assertProblem(lenient.get(path, "Authorization", erin), AuthorizationProblem.badRequest());
    assertProblem(lenient.get(path), AuthorizationProblem.badRequest());

    assertThat(strict.handled).hasValue(0);
    assertThat(lenient.handled).hasValue(0);
    assertThat(client.queries).hasValue(0);
  }

  @Test
  void trailingSlashWhenPresentThenSameDecisionAsWithout() throws Exception {
    for (JettyServer server : new JettyServer[] {strict, lenient}) {
      assertProblem(
          server.get("/projects/apollo/", "Authorization", erin), AuthorizationProblem.forbidden());
      assertThat(server.get("/projects/apollo/", "Authorization", alice).statusCode())
          .isEqualTo(200);
    }
    assertThat(client.queries).hasValue(4);
  }

  @Test
  void caseDifferenceWhenPathOrMethodThenNoRuleMatchesAndForbidden() throws Exception {
    for (JettyServer server : new JettyServer[] {strict, lenient}) {
      assertProblem(
          server.get("/PROJECTS/apollo", "Authorization", alice), AuthorizationProblem.forbidden());
      assertProblem(server.get("/Health"), AuthorizationProblem.forbidden());
      assertProblem(
          server.send("get", "/projects/apollo", "Authorization", alice),
          AuthorizationProblem.forbidden());
    }
    assertThat(strict.handled).hasValue(0);
    assertThat(lenient.handled).hasValue(0);
  }

  @Test
  void percentEncodedLettersWhenDecodedByTheContainerThenTheRuleOfTheDecodedPathApplies()
      throws Exception {
    assertProblem(
        strict.get("/projects/apoll%6F", "Authorization", erin), AuthorizationProblem.forbidden());
    assertThat(strict.get("/projects/apoll%6F", "Authorization", alice).body())
        .isEqualTo("handled GET /projects/apollo as alice");
    assertProblem(
        strict.get("/%70rojects/apollo", "Authorization", erin), AuthorizationProblem.forbidden());
  }

  @Test
  void requestOutsideTheContextWhenSentThenNeverReachesTheFilterOrHandler() throws Exception {
    HttpResponse<String> response = strict.get("/../projects/apollo", "Authorization", erin);
    assertThat(response.statusCode()).isIn(400, 404);
    assertThat(strict.handled).hasValue(0);
  }
}
