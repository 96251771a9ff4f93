package dev.tandem.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.core.actor.Actor;
import dev.tandem.core.authz.Decision;
import dev.tandem.core.authz.Denial;
import dev.tandem.core.authz.DenialReason;
import dev.tandem.core.authz.PrincipalRole;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthorizationProblemTest {

  private static final Actor SLACK_FOR_ALICE = Actor.user("alice").viaClient("slack-app");
  private static final Duration RETRY = Duration.ofSeconds(2);

  @Test
  void ofWhenOnlyConsentMissingThenConsentRequiredNamesClientRelationAndObject() {
    AuthorizationProblem problem =
        AuthorizationProblem.of(
            denied(new Denial(PrincipalRole.CONSENT, DenialReason.NOT_GRANTED)),
            SLACK_FOR_ALICE,
            RETRY);

    assertThat(problem.status()).isEqualTo(403);
    assertThat(problem.type().toString()).endsWith("/consent-required");
    assertThat(problem.toJson())
        .contains(
            "\"consent\":{\"client\":\"slack-app\",\"relation\":\"can_create_ticket\","
                + "\"object\":\"project:apollo\"}");
  }

  @Test
  void ofWhenUserAndConsentBothMissingThenPlainForbidden() {
    AuthorizationProblem problem =
        AuthorizationProblem.of(
            denied(
                new Denial(PrincipalRole.USER, DenialReason.NOT_GRANTED),
                new Denial(PrincipalRole.CONSENT, DenialReason.NOT_GRANTED)),
            SLACK_FOR_ALICE,
            RETRY);

    assertThat(problem.status()).isEqualTo(403);
    assertThat(problem.type().toString()).endsWith("/forbidden");
    assertThat(problem.toJson()).doesNotContain("consent").doesNotContain("apollo");
  }

  @Test
  void ofWhenBackendFailedThen503WithRetryAfterAndNeverAllowed() {
    AuthorizationProblem problem =
        AuthorizationProblem.of(
            denied(new Denial(PrincipalRole.USER, DenialReason.UNAVAILABLE)),
            Actor.user("alice"),
            Duration.ofMillis(1500));

    assertThat(problem.status()).isEqualTo(503);
    assertThat(problem.headers()).containsEntry("Retry-After", "2");
  }

  @Test
  void ofWhenOnePrincipalDeniedAndAnotherUnavailableThenDefinitive403Wins() {
    AuthorizationProblem problem =
        AuthorizationProblem.of(
            denied(
                new Denial(PrincipalRole.USER, DenialReason.UNAVAILABLE),
                new Denial(PrincipalRole.TASK, DenialReason.NOT_GRANTED)),
            Actor.user("alice").withAgentTask("summarizer-agent", "t1"),
            RETRY);

    assertThat(problem.status()).isEqualTo(403);
  }

  @Test
  void ofWhenInvalidRequestThen400WithoutEchoingInput() {
    AuthorizationProblem problem =
        AuthorizationProblem.of(
            new Decision.Denied(
                "can_view",
                "project:a b#c",
                List.of(new Denial(PrincipalRole.USER, DenialReason.INVALID_REQUEST))),
            Actor.user("alice"),
            RETRY);

    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.toJson()).doesNotContain("a b#c");
  }

  @Test
  void ofWhenGrantedThenRejected() {
    assertThatThrownBy(
            () ->
                AuthorizationProblem.of(
                    new Decision.Granted("can_view", "project:apollo"), Actor.user("a"), RETRY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unauthenticatedWhenBuiltThenAsksForBearerToken() {
    assertThat(AuthorizationProblem.unauthenticated().headers())
        .containsEntry("WWW-Authenticate", "Bearer");
  }

  @Test
  void invalidTokenWhenBuiltThenSaysSoInTheChallengeOnly() {
    AuthorizationProblem problem = AuthorizationProblem.invalidToken();
    assertThat(problem.status()).isEqualTo(401);
    assertThat(problem.headers())
        .containsEntry("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    assertThat(problem.toJson()).isEqualTo(AuthorizationProblem.unauthenticated().toJson());
  }

  @Test
  void ofWhenAnIdOfTheTokenCannotBeASubjectThen401InvalidToken() {
    AuthorizationProblem problem =
        AuthorizationProblem.of(
            denied(new Denial(PrincipalRole.USER, DenialReason.INVALID_SUBJECT)),
            Actor.user("a"),
            RETRY);
    assertThat(problem.status()).isEqualTo(401);
    assertThat(problem.headers())
        .containsEntry("WWW-Authenticate", "Bearer error=\"invalid_token\"");
  }

  @Test
  void ofWhenModelLacksAPrincipalTypeThen403EvenIfAnotherCheckWasUnavailable() {
    AuthorizationProblem problem =
        AuthorizationProblem.of(
            denied(
                new Denial(PrincipalRole.USER, DenialReason.UNAVAILABLE),
                new Denial(PrincipalRole.CONSENT, DenialReason.TYPE_NOT_IN_MODEL)),
            Actor.user("a").viaClient("slack"),
            RETRY);
    assertThat(problem.status()).isEqualTo(403);
    assertThat(problem.type().toString()).endsWith("/forbidden");
  }

  private static Decision denied(Denial... denials) {
    return new Decision.Denied("can_create_ticket", "project:apollo", List.of(denials));
  }
}
