package dev.tandem.core.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.core.FgaUnavailableException;
import dev.tandem.core.actor.Actor;
import dev.tandem.core.actor.InvalidActorException;
import dev.tandem.core.client.Consistency;
import dev.tandem.core.client.FgaClient;
import dev.tandem.core.client.ForwardingFgaClient;
import dev.tandem.core.engine.BatchCheckItem;
import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.engine.ListObjectsRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Any exception, invalid id or doubt is a denial with its reason, never a grant. */
class FailClosedTest {

  private final ProjectManagement pm = new ProjectManagement();
  private final String task =
      pm.tasks.start(
          "alice",
          "summarizer",
          List.of(Permission.of("can_view", "project:apollo")),
          Duration.ofMinutes(30));
  private final Actor full =
      Actor.user("alice").viaClient("slack").withAgentTask("summarizer", task);

  {
    pm.consents.grant("alice", "slack", Permission.of("can_view", "project:apollo"));
    pm.client.reset();
  }

  @Test
  void decideWhenBackendUnavailableThenDeniedUnavailableForEveryPrincipal() {
    Authorizer authorizer = pm.authorizerOver(failing(pm.client));

    Decision decision = authorizer.decide(full, "can_view", "project:apollo");

    assertThat(decision.denials())
        .containsExactly(
            new Denial(PrincipalRole.USER, DenialReason.UNAVAILABLE),
            new Denial(PrincipalRole.CONSENT, DenialReason.UNAVAILABLE),
            new Denial(PrincipalRole.TASK, DenialReason.UNAVAILABLE));
    assertThat(((Decision.Denied) decision).hasReason(DenialReason.UNAVAILABLE)).isTrue();
  }

  @Test
  void decideWhenBackendThrowsSomethingUnexpectedThenDeniedUnavailable() {
    FgaClient broken =
        batchAnswering(
            pm.client,
            requests -> {
              throw new IllegalStateException("connection pool closed");
            });

    Decision decision = pm.authorizerOver(broken).decide(full, "can_view", "project:apollo");

    assertThat(decision.granted()).isFalse();
    assertThat(((Decision.Denied) decision).hasReason(DenialReason.UNAVAILABLE)).isTrue();
  }

  @Test
  void decideWhenBackendAnswersTooFewItemsThenDeniedUnavailable() {
    FgaClient truncated =
        batchAnswering(pm.client, requests -> List.of(pm.client.batchCheck(requests).get(0)));

    Decision decision = pm.authorizerOver(truncated).decide(full, "can_view", "project:apollo");

    assertThat(decision.denials())
        .extracting(Denial::reason)
        .containsOnly(DenialReason.UNAVAILABLE);
  }

