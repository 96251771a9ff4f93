package dev.tandem.jakarta;

import static dev.tandem.jakarta.RouteRulesHttpTest.assertProblem;
import static dev.tandem.jakarta.Tokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.sun.net.httpserver.HttpServer;
import dev.tandem.core.authz.Authorizer;
import dev.tandem.core.http.AuthorizationProblem;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bearer JWTs checked by {@link JwtActorResolver} against a JWKS served over HTTP, through the
 * filter on Jetty: only a token signed by the issuer, unexpired, for this issuer and audience
 * reaches the handler.
 */
class JwtHttpTest {

  static final Tokens TOKENS = new Tokens();
  static HttpServer jwks;
  static CountingFgaClient client;
  static JettyServer server;

  @BeforeAll
  static void start() throws Exception {
    jwks = TOKENS.serveKeys();
    client = new CountingFgaClient(ReferenceModel.client());
    server =
        new JettyServer(
            TandemFilter.builder(Authorizer.create(client))
                .routes(RouteRules.builder().rule("GET /me -> authenticated").build())
                .actorResolver(
                    JwtActorResolver.builder()
                        .jwksUri(jwksUri())
                        .issuer(Tokens.ISSUER)
                        .audience(Tokens.AUDIENCE)
                        .clockSkew(Duration.ofSeconds(30))
                        .build())
                .build());
  }

  static URI jwksUri() {
    return Tokens.jwksUri(jwks);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    jwks.stop(0);
  }

  @BeforeEach
  void reset() {
    server.handled().set(0);
  }

  @Test
  void validTokenWhenSignedByTheIssuerThenHandled() throws Exception {
    assertThat(server.get("/me", "Authorization", bearer(TOKENS.sign(TOKENS.user("alice")))).body())
        .isEqualTo("handled GET /me as alice");
  }

  @Test
  void missingTokenWhenRouteNeedsAnActorThenUnauthenticated() throws Exception {
    assertProblem(server.get("/me"), AuthorizationProblem.unauthenticated());
    assertProblem(
        server.get("/me", "Authorization", "Basic YWxpY2U6c2VjcmV0"),
        AuthorizationProblem.unauthenticated());
  }

  @Test
  void badSignatureWhenSignedByAnotherKeyThenUnauthenticated() throws Exception {
    assertRejected(bearer(TOKENS.tamperedSignature(TOKENS.user("alice"))));
    assertRejected(bearer(Tokens.sign(TOKENS.otherKey, TOKENS.user("alice"))));
  }

  @Test
  void expiredTokenWhenBeyondTheClockSkewThenUnauthenticated() throws Exception {
    assertRejected(bearer(TOKENS.sign(TOKENS.user("alice").expirationTime(ago(120)))));
    assertRejected(bearer(TOKENS.sign(TOKENS.user("alice").expirationTime(null))));
  }

  @Test
  void expiredTokenWhenWithinTheClockSkewThenHandled() throws Exception {
    String token = bearer(TOKENS.sign(TOKENS.user("alice").expirationTime(ago(5))));
    assertThat(server.get("/me", "Authorization", token).statusCode()).isEqualTo(200);
  }

  @Test
  void wrongIssuerWhenSignedWithTheRightKeyThenUnauthenticated() throws Exception {
    assertRejected(bearer(TOKENS.sign(TOKENS.user("alice").issuer("https://evil.example.test/"))));
    assertRejected(bearer(TOKENS.sign(TOKENS.user("alice").issuer(null))));
  }

  @Test
  void wrongAudienceWhenSignedWithTheRightKeyThenUnauthenticated() throws Exception {
    assertRejected(bearer(TOKENS.sign(TOKENS.user("alice").audience("billing-api"))));
    assertRejected(bearer(TOKENS.sign(TOKENS.user("alice").audience((String) null))));
  }

  @Test
  void unsignedTokenWhenAlgIsNoneThenUnauthenticated() throws Exception {
    assertRejected(bearer(Tokens.unsigned(TOKENS.user("alice"))));
  }

  @Test
  void hmacTokenWhenKeyedWithThePublicKeyThenUnauthenticated() throws Exception {
    assertRejected(bearer(TOKENS.hmacWithPublicKey(TOKENS.user("alice"))));
  }

  @Test
  void malformedOrDuplicatedCredentialsWhenSentThenUnauthenticated() throws Exception {
    String valid = bearer(TOKENS.sign(TOKENS.user("alice")));
    assertRejected("Bearer not.a.jwt");
    assertProblem(
        server.get("/me", "Authorization", valid, "Authorization", valid),
        AuthorizationProblem.invalidToken());
    assertRejected(bearer(TOKENS.sign(TOKENS.user("alice").claim("client_id", null))));
  }

  @Test
  void unreachableJwksWhenTokenArrivesThenUnavailable() throws Exception {
    try (JettyServer noKeys =
        new JettyServer(
            TandemFilter.builder(Authorizer.create(client))
                .routes(RouteRules.builder().rule("GET /me -> authenticated").build())
                .actorResolver(
                    JwtActorResolver.builder()
                        .jwksUri(URI.create("http://127.0.0.1:1/jwks.json"))
                        .issuer(Tokens.ISSUER)
                        .audience(Tokens.AUDIENCE)
                        .build())
                .retryAfter(Duration.ofSeconds(9))
                .build())) {
      assertProblem(
          noKeys.get("/me", "Authorization", bearer(TOKENS.sign(TOKENS.user("alice")))),
          AuthorizationProblem.unavailable(Duration.ofSeconds(9)));
      assertThat(noKeys.handled()).hasValue(0);
    }
  }

  @Test
  void builderWhenAudienceOrIssuerMissingThenFailsAtStartup() {
    assertThatThrownBy(
            () ->
                JwtActorResolver.builder()
                    .jwkSet(TOKENS.publicKeys())
                    .issuer(Tokens.ISSUER)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("jwt.audience");
    assertThatThrownBy(
            () ->
                JwtActorResolver.builder()
                    .jwkSet(TOKENS.publicKeys())
                    .audience(Tokens.AUDIENCE)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("jwt.issuer");
    assertThatThrownBy(
            () ->
                JwtActorResolver.builder().issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("jwt.jwks-uri");
  }

  @Test
  void builderWhenSymmetricAlgorithmAskedThenRefused() {
    assertThatThrownBy(
            () ->
                JwtActorResolver.builder()
                    .algorithms(List.of(JWSAlgorithm.RS256, JWSAlgorithm.HS256)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HS256");
  }

  private static void assertRejected(String authorization) throws Exception {
    assertProblem(
        server.get("/me", "Authorization", authorization), AuthorizationProblem.invalidToken());
    assertThat(server.handled()).hasValue(0);
  }

  private static Date ago(int seconds) {
    return Date.from(Instant.now().minusSeconds(seconds));
  }
}
