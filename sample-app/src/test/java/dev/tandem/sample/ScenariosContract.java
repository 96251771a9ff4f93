package dev.tandem.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.client.WriteRequest;
import dev.tandem.core.tuple.TupleKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The four levels of API authorization, end to end: real HTTP, real token flows, the app's own
 * authorization server. Runs once per backend (embedded engine, remote OpenFGA-compatible server).
 */
abstract class ScenariosContract extends ScenarioSupport {

  // 1. Humans

  @Test
  void humansWhenTeamMemberReadsProjectTicketsThenOk() {
    Http.Answer answer = api.get("/api/projects/apollo/tickets", web("alice"));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(ids(answer.json())).contains("apollo-1", "apollo-2", "apollo-3");
  }

  @Test
  void humansWhenOtherTeamReadsProjectTicketsThenForbidden() {
    assertThat(api.get("/api/projects/apollo/tickets", web("carol")).status()).isEqualTo(403);
  }

  @Test
  void humansWhenOrganizationAdminReadsProjectTicketsThenOk() {
    assertThat(api.get("/api/projects/apollo/tickets", web("dave")).status()).isEqualTo(200);
  }

  @Test
  void humansWhenOtherTenantReadsProjectTicketsThenForbidden() {
    assertThat(api.get("/api/projects/apollo/tickets", web("erin")).status()).isEqualTo(403);
  }

  @Test
  void humansWhenListingProjectsThenOnlyViewableOnes() {
    Http.Answer answer = api.get("/api/projects", web("alice"));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(strings(answer.json())).containsExactly("apollo", "town-square");
  }

  @Test
  void humansWhenReadingOneTicketThenDecidedPerTicket() {
    assertThat(api.get("/api/tickets/apollo-1", web("alice")).status()).isEqualTo(200);
    assertThat(api.get("/api/tickets/apollo-1", web("carol")).status()).isEqualTo(403);
    assertThat(api.get("/api/tickets/no-such-ticket", web("alice")).status()).isEqualTo(403);
  }

  @Test
  void humansWhenNoTokenThenUnauthorized() {
    Http.Answer answer = api.get("/api/projects/apollo/tickets", null);
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
  }

  @Test
  void humansWhenForgedTokenThenUnauthorized() {
    String token = web("carol");
    String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
    assertThat(api.get("/api/projects/apollo/tickets", forged).status()).isEqualTo(401);
  }

  @Test
  void humansWhenTicketHasNoTitleThenBadRequest() {
    Http.Answer answer =
        api.postJson("/api/projects/apollo/tickets", web("alice"), Map.of("description", "x"));
    assertThat(answer.status()).isEqualTo(400);
  }

  @Test
  void humansWhenTicketIdIsAlreadyInTheStoreThenNextIdIsUsed() {
    Http.Answer first = api.postJson("/api/projects/apollo/tickets", web("alice"), ticket("a"));
    assertThat(first.status()).isEqualTo(201);
    int n = Integer.parseInt(first.json().get("id").asString().substring("apollo-".length()));
    // As after a restart against a remote store: the store knows a ticket this app does not.
    fga.write(
        new WriteRequest(
            List.of(TupleKey.of("ticket:apollo-" + (n + 1), "project", "project:apollo")),
            List.of()));
    Http.Answer next = api.postJson("/api/projects/apollo/tickets", web("alice"), ticket("b"));
    assertThat(next.status()).isEqualTo(201);
    assertThat(next.json().get("id").asString()).isEqualTo("apollo-" + (n + 2));
  }

  // 2. Service accounts

  @Test
  void serviceAccountsWhenReaderOfTenantThenReadsButCannotCreate() {
    String bot = oauth.serviceToken("reporting-bot", "reporting-secret");
    assertThat(api.get("/api/projects/apollo/tickets", bot).status()).isEqualTo(200);
    assertThat(api.postJson("/api/projects/apollo/tickets", bot, ticket("x")).status())
        .isEqualTo(403);
    assertThat(api.get("/api/projects/zeus/tickets", bot).status()).isEqualTo(403);
  }

