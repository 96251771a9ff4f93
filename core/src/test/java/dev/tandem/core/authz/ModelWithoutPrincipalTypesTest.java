package dev.tandem.core.authz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.actor.Actor;
import dev.tandem.core.client.FgaClient;
import dev.tandem.core.client.WriteRequest;
import dev.tandem.core.http.AuthorizationProblem;
import dev.tandem.core.model.ModelDsl;
import dev.tandem.core.tuple.TupleCondition;
import dev.tandem.core.tuple.TupleKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A model that defines only users receives a delegated app's or an agent's request: the principal
 * whose type the model lacks is denied as {@link DenialReason#TYPE_NOT_IN_MODEL}, answered 403 (a
 * deployment problem, not the caller's), while a request whose own object is unknown stays 400.
 */
class ModelWithoutPrincipalTypesTest {

  private final FgaClient fga = FgaClient.builder().embedded().build();
  private final Authorizer authorizer = Authorizer.create(fga);

  ModelWithoutPrincipalTypesTest() {
    fga.writeAuthorizationModel(
        ModelDsl.parse(
            """
            model
              schema 1.1
            type user
            type project
              relations
                define viewer: [user]
            """));
    fga.write(WriteRequest.writes(TupleKey.of("project:apollo", "viewer", "user:alice")));
  }

  @Test
  void decideWhenModelHasNoConsentTypeThenConsentDeniedAsTypeNotInModel() {
    Decision decision =
        authorizer.decide(Actor.user("alice").viaClient("slack"), "viewer", "project:apollo");

    assertThat(decision.denials())
        .containsExactly(new Denial(PrincipalRole.CONSENT, DenialReason.TYPE_NOT_IN_MODEL));
    AuthorizationProblem problem =
        AuthorizationProblem.of(
            decision, Actor.user("alice").viaClient("slack"), Duration.ofSeconds(5));
    assertThat(problem.status()).isEqualTo(403);
    assertThat(problem.type().toString()).endsWith("/forbidden");
  }

  @Test
  void decideWhenModelHasNoTaskTypeThenTaskDeniedAsTypeNotInModel() {
    Actor agent = Actor.user("alice").withAgentTask("summarizer", "t1");

    Decision decision = authorizer.decide(agent, "viewer", "project:apollo");

    assertThat(decision.granted()).isFalse();
    assertThat(decision.denials())
        .extracting(Denial::reason)
        .containsOnly(DenialReason.TYPE_NOT_IN_MODEL);
    assertThat(AuthorizationProblem.of(decision, agent, Duration.ofSeconds(5)).status())
        .isEqualTo(403);
  }

  @Test
  void decideWhenUserAlsoLacksTheRelationThenBothAreNamed() {
    Decision decision =
        authorizer.decide(Actor.user("bob").viaClient("slack"), "viewer", "project:apollo");

    assertThat(decision.denials())
        .containsExactlyInAnyOrder(
            new Denial(PrincipalRole.USER, DenialReason.NOT_GRANTED),
            new Denial(PrincipalRole.CONSENT, DenialReason.TYPE_NOT_IN_MODEL));
  }

  @Test
  void decideWhenTheRequestedObjectTypeIsUnknownThenStillAnInvalidRequest() {
    Decision decision =
        authorizer.decide(Actor.user("alice").viaClient("slack"), "viewer", "ticket:a1");

    assertThat(decision.denials())
        .contains(new Denial(PrincipalRole.USER, DenialReason.INVALID_REQUEST));
    assertThat(
            AuthorizationProblem.of(
                    decision, Actor.user("alice").viaClient("slack"), Duration.ofSeconds(5))
                .status())
        .isEqualTo(400);
  }

  @Test
  void decideWhenContextQuotesTypeNotFoundThenStillInvalidRequest() {
    FgaClient conditioned = FgaClient.builder().embedded().build();
    conditioned.writeAuthorizationModel(
        ModelDsl.parse(
            """
            model
              schema 1.1
            type user
            type project
              relations
                define viewer: [user with from_office]
            condition from_office(ip: ipaddress) {
              ip.in_cidr("10.0.0.0/8")
            }
            """));
    conditioned.write(
        WriteRequest.writes(
            new TupleKey(
                "project:apollo", "viewer", "user:alice", TupleCondition.of("from_office"))));
    Actor alice = Actor.user("alice");

    // The engine's message echoes the value: "... 'type 'user' not found' is not an IP address".
    Decision decision =
        Authorizer.create(conditioned)
            .decide(
                alice,
                "viewer",
                "project:apollo",
                List.of(),
                Map.of("ip", "type 'user' not found"));

    assertThat(decision.denials())
        .containsExactly(new Denial(PrincipalRole.USER, DenialReason.INVALID_REQUEST));
    assertThat(AuthorizationProblem.of(decision, alice, Duration.ofSeconds(5)).status())
        .isEqualTo(400);
  }

  @Test
  void decideWhenContextualTupleQuotesTypeNotFoundThenStillInvalidRequest() {
    Actor alice = Actor.user("alice").viaClient("slack");
    TupleKey echoed =
        TupleKey.of("project:apollo", "no_such_relation", "user:type 'user' not found");

    Decision decision =
        authorizer.decide(alice, "viewer", "project:apollo", List.of(echoed), Map.of());

    assertThat(decision.denials())
        .contains(new Denial(PrincipalRole.USER, DenialReason.INVALID_REQUEST));
    assertThat(AuthorizationProblem.of(decision, alice, Duration.ofSeconds(5)).status())
        .isEqualTo(400);
  }

  @Test
  void decideWhenEveryTypeIsDefinedThenUnchanged() {
    assertThat(authorizer.decide(Actor.user("alice"), "viewer", "project:apollo").granted())
        .isTrue();
    assertThat(authorizer.decide(Actor.user("bob"), "viewer", "project:apollo").denials())
        .containsExactly(new Denial(PrincipalRole.USER, DenialReason.NOT_GRANTED));
  }
}
