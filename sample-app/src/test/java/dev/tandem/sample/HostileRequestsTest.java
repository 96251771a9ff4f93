package dev.tandem.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Malformed and unusual requests found by probing the running app: none ends in a server error, and
 * none lets anything through. The app context is the one {@link EmbeddedScenariosTest} uses.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "server.address=127.0.0.1")
@Import(TestClock.class)
class HostileRequestsTest {

  @LocalServerPort int port;

  private OAuth oauth;
  private Http api;

  @BeforeEach
  void connect() {
    URI base = URI.create("http://127.0.0.1:" + port);
    oauth = new OAuth(base);
    api = Http.api(base);
  }

  @Test
  void agentTasksWhenGrantListHoldsNullThenBadRequest() {
    String alice = oauth.userToken("alice", "tandem-web", null);
    Map<String, Object> body =
        Map.of(
            "agent",
            "summarizer-agent",
            "ttlSeconds",
            600,
            "grants",
            Arrays.asList(Map.of("relation", "can_view", "object", "project:apollo"), null));

    assertThat(api.postJson("/api/agent-tasks", alice, body).status()).isEqualTo(400);
  }

  @Test
  void agentsWhenTaskEndedThenCorsPreflightAnsweredLikeAnyOther() {
    String alice = oauth.userToken("alice", "tandem-web", null);
    Http.Answer started = api.postJson("/api/agent-tasks", alice, task());
    assertThat(started.status()).as("start task " + started).isEqualTo(201);
    String taskId = started.json().get("taskId").asString();
    String agent = oauth.agentToken(alice, taskId);
    assertThat(api.deleteJson("/api/agent-tasks/" + taskId, alice, null).status()).isEqualTo(204);

    int ended = api.preflight("/api/tickets/apollo-1", agent).status();
    assertThat(ended).isNotEqualTo(500);
    assertThat(ended).isEqualTo(api.preflight("/api/tickets/apollo-1", alice).status());
    assertThat(api.get("/api/tickets/apollo-1", agent).status()).isEqualTo(403);
  }

  private static Map<String, Object> task() {
    return Map.of(
        "agent",
        "summarizer-agent",
        "ttlSeconds",
        600,
        "grants",
        List.of(Map.of("relation", "can_view", "object", "project:apollo")));
  }
}