  @Test
  void serviceAccountsWhenOtherTenantThenForbidden() {
    String bot = oauth.serviceToken("globex-bot", "globex-secret");
    assertThat(api.get("/api/projects/apollo/tickets", bot).status()).isEqualTo(403);
    assertThat(api.get("/api/projects/zeus/tickets", bot).status()).isEqualTo(200);
  }

  // 3. Delegation: a third-party app acts for a person only with their consent

  @Test
  void delegationWhenConsentGivenAndRevokedThenAppFollowsIt() {
    String slack = slack("alice");
    Http.Answer before = api.postJson("/api/projects/apollo/tickets", slack, ticket("from chat"));
    assertThat(before.status()).isEqualTo(403);
    assertThat(before.json().get("type").asString()).endsWith("/consent-required");
    JsonNode missing = before.json().get("consent");
    assertThat(missing.get("client").asString()).isEqualTo("slack-app");
    assertThat(missing.get("relation").asString()).isEqualTo("can_create_ticket");
    assertThat(missing.get("object").asString()).isEqualTo("project:apollo");

    Map<String, String> consent = consent();
    assertThat(api.postJson("/api/consents", web("alice"), consent).status()).isEqualTo(201);
    try {
      Http.Answer created =
          api.postJson("/api/projects/apollo/tickets", slack, ticket("from chat"));
      assertThat(created.status()).isEqualTo(201);
      assertThat(created.json().get("reporter").asString()).isEqualTo("user:alice");
      Http.Answer townSquare =
          api.postJson("/api/projects/town-square/tickets", slack, ticket("from chat"));
      assertThat(townSquare.status()).isEqualTo(403);
      assertThat(townSquare.json().get("type").asString()).endsWith("/consent-required");
      Http.Answer helios = api.postJson("/api/projects/helios/tickets", slack, ticket("x"));
      assertThat(helios.status()).isEqualTo(403);
      assertThat(helios.json().get("type").asString()).endsWith("/forbidden");
    } finally {
      assertThat(api.deleteJson("/api/consents", web("alice"), consent).status()).isEqualTo(204);
    }
    assertThat(api.postJson("/api/projects/apollo/tickets", slack, ticket("again")).status())
        .isEqualTo(403);
  }

  @Test
  void delegationWhenAppGivesItselfConsentThenForbidden() {
    assertThat(api.postJson("/api/consents", slack("alice"), consent()).status()).isEqualTo(403);
    assertThat(api.postJson("/api/projects/apollo/tickets", slack("alice"), ticket("x")).status())
        .isEqualTo(403);
  }

  @Test
  void delegationWhenConsentNamesUnknownAppThenBadRequest() {
    Map<String, String> body =
        Map.of("client", "tandem-web", "relation", "can_view", "object", "project:apollo");
    assertThat(api.postJson("/api/consents", web("alice"), body).status()).isEqualTo(400);
  }

  // 4. Agents: act for a person only within a task, and never beyond it

  @Test
  void agentsWhenTaskGrantsApolloThenAnswerCitesOnlyApollo() {
    String taskId = startTask("alice", 600);
    String agent = oauth.agentToken(web("alice"), taskId);
    JsonNode claims = OAuth.claims(agent);
    assertThat(claims.get("client_id").asString()).isEqualTo("summarizer-agent");
    assertThat(claims.get("act").get("sub").asString()).isEqualTo("summarizer-agent");
    assertThat(claims.get("task_id").asString()).isEqualTo(taskId);

    Http.Answer answer = api.postJson("/api/assistant/answers", agent, question("status"));
    assertThat(answer.status()).isEqualTo(200);
    List<String> sources = strings(answer.json().get("sources"));
    assertThat(sources).isNotEmpty().allMatch(id -> id.startsWith("apollo-"));
    assertThat(answer.json().get("answer").asString()).contains("apollo-1");

    // The person herself sees town-square too: the task, not the person, narrows the answer.
    List<String> hers =
        strings(
            api.postJson("/api/assistant/answers", web("alice"), question("status"))
                .json()
                .get("sources"));
    assertThat(hers).anyMatch(id -> id.startsWith("town-square-"));
    assertThat(hers).noneMatch(id -> id.startsWith("helios-") || id.startsWith("zeus-"));

    Http.Answer leak = api.postJson("/api/projects/town-square/tickets", agent, ticket("leak"));
    assertThat(leak.status()).isEqualTo(403);
    assertThat(leak.json().get("type").asString()).endsWith("/outside-task");
    assertThat(api.postJson("/api/emails", agent, email("user:dave")).status()).isEqualTo(202);
    assertThat(api.postJson("/api/emails", agent, email("group:acme-all")).status()).isEqualTo(403);
  }

