package dev.tandem.jakarta;

import static dev.tandem.jakarta.RouteRulesHttpTest.RULES;
import static dev.tandem.jakarta.RouteRulesHttpTest.TOKENS;
import static dev.tandem.jakarta.RouteRulesHttpTest.resolver;
import static dev.tandem.jakarta.Tokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.actor.Actor;
import dev.tandem.core.authz.Authorizer;
import dev.tandem.core.client.FgaClient;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The audit lines every filter writes by default on {@code dev.tandem.audit}, over real HTTP on
 * Jetty: the Spring starter's format, then what only the filter knows, with every value from the
 * request escaped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilterAuditLogTest {

  static final String LATENCY = " latency=\\d+\\.\\d{3}ms";

  FgaClient client;
  JettyServer server;
  String alice;
  CapturedLog audit;

  @BeforeAll
  void start() throws Exception {
    client = ReferenceModel.client();
    server =
        new JettyServer(
            TandemFilter.builder(Authorizer.create(client))
                .routes(RULES)
                .actorResolver(resolver())
                .build());
    alice = bearer(TOKENS.sign(TOKENS.user("alice")));
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
  }

  @BeforeEach
  void capture() {
    audit = CapturedLog.start(FilterAuditLog.LOGGER, Level.INFO);
  }

  @AfterEach
  void release() {
    audit.close();
  }

  @Test
  void auditLineWhenGrantedThenStarterFormatWithMethodRuleAndStatus() throws Exception {
    assertThat(server.get("/projects/apollo", "Authorization", alice).statusCode()).isEqualTo(200);

    assertThat(audit.records)
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.getLevel()).isEqualTo(Level.INFO);
              assertThat(record.getLoggerName()).isEqualTo("dev.tandem.audit");
              assertThat(CapturedLog.format(record))
                  .matches(
                      quote(
                              "decision granted actor=[user:alice] relation=can_view"
                                  + " object=project:apollo denied=[] method=GET"
                                  + " rule=[GET /projects/{projectId} -> can_view on"
                                  + " project:{projectId}] status=- refusal=-")
                          + LATENCY);
            });
  }

  @Test
  void auditLineWhenConsentMissingThenDeniedNamingTheConsent() throws Exception {
    String slack = bearer(TOKENS.sign(TOKENS.app("alice", "slack")));
    assertThat(server.send("POST", "/projects/apollo/tickets", "Authorization", slack).statusCode())
        .isEqualTo(403);

    assertThat(audit.messages())
        .singleElement()
        .asString()
        .matches(
            quote(
                    "decision denied actor=[user:alice via client:slack]"
                        + " relation=can_create_ticket object=project:apollo denied=[CONSENT]"
                        + " method=POST rule=[POST /projects/{projectId}/tickets ->"
                        + " can_create_ticket on project:{projectId}] status=403 refusal=-")
                + LATENCY);
  }

  @Test
  void auditLinesWhenSeveralRequirementsThenOneLinePerRequirement() throws Exception {
    String dave = bearer(TOKENS.sign(TOKENS.user("dave")));
    assertThat(
            server.send("PUT", "/tickets/a1", "Authorization", dave, "X-Team", "ops").statusCode())
        .isEqualTo(403);

    List<String> lines = audit.messages();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .startsWith(
            "decision granted actor=[user:dave] relation=can_edit object=ticket:a1 denied=[]");
    assertThat(lines.get(1))
        .startsWith(
            "decision denied actor=[user:dave] relation=can_view object=team:ops denied=[USER]");
    assertThat(lines).allSatisfy(line -> assertThat(line).contains(" status=403 "));
  }

  @Test
  void auditLineWhenNoRuleMatchesThenRefusedWithoutRuleOrActor() throws Exception {
    assertThat(server.get("/admin", "Authorization", alice).statusCode()).isEqualTo(403);

    assertThat(audit.messages())
        .singleElement()
        .asString()
        .matches(
            quote(
                    "decision refused actor=[] relation=- object=- denied=[] method=GET rule=[]"
                        + " status=403 refusal=no_rule")
                + LATENCY);
  }

  @Test
  void auditLineWhenTokenInvalidThenRefusedWith401() throws Exception {
    String forged = bearer(TOKENS.tamperedSignature(TOKENS.user("alice")));
    assertThat(server.get("/me", "Authorization", forged).statusCode()).isEqualTo(401);

    assertThat(audit.messages())
        .singleElement()
        .asString()
        .startsWith(
            "decision refused actor=[] relation=- object=- denied=[] method=GET"
                + " rule=[GET /me -> authenticated] status=401 refusal=invalid_token ");
  }

  @Test
  void auditLineWhenActorIdForgesALineThenEscapedOnOneLine() throws Exception {
    Actor mallory =
        Actor.user("mallory\ndecision granted actor=[user:root]").viaClient("app\u202Eevil\\x");
    TandemFilter filter =
        TandemFilter.builder(Authorizer.create(client))
            .routes(RULES)
            .actorResolver(request -> mallory)
            .build();
    try (JettyServer forging = new JettyServer(filter)) {
      // an id that cannot be an FGA subject: denied as an invalid token
      assertThat(forging.get("/projects/apollo").statusCode()).isEqualTo(401);
    }

    assertThat(audit.messages())
        .singleElement()
        .asString()
        .doesNotContain("\n", "\r", "\u202E")
        .startsWith(
            "decision denied actor=[user:mallory\\u000Adecision\\u0020granted\\u0020"
                + "actor=\\[user:root\\] via client:app\\u202Eevil\\\\x] relation=can_view");
  }

  @Test
  void auditLineWhenMethodOrIdsAreUnusualThenEscapedAndCut() {
    FilterDecision decision =
        new FilterDecision(
            "GE T\r\n" + "X".repeat(300),
            null,
            Actor.user("jos\u00E9"),
            List.of(),
            List.of(),
            FilterDecision.Outcome.REFUSED,
            FilterDecision.Refusal.NO_RULE,
            403,
            Duration.ofMillis(2));

    new FilterAuditLog().onDecision(decision);

    String expectedMethod = "GE\\u0020T\\u000D\\u000A" + "X".repeat(250) + "...";
    assertThat(audit.messages())
        .containsExactly(
            "decision refused actor=[user:jos\\u00E9] relation=- object=- denied=[] method="
                + expectedMethod
                + " rule=[] status=403 refusal=no_rule latency=2.000ms");
    assertThat(decision.toString()).isEqualTo(audit.messages().get(0));
  }

  @Test
  void auditLogWhenTurnedOffThenNothingIsLogged() throws Exception {
    TandemFilter filter =
        TandemFilter.builder(Authorizer.create(client))
            .routes(RULES)
            .actorResolver(resolver())
            .auditLog(false)
            .build();
    try (JettyServer quiet = new JettyServer(filter)) {
      assertThat(quiet.get("/projects/apollo", "Authorization", alice).statusCode()).isEqualTo(200);
      assertThat(quiet.get("/admin").statusCode()).isEqualTo(403);
    }

    assertThat(audit.records).isEmpty();
  }

  @Test
  void auditLogWhenAlsoAddedAsListenerThenEachDecisionLoggedOnce() throws Exception {
    TandemFilter filter =
        TandemFilter.builder(Authorizer.create(client))
            .routes(RULES)
            .actorResolver(resolver())
            .decisionListener(new FilterAuditLog())
            .build();
    try (JettyServer twice = new JettyServer(filter)) {
      assertThat(twice.get("/me", "Authorization", alice).statusCode()).isEqualTo(200);
    }

    assertThat(audit.messages())
        .singleElement()
        .asString()
        .startsWith("decision granted actor=[user:alice] relation=- object=- denied=[] method=GET");
  }

  /** {@code text} as a regular expression matching itself. */
  private static String quote(String text) {
    return java.util.regex.Pattern.quote(text);
  }
}
