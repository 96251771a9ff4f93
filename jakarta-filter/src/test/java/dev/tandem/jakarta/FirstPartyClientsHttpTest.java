package dev.tandem.jakarta;

import static dev.tandem.jakarta.RouteRulesHttpTest.assertProblem;
import static dev.tandem.jakarta.Tokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.tandem.core.authz.Authorizer;
import dev.tandem.core.http.AuthorizationProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code jwt.first-party-clients} of a configuration file, through the filter on Jetty: alice, a
 * member of the team owning project apollo, may create a ticket there through a first-party app
 * without any consent; through another app she has not consented to, she is answered {@code
 * consent-required}.
 */
class FirstPartyClientsHttpTest {

  static final Tokens TOKENS = new Tokens();
  static final String CREATE_TICKET = "/projects/apollo/tickets";
  static HttpServer jwks;

  @TempDir Path dir;

  @BeforeAll
  static void startJwks() throws IOException {
    jwks = TOKENS.serveKeys();
  }

  @AfterAll
  static void stopJwks() {
    jwks.stop(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"yaml", "properties"})
  void firstPartyTokenWhenTheFileNamesItsClientThenHandledWithoutConsent(String format)
      throws Exception {
    Path file = format.equals("yaml") ? yaml("first-party-clients: [web, mobile]") : properties();

    try (JettyServer server = server(file)) {
      String web = bearer(TOKENS.sign(TOKENS.app("alice", "web")));
      String slack = bearer(TOKENS.sign(TOKENS.app("alice", "slack")));

      assertThat(server.send("POST", CREATE_TICKET, "Authorization", web).body())
          .isEqualTo("handled POST " + CREATE_TICKET + " as alice");
      assertProblem(
          server.send("POST", CREATE_TICKET, "Authorization", slack),
          AuthorizationProblem.consentRequired("slack", "can_create_ticket", "project:apollo"));
      assertThat(server.handled()).hasValue(1);
    }
  }

  @Test
  void firstPartyTokenWhenTheFileNamesNoFirstPartyClientsThenConsentRequired() throws Exception {
    Path file = yaml("");

    try (JettyServer server = server(file)) {
      String web = bearer(TOKENS.sign(TOKENS.app("alice", "web")));

      assertProblem(
          server.send("POST", CREATE_TICKET, "Authorization", web),
          AuthorizationProblem.consentRequired("web", "can_create_ticket", "project:apollo"));
      assertThat(server.handled()).hasValue(0);
    }
  }

  private static JettyServer server(Path file) throws Exception {
    return new JettyServer(
        TandemFilter.builder(Authorizer.create(ReferenceModel.client())).configure(file).build());
  }

  private Path yaml(String firstPartyLine) throws IOException {
    return Files.writeString(
        dir.resolve("tandem.yaml"),
        String.join(
            "\n",
            "routes:",
            "  - POST /projects/{projectId}/tickets -> can_create_ticket on project:{projectId}",
            "jwt:",
            "  issuer: " + Tokens.ISSUER,
            "  audience: " + Tokens.AUDIENCE,
            "  jwks-uri: " + jwksUri(),
            "  " + firstPartyLine,
            ""));
  }

  private Path properties() throws IOException {
    return Files.writeString(
        dir.resolve("tandem.properties"),
        String.join(
            "\n",
            "route.create = POST /projects/{projectId}/tickets"
                + " -> can_create_ticket on project:{projectId}",
            "jwt.issuer = " + Tokens.ISSUER,
            "jwt.audience = " + Tokens.AUDIENCE,
            "jwt.jwks-uri = " + jwksUri(),
            "jwt.first-party-clients = web, mobile",
            ""));
  }

  private static String jwksUri() {
    return Tokens.jwksUri(jwks).toString();
  }
}