  @Test
  void agentsWhenTaskDeletedThenEveryCallForbidden() {
    String taskId = startTask("alice", 600);
    String agent = oauth.agentToken(web("alice"), taskId);
    assertThat(api.postJson("/api/emails", agent, email("user:dave")).status()).isEqualTo(202);

    assertThat(api.deleteJson("/api/agent-tasks/" + taskId, web("alice"), null).status())
        .isEqualTo(204);

    assertEveryAgentCallForbidden(agent);
    assertRefused(
        oauth.exchange("summarizer-agent", "agent-secret", web("alice"), "task:" + taskId),
        "invalid_grant");
  }

  @Test
  void agentsWhenTaskExpiresThenEveryCallForbidden() {
    String taskId = startTask("alice", 60);
    String agent = oauth.agentToken(web("alice"), taskId);
    assertThat(api.postJson("/api/assistant/answers", agent, question("status")).status())
        .isEqualTo(200);

    clock.advance(Duration.ofSeconds(61));

    assertEveryAgentCallForbidden(agent);
    assertRefused(
        oauth.exchange("summarizer-agent", "agent-secret", web("alice"), "task:" + taskId),
        "invalid_grant");
  }

  @Test
  void agentsWhenExchangingForAnotherUsersTaskThenInvalidGrant() {
    String taskId = startTask("alice", 600);
    assertRefused(
        oauth.exchange("summarizer-agent", "agent-secret", web("bob"), "task:" + taskId),
        "invalid_grant");
  }

  @Test
  void agentsWhenSubjectTokenIsServiceAccountsThenInvalidGrant() {
    String taskId = startTask("alice", 600);
    String bot = oauth.serviceToken("reporting-bot", "reporting-secret");
    assertRefused(
        oauth.exchange("summarizer-agent", "agent-secret", bot, "task:" + taskId), "invalid_grant");
  }

  @Test
  void agentsWhenExchangeWithoutTaskScopeThenInvalidScope() {
    assertRefused(
        oauth.exchange("summarizer-agent", "agent-secret", web("alice"), "api"), "invalid_scope");
  }

  @Test
  void agentsWhenPersonGrantsWhatSheDoesNotHoldThenForbidden() {
    Map<String, Object> body =
        Map.of(
            "agent",
            "summarizer-agent",
            "ttlSeconds",
            600,
            "grants",
            List.of(Map.of("relation", "can_view", "object", "project:helios")));
    assertThat(api.postJson("/api/agent-tasks", web("alice"), body).status()).isEqualTo(403);
  }

  @Test
  void agentsWhenAgentStartsTaskOrConsentsThenForbidden() {
    String agent = oauth.agentToken(web("alice"), startTask("alice", 600));
    assertThat(api.postJson("/api/agent-tasks", agent, task(600)).status()).isEqualTo(403);
    assertThat(api.postJson("/api/consents", agent, consent()).status()).isEqualTo(403);
  }

  // 4 through 3: an agent acting for a person through a third-party app needs all three

