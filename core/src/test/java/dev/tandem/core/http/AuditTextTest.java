package dev.tandem.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.actor.Actor;
import org.junit.jupiter.api.Test;

/** Audit text never lets a value end its field or start a line, and keeps plain ids readable. */
class AuditTextTest {

  @Test
  void actorChainWhenIdsArePlainThenWrittenAsTheyAre() {
    assertThat(
            AuditText.actorChain(
                Actor.user("alice").viaClient("slack-app").withAgentTask("bot", "t1")))
        .isEqualTo("user:alice via client:slack-app with agent:bot task:t1");
    assertThat(AuditText.actorChain(Actor.serviceAccount("reporting-bot")))
        .isEqualTo("service_account:reporting-bot");
    assertThat(AuditText.actorChain(null)).isEmpty();
  }

  @Test
  void escapeWhenValueHoldsLineBreaksSpacesBracketsOrBidiThenNoneSurvivesRaw() {
    String escaped = AuditText.escape("a\nb c]\\\u202Ed", false);

    assertThat(escaped).isEqualTo("a\\u000Ab\\u0020c\\]\\\\\\u202Ed");
    assertThat(escaped).doesNotContain("\n", " ", "\u202E");
    assertThat(AuditText.escape("GET /a -> b", true)).isEqualTo("GET /a -> b");
  }

  @Test
  void escapeWhenValueIsLongerThanTheLimitThenCutAndMarked() {
    String escaped = AuditText.escape("x".repeat(AuditText.MAX_VALUE + 10), false);

    assertThat(escaped).hasSize(AuditText.MAX_VALUE + 3).endsWith("...");
  }
}