  @Test
  void decideWhenOneItemFailsThenOnlyItsPrincipalIsDeniedUnavailable() {
    FgaClient oneFails =
        batchAnswering(
            pm.client,
            requests -> {
              List<BatchCheckItem> items =
                  new java.util.ArrayList<>(pm.client.batchCheck(requests));
              for (int i = 0; i < requests.size(); i++) {
                if (requests.get(i).user().startsWith("consent:")) {
                  items.set(i, new BatchCheckItem.Failed(new FgaUnavailableException("timeout")));
                }
              }
              return items;
            });

    Decision decision = pm.authorizerOver(oneFails).decide(full, "can_view", "project:apollo");

    assertThat(decision.denials())
        .containsExactly(new Denial(PrincipalRole.CONSENT, DenialReason.UNAVAILABLE));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "bob#member",
        "*",
        "user:bob",
        "bob smith",
        "bob\tx",
        "bob\n",
        "",
        "a\u200bb",
        "a\u0000b",
        "bob*"
      })
  void decideWhenAnyIdInjectsStructureThenDeniedInvalidSubjectWithoutAnyCall(String id) {
    List<Function<String, Actor>> actors =
        List.of(
            bad -> Actor.user(bad),
            bad -> Actor.user("alice").viaClient(bad),
            bad -> Actor.user("alice").withAgentTask(bad, task),
            bad -> Actor.user("alice").withAgentTask("summarizer", bad),
            bad -> Actor.serviceAccount(bad).inTenant("acme"));
    List<PrincipalRole> roles =
        List.of(
            PrincipalRole.USER,
            PrincipalRole.CONSENT,
            PrincipalRole.TASK,
            PrincipalRole.TASK,
            PrincipalRole.SERVICE_ACCOUNT);

    for (int i = 0; i < actors.size(); i++) {
      Decision decision =
          pm.authorizer.decide(actors.get(i).apply(id), "can_view", "project:apollo");

      assertThat(decision.denials())
          .contains(new Denial(roles.get(i), DenialReason.INVALID_SUBJECT))
          .extracting(Denial::reason)
          .containsOnly(DenialReason.INVALID_SUBJECT);
    }
    assertThat(pm.client.calls()).isZero();
  }

  @Test
  void decideWhenIdIsOverLongThenDeniedInvalidSubjectWithoutAnyCall() {
    Decision decision = pm.authorizer.decide(Actor.user("a".repeat(300)), "can_view", "project:a");

    assertThat(decision.denials())
        .containsExactly(new Denial(PrincipalRole.USER, DenialReason.INVALID_SUBJECT));
    assertThat(pm.client.calls()).isZero();
  }

  @Test
  void decideWhenTenantInjectsStructureThenDeniedInvalidSubjectWithoutAnyCall() {
    Actor ci = Actor.serviceAccount("acme-ci").inTenant("acme#member");

    assertThat(pm.authorizer.decide(ci, "can_view", "project:apollo").denials())
        .containsExactly(new Denial(PrincipalRole.SERVICE_ACCOUNT, DenialReason.INVALID_SUBJECT));
    assertThat(pm.client.calls()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"project:*", "project:a#viewer", "project:a b", "project", "project:"})
  void decideWhenObjectInvalidThenDeniedInvalidRequestWithoutAnyCall(String object) {
    Decision decision = pm.authorizer.decide(full, "can_view", object);

    assertThat(decision.denials())
        .extracting(Denial::reason)
        .containsOnly(DenialReason.INVALID_REQUEST);
    assertThat(decision.object()).isEqualTo(object);
    assertThat(pm.client.calls()).isZero();
  }

  @Test
  void decideWhenRelationUnknownToModelThenDeniedInvalidRequest() {
    Decision decision = pm.authorizer.decide(Actor.user("alice"), "can_fly", "project:apollo");

    assertThat(decision.denials())
        .containsExactly(new Denial(PrincipalRole.USER, DenialReason.INVALID_REQUEST));
  }

  @Test
  void decideWhenContextualTupleForgesATaskGrantThenDeniedInvalidRequest() {
    Decision decision =
        pm.authorizer.decide(
            full,
            "can_view",
            "project:zeus",
            List.of(ProjectManagement.tuple("project:zeus", "can_view", "task:" + task)),
            Map.of());

    assertThat(decision.denials())
        .extracting(Denial::reason)
        .containsOnly(DenialReason.INVALID_REQUEST);
    assertThat(pm.client.calls()).isZero();
  }

  @Test
  void listObjectsAndFilterWhenBackendUnavailableThenThrowRatherThanAnswer() {
    Authorizer authorizer = pm.authorizerOver(failing(pm.client));

    assertThatThrownBy(() -> authorizer.listObjects(full, "can_view", "ticket"))
        .isInstanceOf(FgaUnavailableException.class);
    assertThatThrownBy(() -> authorizer.filter(full, "can_view", List.of("ticket:a1")))
        .isInstanceOf(FgaUnavailableException.class);
    assertThatThrownBy(
            () -> authorizer.filter(Actor.user("alice"), "can_view", List.of("ticket:a1")))
        .isInstanceOf(FgaUnavailableException.class);
  }

  @Test
  void listObjectsAndFilterWhenActorInvalidThenThrowWithoutAnyCall() {
    Actor injected = Actor.user("alice").withAgentTask("summarizer", "*");

    assertThatThrownBy(() -> pm.authorizer.listObjects(injected, "can_view", "ticket"))
        .isInstanceOf(InvalidActorException.class)
        .hasMessageContaining("TASK INVALID_SUBJECT");
    assertThatThrownBy(() -> pm.authorizer.filter(injected, "can_view", List.of("ticket:a1")))
        .isInstanceOf(InvalidActorException.class);
    assertThat(pm.client.calls()).isZero();
  }

  /** A client whose every query fails as an unreachable server would. */
  static FgaClient failing(FgaClient delegate) {
    return new ForwardingFgaClient(delegate) {
      @Override
      public List<BatchCheckItem> batchCheck(List<CheckRequest> requests, Consistency c) {
        throw new FgaUnavailableException("connection refused");
      }

      @Override
      public Set<String> listObjects(ListObjectsRequest request, Consistency c) {
        throw new FgaUnavailableException("connection refused");
      }
    };
  }

  private static FgaClient batchAnswering(
      FgaClient delegate, Function<List<CheckRequest>, List<BatchCheckItem>> answer) {
    return new ForwardingFgaClient(delegate) {
      @Override
      public List<BatchCheckItem> batchCheck(List<CheckRequest> requests, Consistency c) {
        return answer.apply(requests);
      }
    };
  }
}