  @Test
  void agentsViaAppWhenPersonHasNotConsentedThenConsentRequired() {
    String taskId = startTask("alice", 600);
    String agent = oauth.agentToken(slack("alice"), taskId);
    JsonNode claims = OAuth.claims(agent);
    assertThat(claims.get("sub").asString()).isEqualTo("alice");
    assertThat(claims.get("client_id").asString()).isEqualTo("slack-app");
    assertThat(claims.get("act").get("sub").asString()).isEqualTo("summarizer-agent");
    assertThat(claims.get("task_id").asString()).isEqualTo(taskId);

    Http.Answer answer = api.get("/api/projects/apollo/tickets", agent);
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.json().get("type").asString()).endsWith("/consent-required");
    JsonNode missing = answer.json().get("consent");
    assertThat(missing.get("client").asString()).isEqualTo("slack-app");
    assertThat(missing.get("relation").asString()).isEqualTo("can_view");
    assertThat(missing.get("object").asString()).isEqualTo("project:apollo");
  }

  @Test
  void agentsViaAppWhenConsentGivenAndRevokedThenAgentFollowsIt() {
    String agent = oauth.agentToken(slack("alice"), startTask("alice", 600));
    Map<String, String> consent = consent("can_view", "project:apollo");
    assertThat(api.postJson("/api/consents", web("alice"), consent).status()).isEqualTo(201);
    try {
      assertThat(api.get("/api/projects/apollo/tickets", agent).status()).isEqualTo(200);
      // The app may do it for alice, the task may not: the task still bounds the agent.
      Http.Answer leak = api.get("/api/projects/town-square/tickets", agent);
      assertThat(leak.status()).isEqualTo(403);
      assertThat(leak.json().get("type").asString()).endsWith("/forbidden");
    } finally {
      assertThat(api.deleteJson("/api/consents", web("alice"), consent).status()).isEqualTo(204);
    }
    Http.Answer revoked = api.get("/api/projects/apollo/tickets", agent);
    assertThat(revoked.status()).isEqualTo(403);
    assertThat(revoked.json().get("type").asString()).endsWith("/consent-required");
  }

  @Test
  void agentsViaAppWhenTaskEndedThenEveryCallForbidden() {
    String taskId = startTask("alice", 600);
    String agent = oauth.agentToken(slack("alice"), taskId);
    Map<String, String> consent = consent("can_view", "project:apollo");
    assertThat(api.postJson("/api/consents", web("alice"), consent).status()).isEqualTo(201);
    try {
      assertThat(api.get("/api/projects/apollo/tickets", agent).status()).isEqualTo(200);
      assertThat(api.deleteJson("/api/agent-tasks/" + taskId, web("alice"), null).status())
          .isEqualTo(204);

      assertEveryAgentCallForbidden(agent);
      assertRefused(
          oauth.exchange("summarizer-agent", "agent-secret", slack("alice"), "task:" + taskId),
          "invalid_grant");
    } finally {
      assertThat(api.deleteJson("/api/consents", web("alice"), consent).status()).isEqualTo(204);
    }
  }

  @Test
  void agentsViaAppWhenPersonNoLongerHoldsRelationThenForbidden() {
    String agent = oauth.agentToken(slack("bob"), startTask("bob", 600));
    Map<String, String> consent = consent("can_view", "project:apollo");
    assertThat(api.postJson("/api/consents", web("bob"), consent).status()).isEqualTo(201);
    TupleKey membership = TupleKey.of("team:platform", "member", "user:bob");
    try {
      assertThat(api.get("/api/projects/apollo/tickets", agent).status()).isEqualTo(200);
      // Bob leaves the team: the task and the consent still cover apollo, bob himself does not.
      fga.write(WriteRequest.deletes(membership));
      Http.Answer answer = api.get("/api/projects/apollo/tickets", agent);
      assertThat(answer.status()).isEqualTo(403);
      assertThat(answer.json().get("type").asString()).endsWith("/forbidden");
    } finally {
      fga.write(WriteRequest.writes(membership));
      assertThat(api.deleteJson("/api/consents", web("bob"), consent).status()).isEqualTo(204);
    }
  }
}
