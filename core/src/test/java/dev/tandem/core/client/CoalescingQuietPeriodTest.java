package dev.tandem.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.engine.CheckResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The early flush of a batch that has stopped growing, on a fake clock. The leader reports each
 * wait it starts ({@code parks}); the test moves the clock and wakes the leader to look at it
 * again, so nothing depends on real time.
 */
@Timeout(60)
class CoalescingQuietPeriodTest {

  static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  final FakeFgaClient delegate = new FakeFgaClient();
  final AtomicLong now = new AtomicLong(1_000 * SECOND);
  final BlockingQueue<Long> parks = new LinkedBlockingQueue<>();
  CoalescingFgaClient client;

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
  }

  CoalescingFgaClient coalescing(Duration window, Duration quiet) {
    client =
        CoalescingFgaClient.wrap(
            delegate, new CoalescingOptions(window, 50, quiet), () -> {}, now::get, parks::add);
    return client;
  }

  /** Moves the clock and has the leader look at it. */
  void advance(long nanos) {
    now.addAndGet(nanos);
    client.wakeLeaders();
  }

  List<CompletableFuture<CheckResult>> ask(int from, int to) {
    List<CompletableFuture<CheckResult>> answers = new ArrayList<>();
    for (int i = from; i < to; i++) {
      answers.add(client.checkAsync(CheckRequest.of("doc:readme", "viewer", "user:u" + i)));
    }
    return answers;
  }

  @Test
  void batchWhenNoCheckArrivesForTheQuietPeriodThenSentBeforeTheWindowEnds() throws Exception {
    coalescing(Duration.ofMinutes(10), Duration.ofSeconds(60));
    List<CompletableFuture<CheckResult>> answers = ask(0, 3);
    assertThat(parks.take()).as("leader waits the quiet period").isEqualTo(60 * SECOND);

    now.addAndGet(30 * SECOND);
    answers.addAll(ask(3, 4));
    client.wakeLeaders();
    assertThat(parks.take()).as("a new check restarts the quiet period").isEqualTo(60 * SECOND);
    assertThat(delegate.delegateCalls()).isZero();

    advance(59 * SECOND);
    assertThat(parks.take()).isEqualTo(SECOND);
    assertThat(delegate.delegateCalls()).isZero();

    advance(SECOND);
    for (CompletableFuture<CheckResult> answer : answers) {
      assertThat(answer.get().allowed()).isFalse();
    }
    assertThat(delegate.batchSizes).containsExactly(4);
  }

  @Test
  void batchWhenStillGrowingThenSentWhenTheWindowEnds() throws Exception {
    coalescing(Duration.ofSeconds(120), Duration.ofSeconds(60));
    List<CompletableFuture<CheckResult>> answers = ask(0, 1);
    assertThat(parks.take()).isEqualTo(60 * SECOND);

    now.addAndGet(50 * SECOND);
    answers.addAll(ask(1, 2));
    client.wakeLeaders();
    assertThat(parks.take()).isEqualTo(60 * SECOND);
    now.addAndGet(50 * SECOND);
    answers.addAll(ask(2, 3));
    client.wakeLeaders();
    assertThat(parks.take())
        .as("capped by the window, 120 s after the first check")
        .isEqualTo(20 * SECOND);

    advance(20 * SECOND);
    for (CompletableFuture<CheckResult> answer : answers) {
      answer.get();
    }
    assertThat(delegate.batchSizes).containsExactly(3);
  }

  @Test
  void quietPeriodEqualToTheWindowThenTheWholeWindowIsWaited() throws Exception {
    coalescing(Duration.ofSeconds(60), Duration.ofSeconds(60));
    List<CompletableFuture<CheckResult>> answers = ask(0, 2);
    assertThat(parks.take()).isEqualTo(60 * SECOND);

    advance(30 * SECOND);
    assertThat(parks.take()).as("no later than the window").isEqualTo(30 * SECOND);
    assertThat(delegate.delegateCalls()).isZero();

    advance(30 * SECOND);
    for (CompletableFuture<CheckResult> answer : answers) {
      answer.get();
    }
    assertThat(delegate.batchSizes).containsExactly(2);
  }

  @Test
  void optionsDefaultTheQuietPeriodToTheWindowAndRejectOneLongerThanIt() {
    assertThat(CoalescingOptions.defaults().quietPeriod()).isEqualTo(Duration.ofMillis(2));
    assertThat(new CoalescingOptions(Duration.ofMillis(8), 50).quietPeriod())
        .isEqualTo(Duration.ofMillis(8));
    assertThatThrownBy(() -> new CoalescingOptions(Duration.ofMillis(2), 50, Duration.ofMillis(3)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CoalescingOptions(Duration.ofMillis(2), 50, Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
