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
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Paths that could reach a handler while skipping its rule. Erin may not view project apollo, and
 * {@code /static/**} and {@code /health} are public. Each ambiguous form is sent to the container
 * as it ships (which may refuse it itself, or normalise it and pass it on) and to one configured to
 * let it through, where the filter must refuse it with its own 400.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PathNormalisationHttpTest {

  CountingFgaClient client;
  TestContainer strict;
  TestContainer lenient;
  String erin;
  String alice;

  /** The container this run is on. */
  abstract TestContainer.Kind container();

  @BeforeAll
  void start() throws Exception {
    client = new CountingFgaClient(ReferenceModel.client());
    strict = container().start(RouteRulesHttpTest.filter(Authorizer.create(client)), false);
    lenient = container().start(RouteRulesHttpTest.filter(Authorizer.create(client)), true);
    erin = bearer(RouteRulesHttpTest.TOKENS.sign(RouteRulesHttpTest.TOKENS.user("erin")));
    alice = bearer(RouteRulesHttpTest.TOKENS.sign(RouteRulesHttpTest.TOKENS.user("alice")));
  }

  @AfterAll
  void stop() throws Exception {
    strict.close();
    lenient.close();
  }

  @BeforeEach
  void reset() {
    client.queries.set(0);
    strict.handled().set(0);
    lenient.handled().set(0);
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
        "/static/%2e%2e;/projects/apollo",
        "/health/../projects/apollo",
        "/projects/./apollo",
        "/projects/apollo/..",
        "/static/.."
      })
  void ambiguousPathWhenContainerRefusesItOrNotThenBadRequestOnEveryContainer(String path)
      throws Exception {
    // as shipped, the container refuses some forms itself and normalises others for the filter
    assertThat(strict.get(path, "Authorization", alice).statusCode()).isEqualTo(400);

    assertProblem(lenient.get(path, "Authorization", alice), AuthorizationProblem.badRequest());
    assertProblem(lenient.get(path), AuthorizationProblem.badRequest());

    assertThat(strict.handled()).hasValue(0);
    assertThat(lenient.handled()).hasValue(0);
    assertThat(client.queries).hasValue(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/static\\..\\projects/apollo", "/static/..\\projects/apollo"})
  void rawBackslashWhenSentThenBadRequestOnEveryContainer(String path) throws Exception {
    assertThat(strict.getRaw(TestContainer.CONTEXT + path, "Authorization", alice)).isEqualTo(400);
    assertThat(lenient.getRaw(TestContainer.CONTEXT + path, "Authorization", alice)).isEqualTo(400);
    assertThat(strict.handled()).hasValue(0);
    assertThat(lenient.handled()).hasValue(0);
    assertThat(client.queries).hasValue(0);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "//app/projects/apollo",
        "/app;x=1/projects/apollo",
        "/x/../app/projects/apollo",
        "/./app/projects/apollo",
        "/app/../app/projects/apollo"
      })
  void ambiguousContextPathWhenSentThenNeverHandledOnEveryContainer(String target)
      throws Exception {
    // a container may not find the context (404); if it does, the filter refuses the form (400)
    assertThat(strict.getRaw(target, "Authorization", alice)).isIn(400, 404);
    assertThat(lenient.getRaw(target, "Authorization", alice)).isIn(400, 404);
    assertThat(strict.handled()).hasValue(0);
    assertThat(lenient.handled()).hasValue(0);
    assertThat(client.queries).hasValue(0);
  }

  @Test
  void absoluteFormTargetWhenSentThenSameDecisionAsTheOriginForm() throws Exception {
    String absolute = "http://127.0.0.1:" + strict.port() + TestContainer.CONTEXT;
    assertThat(strict.getRaw(absolute + "/projects/apollo", "Authorization", erin)).isEqualTo(403);
    assertThat(strict.getRaw(absolute + "/projects/apollo", "Authorization", alice)).isEqualTo(200);
    assertThat(strict.getRaw(absolute + "/static/../projects/apollo", "Authorization", erin))
        .isEqualTo(400);
    assertThat(strict.handled()).hasValue(1);
  }

  @Test
  void trailingSlashWhenPresentThenSameDecisionAsWithout() throws Exception {
    for (TestContainer server : new TestContainer[] {strict, lenient}) {
      assertProblem(
          server.get("/projects/apollo/", "Authorization", erin), AuthorizationProblem.forbidden());
      assertThat(server.get("/projects/apollo/", "Authorization", alice).statusCode())
          .isEqualTo(200);
    }
    assertThat(client.queries).hasValue(4);
  }

  @Test
  void caseDifferenceWhenPathOrMethodThenNoRuleMatchesAndForbidden() throws Exception {
    for (TestContainer server : new TestContainer[] {strict, lenient}) {
      assertProblem(
          server.get("/PROJECTS/apollo", "Authorization", alice), AuthorizationProblem.forbidden());
      assertProblem(server.get("/Health"), AuthorizationProblem.forbidden());
      assertProblem(
          server.send("get", "/projects/apollo", "Authorization", alice),
          AuthorizationProblem.forbidden());
    }
    assertThat(strict.handled()).hasValue(0);
    assertThat(lenient.handled()).hasValue(0);
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
    assertThat(strict.handled()).hasValue(0);
  }
}
