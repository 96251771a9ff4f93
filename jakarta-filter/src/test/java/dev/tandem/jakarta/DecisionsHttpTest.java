package dev.tandem.jakarta;

import static dev.tandem.jakarta.RouteRulesHttpTest.assertProblem;
import static dev.tandem.jakarta.Tokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.FgaUnavailableException;
import dev.tandem.core.actor.Actor;
import dev.tandem.core.authz.Authorizer;
import dev.tandem.core.authz.Consents;
import dev.tandem.core.authz.Permission;
import dev.tandem.core.authz.TaskGrants;
import dev.tandem.core.client.Consistency;
import dev.tandem.core.client.FgaClient;
import dev.tandem.core.client.ForwardingFgaClient;
import dev.tandem.core.engine.BatchCheckItem;
import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.http.AuthorizationProblem;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The decisions behind the rules, with the reference model: consent and task denials, malicious ids
 * refused before any FGA call, and a failing engine answered with 503, never passed through.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DecisionsHttpTest {

  static final Tokens TOKENS = RouteRulesHttpTest.TOKENS;
  CountingFgaClient client;
  TestContainer server;
  String taskId;

  /** The container this run is on. */
  abstract TestContainer.Kind container();

  @BeforeAll
  void start() throws Exception {
    client = new CountingFgaClient(ReferenceModel.client());
    Consents.create(client).grant("alice", "slack", Permission.of("can_view", "project:apollo"));
    taskId =
        TaskGrants.create(client)
            .start(
                "alice",
                "summarizer",
                List.of(Permission.of("can_view", "project:apollo")),
                Duration.ofHours(1));
    server = container().start(RouteRulesHttpTest.filter(Authorizer.create(client)));
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
  void delegatedAppWhenConsentGivenThenHandled() throws Exception {
    String slack = bearer(TOKENS.sign(TOKENS.app("alice", "slack")));
    assertThat(server.get("/projects/apollo", "Authorization", slack).statusCode()).isEqualTo(200);
  }

  @Test
  void delegatedAppWhenConsentMissingThenConsentRequired() throws Exception {
    String slack = bearer(TOKENS.sign(TOKENS.app("alice", "slack")));
    assertProblem(
        server.send("POST", "/projects/apollo/tickets", "Authorization", slack),
        AuthorizationProblem.consentRequired("slack", "can_create_ticket", "project:apollo"));
    assertThat(server.handled()).hasValue(0);
  }

  @Test
  void agentWhenTaskCoversTheActionThenHandled() throws Exception {
    String agent = bearer(TOKENS.sign(TOKENS.agent("alice", "summarizer", taskId)));
    assertThat(server.get("/projects/apollo", "Authorization", agent).statusCode()).isEqualTo(200);
  }

  @Test
  void agentWhenTaskDoesNotCoverTheActionThenOutsideTask() throws Exception {
    String agent = bearer(TOKENS.sign(TOKENS.agent("alice", "summarizer", taskId)));
    Actor actor = Actor.user("alice").withAgentTask("summarizer", taskId);
    AuthorizationProblem expected =
        AuthorizationProblem.of(
            Authorizer.create(client).decide(actor, "can_create_ticket", "project:apollo"),
            actor,
            Duration.ofSeconds(5));
    assertThat(expected.type().toString()).endsWith("/outside-task");
    assertProblem(
        server.send("POST", "/projects/apollo/tickets", "Authorization", agent), expected);
  }

  @Test
  void agentWhenTaskBelongsToAnotherAgentThenForbidden() throws Exception {
    String agent = bearer(TOKENS.sign(TOKENS.agent("alice", "mailer", taskId)));
    assertThat(server.get("/projects/apollo", "Authorization", agent).statusCode()).isEqualTo(403);
    assertThat(server.handled()).hasValue(0);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/projects/apollo%23member",
        "/projects/*",
        "/projects/%2A",
        "/projects/user%3Aalice",
        "/projects/apollo%20x",
        "/projects/%E2%80%AEollopa",
        "/tickets?project=apollo%23viewer",
        "/tickets?project=*",
        "/tickets?project=",
        "/tickets?project=team%3Aeng"
      })
  void maliciousIdWhenSentThenBadRequestWithoutAnyFgaCall(String path) throws Exception {
    String alice = bearer(TOKENS.sign(TOKENS.user("alice")));
    assertProblem(server.get(path, "Authorization", alice), AuthorizationProblem.badRequest());
    assertProblem(
        server.get("/reports", "Authorization", alice, "X-Team", "eng#member"),
        AuthorizationProblem.badRequest());
    assertThat(client.queries).hasValue(0);
    assertThat(server.handled()).hasValue(0);
  }

  @Test
  void controlCharacterInIdWhenSentThenRefusedBeforeAnyHandlerOrFgaCall() throws Exception {
    String alice = bearer(TOKENS.sign(TOKENS.user("alice")));
    assertThat(server.get("/projects/apollo%09", "Authorization", alice).statusCode())
        .isEqualTo(400);
    assertProblem(
        server.get("/tickets?project=apollo%0A", "Authorization", alice),
        AuthorizationProblem.badRequest());
    assertThat(client.queries).hasValue(0);
    assertThat(server.handled()).hasValue(0);
  }

  @Test
  void failingEngineWhenBackendUnavailableThenServiceUnavailableWithRetryAfter() throws Exception {
    assertFailClosed(new FailingFgaClient(client, new FgaUnavailableException("engine down")));
  }

  @Test
  void failingEngineWhenClientThrowsUnexpectedlyThenServiceUnavailable() throws Exception {
    assertFailClosed(new FailingFgaClient(client, new IllegalStateException("bug")));
  }

  @Test
  void failingResolverWhenItThrowsThenServiceUnavailable() throws Exception {
    TandemFilter filter =
        TandemFilter.builder(Authorizer.create(client))
            .routes(RouteRulesHttpTest.RULES)
            .actorResolver(
                request -> {
                  throw new IllegalStateException("session store down");
                })
            .retryAfter(Duration.ofSeconds(7))
            .build();
    try (TestContainer failing = container().start(filter)) {
      assertProblem(
          failing.get("/me", "Authorization", "Bearer x"),
          AuthorizationProblem.unavailable(Duration.ofSeconds(7)));
      assertThat(failing.handled()).hasValue(0);
    }
  }

  private void assertFailClosed(FgaClient failingClient) throws Exception {
    TandemFilter filter =
        TandemFilter.builder(Authorizer.create(failingClient))
            .routes(RouteRulesHttpTest.RULES)
            .actorResolver(request -> Actor.user("alice"))
            .retryAfter(Duration.ofSeconds(7))
            .build();
    try (TestContainer failing = container().start(filter)) {
      assertProblem(
          failing.get("/projects/apollo"), AuthorizationProblem.unavailable(Duration.ofSeconds(7)));
      assertProblem(
          failing.send("PUT", "/tickets/a1", "X-Team", "eng"),
          AuthorizationProblem.unavailable(Duration.ofSeconds(7)));
      assertThat(failing.get("/health").statusCode()).isEqualTo(200);
      assertThat(failing.handled()).hasValue(1);
    }
  }

  /** A client whose checks all fail with {@code failure}. */
  static final class FailingFgaClient extends ForwardingFgaClient {
    private final RuntimeException failure;

    FailingFgaClient(FgaClient delegate, RuntimeException failure) {
      super(delegate);
      this.failure = failure;
    }

    @Override
    public List<BatchCheckItem> batchCheck(List<CheckRequest> requests, Consistency consistency) {
      throw failure;
    }
  }
}
