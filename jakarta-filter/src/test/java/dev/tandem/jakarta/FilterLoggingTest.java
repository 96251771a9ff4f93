package dev.tandem.jakarta;

import static dev.tandem.jakarta.Tokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.authz.Authorizer;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the filter logs: the answers never say why a request was refused, so the reason of a 401 (at
 * DEBUG) and the cause of a 503 (as a warning) go to the {@code System.Logger} of {@link
 * TandemFilter}, here routed to java.util.logging.
 */
class FilterLoggingTest {

  static final Tokens TOKENS = new Tokens();

  private CapturedLog log;

  @BeforeEach
  void capture() {
    log = CapturedLog.start(TandemFilter.class.getName(), Level.FINE);
  }

  @AfterEach
  void release() {
    log.close();
  }

  @Test
  void tokenWhenRejectedThenReasonLoggedAtDebug() throws Exception {
    try (JettyServer server = server(resolver())) {
      assertThat(
              server
                  .get(
                      "/me",
                      "Authorization",
                      bearer(TOKENS.sign(TOKENS.user("alice").audience("other-api"))))
                  .statusCode())
          .isEqualTo(401);
    }

    assertThat(log.records)
        .anySatisfy(
            record -> {
              assertThat(record.getLevel()).isEqualTo(Level.FINE);
              assertThat(CapturedLog.format(record))
                  .contains("aud claim rejected")
                  .endsWith("answered 401");
            });
  }

  @Test
  void requestWhenUnexpectedErrorThenAnswered503AndCauseLoggedAsWarning() throws Exception {
    ActorResolver broken =
        request -> {
          throw new IllegalStateException("the signing keys could not be fetched");
        };
    try (JettyServer server = server(broken)) {
      assertThat(server.get("/me", "Authorization", "Bearer x").statusCode()).isEqualTo(503);
    }

    assertThat(log.records)
        .anySatisfy(
            record -> {
              assertThat(record.getLevel()).isEqualTo(Level.WARNING);
              assertThat(record.getThrown()).hasMessage("the signing keys could not be fetched");
            });
  }

  private static JettyServer server(ActorResolver resolver) throws Exception {
    return new JettyServer(
        TandemFilter.builder(Authorizer.create(ReferenceModel.client()))
            .routes(RouteRules.builder().rule("GET /me -> authenticated").build())
            .actorResolver(resolver)
            .build());
  }

  private static JwtActorResolver resolver() {
    return JwtActorResolver.builder()
        .jwkSet(TOKENS.publicKeys())
        .issuer(Tokens.ISSUER)
        .audience(Tokens.AUDIENCE)
        .build();
  }
}
