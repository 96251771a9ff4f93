package dev.tandem.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.client.FgaClient;
import dev.tandem.core.testing.MutableClock;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * What {@link ScenariosContract} works with: the app's port, clock and FGA client, its OAuth and
 * API clients, the people's tokens (one sign-in per person and app run), and request bodies.
 */
abstract class ScenarioSupport {

  private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

  @LocalServerPort int port;
  @Autowired MutableClock clock;
  @Autowired FgaClient fga;

  OAuth oauth;
  Http api;

  @BeforeEach
  void connect() {
    URI base = URI.create("http://127.0.0.1:" + port);
    oauth = new OAuth(base);
    api = Http.api(base);
  }

  /** A person's token through the first-party web app; one sign-in per person and app run. */
  String web(String user) {
    return TOKENS.computeIfAbsent(
        port + "/web/" + user, key -> oauth.userToken(user, "tandem-web", null));
  }

  String slack(String user) {
    return TOKENS.computeIfAbsent(
        port + "/slack/" + user, key -> oauth.userToken(user, "slack-app", "slack-secret"));
  }

  static void assertRefused(Http.Answer answer, String error) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
    assertThat(answer.json().get("error").asString()).isEqualTo(error);
  }

  void assertEveryAgentCallForbidden(String agent) {
    assertThat(api.postJson("/api/assistant/answers", agent, question("status")).status())
        .isEqualTo(403);
    assertThat(api.postJson("/api/emails", agent, email("user:dave")).status()).isEqualTo(403);
    assertThat(api.get("/api/projects/apollo/tickets", agent).status()).isEqualTo(403);
    assertThat(api.get("/api/projects", agent).status()).isEqualTo(403);
  }

  String startTask(String user, int ttlSeconds) {
    Http.Answer started = api.postJson("/api/agent-tasks", web(user), task(ttlSeconds));
    assertThat(started.status()).as("start task " + started).isEqualTo(201);
    return started.json().get("taskId").asString();
  }

  static Map<String, Object> task(int ttlSeconds) {
    return Map.of(
        "agent",
        "summarizer-agent",
        "ttlSeconds",
        ttlSeconds,
        "grants",
        List.of(
            Map.of("relation", "can_view", "object", "project:apollo"),
            Map.of("relation", "can_email", "object", "user:dave")));
  }

  static Map<String, String> consent() {
    return consent("can_create_ticket", "project:apollo");
  }

  static Map<String, String> consent(String relation, String object) {
    return Map.of("client", "slack-app", "relation", relation, "object", object);
  }

  static Map<String, String> ticket(String title) {
    return Map.of("title", title, "description", "status: new");
  }

  static Map<String, String> question(String text) {
    return Map.of("question", text);
  }

  static Map<String, String> email(String to) {
    return Map.of("to", to, "subject", "Status", "body", "Apollo is green.");
  }

  static List<String> ids(JsonNode tickets) {
    return tickets.valueStream().map(ticket -> ticket.get("id").asString()).toList();
  }

  static List<String> strings(JsonNode array) {
    return array.valueStream().map(JsonNode::asString).toList();
  }
}
