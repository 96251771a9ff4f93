package dev.tandem.core.authz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.actor.Actor;
import dev.tandem.core.actor.InvalidActorException;
import dev.tandem.core.actor.SubjectMapper;
import dev.tandem.core.actor.SubjectTypes;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The authorizer reuses the chain of the last actor only where that cannot change a decision. */
class ChainReuseTest {

  private final ProjectManagement pm = new ProjectManagement();

  @Test
  void decideWhenActorsAlternateThenEachIsDecidedForItself() {
    Actor alice = Actor.user("alice");

    assertThat(pm.authorizer.decide(alice, "can_view", "project:apollo").granted()).isTrue();
    assertThat(pm.authorizer.decide(Actor.user("erin"), "can_view", "project:apollo").granted())
        .isFalse();
    assertThat(pm.authorizer.decide(alice, "can_view", "project:apollo").granted()).isTrue();
    assertThat(
            pm.authorizer.decide(alice.viaClient("slack"), "can_view", "project:apollo").denials())
        .containsExactly(new Denial(PrincipalRole.CONSENT, DenialReason.NOT_GRANTED));
    assertThat(pm.authorizer.decide(Actor.user("alice"), "can_view", "project:apollo").granted())
        .isTrue();
  }

  @Test
  void decideWhenOwnSubjectMapperStartsRejectingThenNextDecisionDenied() {
    AtomicBoolean blocked = new AtomicBoolean();
    SubjectMapper defaults = SubjectMapper.defaults();
    SubjectMapper blocking =
        new SubjectMapper() {
          @Override
          public SubjectTypes types() {
            return defaults.types();
          }

          @Override
          public String user(String userId) {
            if (blocked.get()) {
              throw new InvalidActorException("user " + userId + " is blocked");
            }
            return defaults.user(userId);
          }

          @Override
          public String client(String clientId) {
            return defaults.client(clientId);
          }

          @Override
          public String consent(String clientId, String userId) {
            return defaults.consent(clientId, userId);
          }

          @Override
          public String task(String taskId) {
            return defaults.task(taskId);
          }

          @Override
          public String agent(String agentId) {
            return defaults.agent(agentId);
          }
        };
    Authorizer authorizer = Authorizer.builder(pm.client).subjects(blocking).build();
    Actor alice = Actor.user("alice");
    assertThat(authorizer.decide(alice, "can_view", "project:apollo").granted()).isTrue();

    blocked.set(true);

    assertThat(authorizer.decide(alice, "can_view", "project:apollo").denials())
        .containsExactly(new Denial(PrincipalRole.USER, DenialReason.INVALID_SUBJECT));
  }
}
