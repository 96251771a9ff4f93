package dev.tandem.jakarta;

import static dev.tandem.jakarta.Tokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.authz.Authorizer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
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

  private final Logger logger = Logger.getLogger(TandemFilter.class.getName());
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private Level previous;

  @BeforeEach
  void capture() {
    previous = logger.getLevel();
    logger.setLevel(Level.FINE);
    capture.setLevel(Level.ALL);
    logger.addHandler(capture);
  }

  @AfterEach
  void release() {
    logger.removeHandler(capture);
    logger.setLevel(previous);
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

    assertThat(records)
        .anySatisfy(
            record -> {
              assertThat(record.getLevel()).isEqualTo(Level.FINE);
              assertThat(format(record)).contains("aud claim rejected").endsWith("answered 401");
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

    assertThat(records)
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

  private static String format(LogRecord record) {
    return new java.util.logging.SimpleFormatter().formatMessage(record);
  }
}
