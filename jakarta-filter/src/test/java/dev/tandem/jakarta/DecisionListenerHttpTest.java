package dev.tandem.jakarta;

import static dev.tandem.jakarta.RouteRulesHttpTest.RULES;
import static dev.tandem.jakarta.RouteRulesHttpTest.TOKENS;
import static dev.tandem.jakarta.RouteRulesHttpTest.assertProblem;
import static dev.tandem.jakarta.RouteRulesHttpTest.resolver;
import static dev.tandem.jakarta.Tokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.FgaUnavailableException;
import dev.tandem.core.actor.Actor;
import dev.tandem.core.authz.Authorizer;
import dev.tandem.core.authz.Decision;
import dev.tandem.core.authz.DenialReason;
import dev.tandem.core.authz.Permission;
import dev.tandem.core.authz.PrincipalRole;
import dev.tandem.core.http.AuthorizationProblem;
import dev.tandem.jakarta.FilterDecision.Outcome;
import dev.tandem.jakarta.FilterDecision.Refusal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a {@link DecisionListener} is told, over real HTTP on Jetty with the reference model: one
 * {@link FilterDecision} per request decided, refusals before any check included, public routes
 * excluded, and a failing listener never changes the answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DecisionListenerHttpTest {

  static final String PROJECT_RULE = "GET /projects/{projectId} -> can_view on project:{projectId}";

  final List<FilterDecision> decisions = new CopyOnWriteArrayList<>();
  CountingFgaClient client;
  JettyServer server;
  String alice;

  @BeforeAll
  void start() throws Exception {
    client = new CountingFgaClient(ReferenceModel.client());
    server =
        new JettyServer(
            TandemFilter.builder(Authorizer.create(client))
                .routes(RULES)
                .actorResolver(resolver())
                .decisionListener(decisions::add)
                .build());
    alice = bearer(TOKENS.sign(TOKENS.user("alice")));
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
  }

  @BeforeEach
  void reset() {
    decisions.clear();
    server.handled().set(0);
  }

  @Test
  void requestWhenGrantedThenListenerGetsGrantedWithTheDecision() throws Exception {
    assertThat(server.get("/projects/apollo", "Authorization", alice).statusCode()).isEqualTo(200);

    FilterDecision decision = only();
    assertThat(decision.outcome()).isEqualTo(Outcome.GRANTED);
    assertThat(decision.method()).isEqualTo("GET");
    assertThat(decision.rule()).isEqualTo(PROJECT_RULE);
    assertThat(decision.actor()).isEqualTo(Actor.user("alice"));
    assertThat(decision.permissions()).containsExactly(Permission.of("can_view", "project:apollo"));
    assertThat(decision.decisions())
        .containsExactly(new Decision.Granted("can_view", "project:apollo"));
    assertThat(decision.refusal()).isNull();
    assertThat(decision.status()).isZero();
    assertThat(decision.latency()).isPositive();
  }

  @Test
  void requestWhenConsentMissingThenListenerGetsDeniedWithTheDecision() throws Exception {
    String slack = bearer(TOKENS.sign(TOKENS.app("alice", "slack")));
    assertProblem(
        server.send("POST", "/projects/apollo/tickets", "Authorization", slack),
        AuthorizationProblem.consentRequired("slack", "can_create_ticket", "project:apollo"));

    FilterDecision decision = only();
    assertThat(decision.outcome()).isEqualTo(Outcome.DENIED);
    assertThat(decision.status()).isEqualTo(403);
    assertThat(decision.method()).isEqualTo("POST");
    assertThat(decision.rule())
        .isEqualTo(
            "POST /projects/{projectId}/tickets -> can_create_ticket on project:{projectId}");
    assertThat(decision.actor()).isEqualTo(Actor.user("alice").viaClient("slack"));
    assertThat(decision.decisions())
        .singleElement()
        .isInstanceOfSatisfying(
            Decision.Denied.class,
            denied -> {
              assertThat(denied.object()).isEqualTo("project:apollo");
              assertThat(denied.deniedBy(PrincipalRole.CONSENT)).isTrue();
              assertThat(denied.deniedBy(PrincipalRole.USER)).isFalse();
            });
  }

  @Test
  void severalRequirementsWhenOneFailsThenListenerGetsEveryDecisionInRuleOrder() throws Exception {
    String dave = bearer(TOKENS.sign(TOKENS.user("dave")));
    assertThat(
            server.send("PUT", "/tickets/a1", "Authorization", dave, "X-Team", "ops").statusCode())
        .isEqualTo(403);

    FilterDecision decision = only();
    assertThat(decision.outcome()).isEqualTo(Outcome.DENIED);
    assertThat(decision.permissions())
        .containsExactly(
            Permission.of("can_edit", "ticket:a1"), Permission.of("can_view", "team:ops"));
    assertThat(decision.decisions()).extracting(Decision::granted).containsExactly(true, false);
  }

  @Test
  void authenticatedOnlyRouteWhenTokenThenListenerGetsGrantedWithoutPermissions() throws Exception {
    assertThat(server.get("/me", "Authorization", alice).statusCode()).isEqualTo(200);

    FilterDecision decision = only();
    assertThat(decision.outcome()).isEqualTo(Outcome.GRANTED);
    assertThat(decision.rule()).isEqualTo("GET /me -> authenticated");
    assertThat(decision.actor()).isEqualTo(Actor.user("alice"));
    assertThat(decision.permissions()).isEmpty();
  }

  @Test
  void publicRouteWhenRequestedThenListenerNotCalled() throws Exception {
    assertThat(server.get("/health").statusCode()).isEqualTo(200);
    assertThat(server.get("/static/site.css", "Authorization", alice).statusCode()).isEqualTo(200);

    assertThat(decisions).isEmpty();
  }

  @Test
  void tokenWhenInvalidThenListenerGetsRefusedWith401AndNoActor() throws Exception {
    String forged = bearer(TOKENS.tamperedSignature(TOKENS.user("alice")));
    assertThat(server.get("/projects/apollo", "Authorization", forged).statusCode()).isEqualTo(401);

    FilterDecision decision = only();
    assertThat(decision.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(decision.refusal()).isEqualTo(Refusal.INVALID_TOKEN);
    assertThat(decision.status()).isEqualTo(401);
    assertThat(decision.rule()).isEqualTo(PROJECT_RULE);
    assertThat(decision.actor()).isNull();
    assertThat(decision.permissions()).isEmpty();
    assertThat(decision.decisions()).isEmpty();
  }

  @Test
  void tokenWhenMissingThenListenerGetsRefusedForNoCredentials() throws Exception {
    assertThat(server.get("/me").statusCode()).isEqualTo(401);

    assertThat(only().refusal()).isEqualTo(Refusal.NO_CREDENTIALS);
  }

  @Test
  void requestWhenNoRuleMatchesThenListenerGetsRefusedWith403AndNoRule() throws Exception {
    assertThat(server.get("/admin/users", "Authorization", alice).statusCode()).isEqualTo(403);

    FilterDecision decision = only();
    assertThat(decision.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(decision.refusal()).isEqualTo(Refusal.NO_RULE);
    assertThat(decision.status()).isEqualTo(403);
    assertThat(decision.rule()).isNull();
    // the token is not read for a request no rule serves
    assertThat(decision.actor()).isNull();
  }

  @Test
  void idWhenInvalidThenListenerGetsRefusedWith400AndTheActor() throws Exception {
    assertThat(server.get("/tickets?project=apollo%23member", "Authorization", alice).statusCode())
        .isEqualTo(400);

    FilterDecision decision = only();
    assertThat(decision.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(decision.refusal()).isEqualTo(Refusal.INVALID_ID);
    assertThat(decision.status()).isEqualTo(400);
    assertThat(decision.rule()).isEqualTo("GET /tickets -> can_view on project:{query:project}");
    assertThat(decision.actor()).isEqualTo(Actor.user("alice"));
    assertThat(decision.permissions()).isEmpty();
  }

  @Test
  void pathWhenAmbiguousThenListenerGetsRefusedWith400AndNoRule() throws Exception {
    assertThat(server.get("/projects/apollo;v=1", "Authorization", alice).statusCode())
        .isEqualTo(400);

    FilterDecision decision = only();
    assertThat(decision.refusal()).isEqualTo(Refusal.AMBIGUOUS_PATH);
    assertThat(decision.rule()).isNull();
  }

  @Test
  void backendWhenUnavailableThenListenerGetsUnavailableWith503() throws Exception {
    List<FilterDecision> told = new CopyOnWriteArrayList<>();
    try (JettyServer failing =
        failingServer(new FgaUnavailableException("engine down"), told::add)) {
      assertThat(failing.get("/projects/apollo").statusCode()).isEqualTo(503);
    }

    FilterDecision decision = told.get(0);
    assertThat(told).hasSize(1);
    assertThat(decision.outcome()).isEqualTo(Outcome.UNAVAILABLE);
    assertThat(decision.status()).isEqualTo(503);
    assertThat(decision.actor()).isEqualTo(Actor.user("alice"));
    assertThat(decision.permissions()).containsExactly(Permission.of("can_view", "project:apollo"));
    assertThat(decision.decisions())
        .allSatisfy(
            d ->
                assertThat(d.denials())
                    .allSatisfy(
                        denial -> assertThat(denial.reason()).isEqualTo(DenialReason.UNAVAILABLE)));
  }

  @Test
  void resolverWhenItThrowsThenListenerGetsUnavailableWithTheRule() throws Exception {
    List<FilterDecision> told = new CopyOnWriteArrayList<>();
    TandemFilter filter =
        TandemFilter.builder(Authorizer.create(client))
            .routes(RULES)
            .actorResolver(
                request -> {
                  throw new IllegalStateException("session store down");
                })
            .decisionListener(told::add)
            .build();
    try (CapturedLog ignored = CapturedLog.start(TandemFilter.class.getName(), Level.OFF);
        JettyServer failing = new JettyServer(filter)) {
      assertThat(failing.send("PUT", "/tickets/a1", "X-Team", "eng").statusCode()).isEqualTo(503);
    }

    assertThat(told)
        .singleElement()
        .satisfies(
            decision -> {
              assertThat(decision.outcome()).isEqualTo(Outcome.UNAVAILABLE);
              assertThat(decision.status()).isEqualTo(503);
              assertThat(decision.rule()).startsWith("PUT /tickets/{ticketId} -> ");
              assertThat(decision.actor()).isNull();
            });
  }

  @Test
  void listenerWhenItThrowsThenTheAnswerStandsAndLaterListenersAreTold() throws Exception {
    List<FilterDecision> told = new CopyOnWriteArrayList<>();
    TandemFilter filter =
        TandemFilter.builder(Authorizer.create(client))
            .routes(RULES)
            .actorResolver(resolver())
            .decisionListener(
                decision -> {
                  throw new IllegalStateException("metrics backend down");
                })
            .decisionListener(told::add)
            .build();
    String erin = bearer(TOKENS.sign(TOKENS.user("erin")));
    try (CapturedLog log = CapturedLog.start(TandemFilter.class.getName(), Level.ALL);
        JettyServer throwing = new JettyServer(filter)) {
      assertProblem(
          throwing.get("/projects/apollo", "Authorization", erin),
          AuthorizationProblem.forbidden());
      assertThat(throwing.get("/projects/apollo", "Authorization", alice).body())
          .isEqualTo("handled GET /projects/apollo as alice");
      assertThat(throwing.get("/admin").statusCode()).isEqualTo(403);
      assertThat(throwing.handled()).hasValue(1);

      assertThat(log.records)
          .filteredOn(record -> record.getThrown() != null)
          .extracting(record -> record.getLevel())
          .containsExactly(Level.WARNING, Level.FINE, Level.FINE);
    }
    assertThat(told)
        .extracting(FilterDecision::outcome)
        .containsExactly(Outcome.DENIED, Outcome.GRANTED, Outcome.REFUSED);
  }

  @Test
  void listenerWhenCountingOutcomesThenCountsEveryDecision() throws Exception {
    Authorizer authorizer = Authorizer.create(client);
    JwtActorResolver resolver = resolver();
    // tag::listener[]
    Map<FilterDecision.Outcome, AtomicInteger> counts = new ConcurrentHashMap<>();
    TandemFilter filter =
        TandemFilter.builder(authorizer)
            .routes(RULES)
            .actorResolver(resolver)
            .decisionListener(
                decision ->
                    counts
                        .computeIfAbsent(decision.outcome(), outcome -> new AtomicInteger())
                        .incrementAndGet())
            .build();
    // end::listener[]
    String erin = bearer(TOKENS.sign(TOKENS.user("erin")));
    try (JettyServer counting = new JettyServer(filter)) {
      counting.get("/health");
      counting.get("/projects/apollo", "Authorization", alice);
      counting.get("/projects/apollo", "Authorization", erin);
      counting.get("/projects/secret", "Authorization", erin);
      counting.get("/projects/apollo");
    }

    assertThat(counts)
        .containsOnlyKeys(Outcome.GRANTED, Outcome.DENIED, Outcome.REFUSED)
        .hasEntrySatisfying(Outcome.GRANTED, count -> assertThat(count).hasValue(2))
        .hasEntrySatisfying(Outcome.DENIED, count -> assertThat(count).hasValue(1))
        .hasEntrySatisfying(Outcome.REFUSED, count -> assertThat(count).hasValue(1));
  }

  private FilterDecision only() {
    assertThat(decisions).hasSize(1);
    return decisions.get(0);
  }

  private JettyServer failingServer(RuntimeException failure, DecisionListener listener)
      throws Exception {
    return new JettyServer(
        TandemFilter.builder(
                Authorizer.create(new DecisionsHttpTest.FailingFgaClient(client, failure)))
            .routes(RULES)
            .actorResolver(request -> Actor.user("alice"))
            .retryAfter(Duration.ofSeconds(7))
            .decisionListener(listener)
            .build());
  }
}
