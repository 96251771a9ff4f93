package dev.tandem.jakarta;

import static dev.tandem.jakarta.Tokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.actor.ActorClaimsMapper;
import dev.tandem.core.authz.Authorizer;
import dev.tandem.core.http.AuthorizationProblem;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every kind of route rule, over real HTTP through each {@link TestContainer.Kind}, with the
 * reference model.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RouteRulesHttpTest {

  static final RouteRules RULES =
      RouteRules.builder()
          .rule("GET /health -> public")
          .rule("* /static/** -> public")
          .rule("GET /me -> authenticated")
          .rule("GET /projects/{projectId} -> can_view on project:{projectId}")
          .rule("POST /projects/{projectId}/tickets -> can_create_ticket on project:{projectId}")
          .rule("GET /tickets -> can_view on project:{query:project}")
          .rule("GET /reports -> can_view on team:{header:X-Team}")
          .rule(
              "PUT /tickets/{ticketId} -> can_edit on ticket:{ticketId}"
                  + " and can_view on team:{header:X-Team}")
          .build();

  static final Tokens TOKENS = new Tokens();
  CountingFgaClient client;
  TestContainer server;

  String alice;
  String dave;
  String erin;

  /** The container this run is on. */
  abstract TestContainer.Kind container();

  @BeforeAll
  void start() throws Exception {
    client = new CountingFgaClient(ReferenceModel.client());
    server = container().start(filter(Authorizer.create(client)));
    alice = bearer(TOKENS.sign(TOKENS.user("alice")));
    dave = bearer(TOKENS.sign(TOKENS.user("dave")));
    erin = bearer(TOKENS.sign(TOKENS.user("erin")));
  }

  static TandemFilter filter(Authorizer authorizer) {
    return TandemFilter.builder(authorizer).routes(RULES).actorResolver(resolver()).build();
  }

  /** The bearer tokens of {@link #TOKENS}. */
  static JwtActorResolver resolver() {
    return JwtActorResolver.builder()
        .jwkSet(TOKENS.publicKeys())
        .issuer(Tokens.ISSUER)
        .audience(Tokens.AUDIENCE)
        .claimsMapper(
            ActorClaimsMapper.builder().firstPartyClients(List.of(Tokens.FIRST_PARTY)).build())
        .build();
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
  }

  @BeforeEach
  void reset() {
    client.queries.set(0);
    server.handled().set(0);
  }

  @Test
  void publicRouteWhenNoTokenThenHandledWithoutFgaCall() throws Exception {
    assertThat(server.get("/health").statusCode()).isEqualTo(200);
    assertThat(server.get("/static/css/site.css").body())
        .isEqualTo("handled GET /static/css/site.css as nobody");
    assertThat(client.queries).hasValue(0);
  }

  @Test
  void unmatchedRouteWhenAuthenticatedThenForbidden() throws Exception {
    assertProblem(server.get("/admin", "Authorization", alice), AuthorizationProblem.forbidden());
    assertProblem(
        server.send("DELETE", "/projects/apollo", "Authorization", alice),
        AuthorizationProblem.forbidden());
    assertThat(server.handled()).hasValue(0);
  }

  @Test
  void authenticatedOnlyWhenTokenThenHandledWithTheActor() throws Exception {
    HttpResponse<String> response = server.get("/me", "Authorization", erin);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("handled GET /me as erin");
    assertThat(client.queries).hasValue(0);
  }

  @Test
  void authenticatedOnlyWhenNoTokenThenUnauthenticated() throws Exception {
    HttpResponse<String> response = server.get("/me");
    assertProblem(response, AuthorizationProblem.unauthenticated());
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
  }

  @Test
  void pathVariableWhenUserCanViewThenHandled() throws Exception {
    assertThat(server.get("/projects/apollo", "Authorization", alice).body())
        .isEqualTo("handled GET /projects/apollo as alice");
    assertProblem(
        server.get("/projects/apollo", "Authorization", erin), AuthorizationProblem.forbidden());
    assertThat(server.handled()).hasValue(1);
  }

  @Test
  void headRequestWhenUserCannotViewThenForbiddenByTheGetRule() throws Exception {
    assertThat(server.send("HEAD", "/projects/apollo", "Authorization", erin).statusCode())
        .isEqualTo(403);
    assertThat(server.send("HEAD", "/projects/apollo", "Authorization", alice).statusCode())
        .isEqualTo(200);
  }

  @Test
  void pathVariableRelationWhenMemberCreatesTicketThenHandled() throws Exception {
    assertThat(server.send("POST", "/projects/apollo/tickets", "Authorization", alice).statusCode())
        .isEqualTo(200);
    assertThat(server.send("POST", "/projects/secret/tickets", "Authorization", alice).statusCode())
        .isEqualTo(403);
  }

  @Test
  void queryParameterWhenUserCanViewThenHandled() throws Exception {
    assertThat(server.get("/tickets?project=apollo", "Authorization", alice).statusCode())
        .isEqualTo(200);
    assertThat(server.get("/tickets?project=secret", "Authorization", alice).statusCode())
        .isEqualTo(403);
  }

  @Test
  void queryParameterWhenRepeatedOrMissingThenBadRequestWithoutFgaCall() throws Exception {
    assertProblem(
        server.get("/tickets?project=apollo&project=secret", "Authorization", alice),
        AuthorizationProblem.badRequest());
    assertProblem(
        server.get("/tickets", "Authorization", alice), AuthorizationProblem.badRequest());
    assertProblem(
        server.get("/tickets?other=apollo", "Authorization", alice),
        AuthorizationProblem.badRequest());
    assertThat(client.queries).hasValue(0);
    assertThat(server.handled()).hasValue(0);
  }

  @Test
  void headerWhenUserCanViewTheTeamThenHandled() throws Exception {
    assertThat(server.get("/reports", "Authorization", alice, "X-Team", "eng").statusCode())
        .isEqualTo(200);
    assertThat(server.get("/reports", "Authorization", erin, "X-Team", "eng").statusCode())
        .isEqualTo(403);
  }

  @Test
  void headerWhenMissingOrRepeatedThenBadRequestWithoutFgaCall() throws Exception {
    assertProblem(
        server.get("/reports", "Authorization", alice), AuthorizationProblem.badRequest());
    assertProblem(
        server.get("/reports", "Authorization", alice, "X-Team", "eng", "X-Team", "ops"),
        AuthorizationProblem.badRequest());
    assertThat(client.queries).hasValue(0);
  }

  @Test
  void severalRulesWhenAllHoldThenHandledAfterOneBatch() throws Exception {
    assertThat(
            server.send("PUT", "/tickets/a1", "Authorization", dave, "X-Team", "eng").statusCode())
        .isEqualTo(200);
    assertThat(client.queries).hasValue(1);
  }

  @Test
  void severalRulesWhenOneFailsThenForbidden() throws Exception {
    // dave edits a1 but cannot view team ops; alice views eng but cannot edit a1
    assertProblem(
        server.send("PUT", "/tickets/a1", "Authorization", dave, "X-Team", "ops"),
        AuthorizationProblem.forbidden());
    assertProblem(
        server.send("PUT", "/tickets/a1", "Authorization", alice, "X-Team", "eng"),
        AuthorizationProblem.forbidden());
    assertThat(server.handled()).hasValue(0);
  }

  /** The answer is exactly the shared problem: status, headers, media type and body. */
  static void assertProblem(HttpResponse<String> response, AuthorizationProblem expected) {
    assertThat(response.statusCode()).isEqualTo(expected.status());
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith(AuthorizationProblem.MEDIA_TYPE);
    expected
        .headers()
        .forEach((name, value) -> assertThat(response.headers().firstValue(name)).hasValue(value));
    assertThat(response.body()).isEqualTo(expected.toJson());
  }
}
