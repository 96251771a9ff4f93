package dev.tandem.core.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.core.FgaValidationException;
import dev.tandem.core.actor.InvalidActorException;
import dev.tandem.core.tuple.Identifiers;
import dev.tandem.core.tuple.TupleCondition;
import dev.tandem.core.tuple.TupleKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Starting, finding and ending agent tasks. */
class TaskGrantsTest {

  private final ProjectManagement pm = new ProjectManagement();
  private final List<Permission> grants =
      List.of(Permission.of("can_view", "project:apollo"), Permission.of("can_email", "user:dave"));

  @Test
  void startWhenCalledThenWritesBindingsAndConditionalGrants() {
    String id = pm.tasks.start("alice", "summarizer", grants, Duration.ofMinutes(10));

    String task = "task:" + id;
    TupleCondition active =
        new TupleCondition("task_active", Map.of("expires_at", "2026-03-02T09:10:00Z"));
    assertThat(Tuples.readAll(pm.client, task, null, null))
        .containsExactlyInAnyOrder(
            TupleKey.of(task, "owner", "user:alice"),
            TupleKey.of(task, "agent", "agent:summarizer"));
    assertThat(Tuples.grantsTo(pm.client, task))
        .containsExactlyInAnyOrder(
            new TupleKey("user:dave", "can_email", task, active),
            new TupleKey("project:apollo", "can_view", task, active));
  }

  @Test
  void startWhenCalledRepeatedlyThenIdsAreDistinctUnguessableAndValid() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      String id = pm.tasks.start("alice", "summarizer", grants, Duration.ofMinutes(1));
      assertThat(id).hasSize(26).matches("[0-9a-hjkmnp-tv-z]{26}");
      assertThat(Identifiers.isValidObjectId(id)).isTrue();
      ids.add(id);
    }
    assertThat(ids).hasSize(50);
  }

  @Test
  void findWhenTaskRunningThenOwnerAgentGrantsAndExpiry() {
    String id = pm.tasks.start("alice", "summarizer", grants, Duration.ofMinutes(10));

    Task task = pm.tasks.find(id).orElseThrow();

    assertThat(task.userId()).isEqualTo("alice");
    assertThat(task.agentId()).isEqualTo("summarizer");
    assertThat(task.grants()).containsExactlyInAnyOrderElementsOf(grants);
    assertThat(task.expiresAt()).isEqualTo(Instant.parse("2026-03-02T09:10:00Z"));
  }

  @Test
  void isLiveWhenBoundAndUnexpiredThenTrueOtherwiseFalse() {
    String id = pm.tasks.start("alice", "summarizer", grants, Duration.ofMinutes(10));

    assertThat(pm.tasks.isLive(id, "alice", "summarizer")).isTrue();
    assertThat(pm.tasks.isLive(id, "bob", "summarizer")).isFalse();
    assertThat(pm.tasks.isLive(id, "alice", "other-agent")).isFalse();
    assertThat(pm.tasks.isLive("nosuchtask", "alice", "summarizer")).isFalse();
    pm.clock.advance(Duration.ofMinutes(10));
    assertThat(pm.tasks.isLive(id, "alice", "summarizer")).isFalse();
  }

  @Test
  void endWhenCalledThenNothingOfTheTaskRemainsAndFindIsEmpty() {
    String id = pm.tasks.start("alice", "summarizer", grants, Duration.ofMinutes(10));

    pm.tasks.end(id);
    pm.tasks.end(id);

    assertThat(Tuples.readAll(pm.client, "task:" + id, null, null)).isEmpty();
    assertThat(Tuples.grantsTo(pm.client, "task:" + id)).isEmpty();
    assertThat(pm.tasks.find(id)).isEmpty();
  }

  @Test
  void startWhenUserDoesNotHoldAGrantThenRefusedAndNothingWritten() {
    List<Permission> tooMuch =
        List.of(
            Permission.of("can_view", "project:apollo"),
            Permission.of("can_view", "project:secret"));

    assertThatThrownBy(() -> pm.tasks.start("alice", "summarizer", tooMuch, Duration.ofMinutes(5)))
        .isInstanceOf(FgaValidationException.class)
        .hasMessageContaining("can_view on project:secret");
    assertThat(pm.client.writes.get()).isZero();
  }

  @Test
  void startWhenIdsOrArgumentsInvalidThenRejectedBeforeAnyCall() {
    assertThatThrownBy(() -> pm.tasks.start("alice", "agent#x", grants, Duration.ofMinutes(5)))
        .isInstanceOf(InvalidActorException.class);
    assertThatThrownBy(() -> pm.tasks.start("al ice", "summarizer", grants, Duration.ofMinutes(5)))
        .isInstanceOf(InvalidActorException.class);
    assertThatThrownBy(
            () ->
                pm.tasks.start(
                    "alice",
                    "summarizer",
                    List.of(Permission.of("can_view", "project:*")),
                    Duration.ofMinutes(5)))
        .isInstanceOf(FgaValidationException.class);
    assertThatThrownBy(() -> pm.tasks.start("alice", "summarizer", grants, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> pm.tasks.start("alice", "summarizer", List.of(), Duration.ofMinutes(5)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> pm.tasks.end("*")).isInstanceOf(InvalidActorException.class);
    assertThat(pm.client.calls()).isZero();
  }
}
