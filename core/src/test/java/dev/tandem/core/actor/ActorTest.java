package dev.tandem.core.actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActorTest {

  @Test
  void actorWhenServiceAccountGivenDelegatedClientOrAgentThenRejected() {
    Actor ci = Actor.serviceAccount("ci");

    assertThatThrownBy(() -> ci.viaClient("slack")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ci.withAgentTask("bot", "t1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void actorWhenActChainListChangesLaterThenActorKeepsItsCopy() {
    List<String> chain = new ArrayList<>(List.of("planner"));
    Actor actor = Actor.user("alice").withActChain(chain);

    chain.add("root");

    assertThat(actor.actChain()).containsExactly("planner");
  }
}
