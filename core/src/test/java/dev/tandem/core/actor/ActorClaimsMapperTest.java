package dev.tandem.core.actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActorClaimsMapperTest {

  private final ActorClaimsMapper mapper =
      ActorClaimsMapper.builder().firstPartyClients(List.of("web")).build();

  @Test
  void mapWhenUserCallsThroughFirstPartyAppThenPlainUser() {
    Actor actor = mapper.map(Map.of("sub", "alice", "client_id", "web", "tenant", "acme"));

    assertThat(actor).isEqualTo(Actor.user("alice").inTenant("acme"));
  }

  @Test
  void mapWhenThirdPartyAppNamedByAzpThenDelegatedClient() {
    Actor actor = mapper.map(Map.of("sub", "alice", "azp", "slack"));

    assertThat(actor).isEqualTo(Actor.user("alice").viaClient("slack"));
  }

  @Test
  void mapWhenClientIdAndAzpBothPresentThenClientIdWins() {
    Actor actor = mapper.map(Map.of("sub", "alice", "client_id", "web", "azp", "slack"));

    assertThat(actor.delegatedClientId()).isNull();
  }

  @Test
  void mapWhenClientCredentialsGrantTypeThenServiceAccountOfTheClient() {
    Actor actor =
        mapper.map(
            Map.of(
                "sub",
                "ci-bot@clients",
                "azp",
                "ci-bot",
                "gty",
                "client-credentials",
                "tenant",
                "acme"));

    assertThat(actor).isEqualTo(Actor.serviceAccount("ci-bot").inTenant("acme"));
  }

  @Test
  void mapWhenSubjectEqualsClientIdOrIsAbsentThenServiceAccount() {
    assertThat(mapper.map(Map.of("sub", "ci-bot", "client_id", "ci-bot")))
        .isEqualTo(Actor.serviceAccount("ci-bot"));
    assertThat(mapper.map(Map.of("client_id", "ci-bot"))).isEqualTo(Actor.serviceAccount("ci-bot"));
  }

  @Test
  void mapWhenActClaimNamesAgentThenAgentTaskAndNestedActorsOnlyAsChain() {
    Map<String, Object> claims =
        Map.of(
            "sub", "alice",
            "client_id", "slack",
            "task_id", "t1",
            "act",
                Map.of(
                    "sub",
                    "summarizer",
                    "act",
                    Map.of("sub", "planner", "act", Map.of("sub", "root"))));

    Actor actor = mapper.map(claims);

    assertThat(actor)
        .isEqualTo(
            Actor.user("alice")
                .viaClient("slack")
                .withAgentTask("summarizer", "t1")
                .withActChain(List.of("planner", "root")));
  }

  @Test
  void mapWhenTaskIdInsideActThenUsed() {
    Actor actor =
        mapper.map(
            Map.of(
                "sub", "alice", "client_id", "web", "act", Map.of("sub", "bot", "task_id", "t9")));

    assertThat(actor.agentTask()).isEqualTo(new Actor.AgentTask("bot", "t9"));
  }

  @Test
  void mapWhenClaimNamesAreConfiguredThenThoseAreRead() {
    ActorClaimsMapper custom =
        ActorClaimsMapper.builder()
            .userIdClaim("uid")
            .clientIdClaims(List.of("cid"))
            .taskIdClaim("job")
            .tenantClaim("org")
            .serviceAccountGrantTypes("grant", List.of("m2m"))
            .build();

    assertThat(custom.map(Map.of("uid", "alice", "cid", "app", "org", "acme")))
        .isEqualTo(Actor.user("alice").viaClient("app").inTenant("acme"));
    assertThat(custom.map(Map.of("uid", "x", "cid", "svc", "grant", "m2m")))
        .isEqualTo(Actor.serviceAccount("svc"));
    assertThat(
            custom
                .map(Map.of("uid", "a", "cid", "app", "act", Map.of("sub", "b"), "job", "j"))
                .agentTask())
        .isEqualTo(new Actor.AgentTask("b", "j"));
  }

  @Test
  void mapWhenNoClientNamedThenRejectedUnlessAllowed() {
    assertThatThrownBy(() -> mapper.map(Map.of("sub", "alice")))
        .isInstanceOf(InvalidActorException.class)
        .hasMessageContaining("names no client");

    ActorClaimsMapper lenient = ActorClaimsMapper.builder().allowTokensWithoutClient(true).build();
    assertThat(lenient.map(Map.of("sub", "alice"))).isEqualTo(Actor.user("alice"));
  }

  @Test
  void mapWhenClaimsMalformedThenRejectedNamingTheClaim() {
    assertRejected(Map.of("client_id", "web", "sub", 42), "'sub' claim must be a string");
    assertRejected(Map.of("client_id", "web", "sub", ""), "'sub' claim must not be empty");
    assertRejected(Map.of("gty", "client-credentials"), "needs a client id claim");
    assertRejected(
        Map.of("sub", "alice", "client_id", "web", "act", "bot"),
        "'act' claim must be a JSON object");
    assertRejected(
        Map.of("sub", "alice", "client_id", "web", "act", Map.of("task_id", "t")),
        "'act' claim has no 'sub'");
    assertRejected(
        Map.of("sub", "alice", "client_id", "web", "act", Map.of("sub", "bot")), "no task id");
    assertRejected(Map.of("sub", "alice", "client_id", "web", "task_id", "t1"), "no agent");
    assertRejected(
        Map.of(
            "sub",
            "a",
            "client_id",
            "web",
            "task_id",
            "t1",
            "act",
            Map.of("sub", "b", "task_id", "t2")),
        "two different task ids");
    assertRejected(
        Map.of(
            "sub",
            "a",
            "client_id",
            "web",
            "task_id",
            "t",
            "act",
            Map.of("sub", "b", "act", List.of())),
        "'act.act' claim must be a JSON object");
    assertRejected(
        Map.of("sub", "svc", "client_id", "svc", "act", Map.of("sub", "b")),
        "service-account token cannot carry");
  }

  @Test
  void mapWhenActChainNestedTooDeepThenRejected() {
    Map<String, Object> act = Map.of("sub", "a0");
    for (int i = 1; i < 40; i++) {
      act = Map.of("sub", "a" + i, "act", act);
    }
    Map<String, Object> claims = Map.of("sub", "u", "client_id", "web", "task_id", "t", "act", act);

    assertRejected(claims, "nested too deep");
  }

  private void assertRejected(Map<String, ?> claims, String message) {
    assertThatThrownBy(() -> mapper.map(claims))
        .isInstanceOf(InvalidActorException.class)
        .hasMessageContaining(message);
  }
}
