package dev.tandem.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.engine.CheckResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The early send of a batch that every synchronous caller inside the client is waiting for, as when
 * a fixed set of threads each ask, wait and ask again. Windows are an hour long, so a batch that
 * goes before the test ends its window went early; a test that fails hangs until the timeout.
 */
@Timeout(60)
class CoalescingWaveTest {

  final FakeFgaClient delegate = new FakeFgaClient();
  final ExecutorService pool = Executors.newCachedThreadPool();
  final Semaphore queued = new Semaphore(0);
  final CoalescingFgaClient client =
      CoalescingFgaClient.wrap(
          delegate, new CoalescingOptions(CoalescingFgaClientTest.NEVER, 50), queued::release);

  @AfterEach
  void stop() {
    pool.shutdownNow();
    client.close();
  }

  static CheckRequest question(int round, int caller) {
    return CheckRequest.of("doc:" + round, "viewer", "user:u" + caller);
  }

  /** One thread per caller, each asking its question of each of its rounds in turn. */
  List<Future<List<CheckResult>>> askInRounds(int... roundsPerCaller) {
    List<Future<List<CheckResult>>> answers = new ArrayList<>();
    for (int c = 0; c < roundsPerCaller.length; c++) {
      int caller = c;
      int rounds = roundsPerCaller[c];
      answers.add(
          pool.submit(
              () -> {
                List<CheckResult> results = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                  results.add(client.check(question(r, caller)));
                }
                return results;
              }));
    }
    return answers;
  }

  /** Starts the callers; their first batch is sent by ending its window. */
  List<Future<List<CheckResult>>> firstBatchSentByTheWindow(int... roundsPerCaller)
      throws InterruptedException {
    List<Future<List<CheckResult>>> answers = askInRounds(roundsPerCaller);
    queued.acquire(roundsPerCaller.length);
    assertThat(delegate.delegateCalls()).as("the first batch waits for its window").isZero();
    client.endWindows();
    return answers;
  }

  @Test
  void checkWhenEveryCallerOfTheLastBatchHasAskedAgainThenTheBatchGoesWithoutItsWindow()
      throws Exception {
    delegate.grant("doc:1", "viewer", "user:u2");
    List<Future<List<CheckResult>>> answers = firstBatchSentByTheWindow(3, 3, 3, 3);

    for (int c = 0; c < 4; c++) {
      List<CheckResult> results = answers.get(c).get();
      assertThat(results).hasSize(3);
      assertThat(results.get(1).allowed()).as("user:u%d on doc:1", c).isEqualTo(c == 2);
    }
    assertThat(delegate.batchSizes).containsExactly(4, 4, 4);
  }

  @Test
  void checkWhenACallerOfTheLastBatchHasNotAskedAgainThenTheBatchWaitsForItsWindow()
      throws Exception {
    List<Future<List<CheckResult>>> answers = firstBatchSentByTheWindow(2, 2, 2, 1);
    // The fourth caller has its answer and is gone; the other three ask again.
    answers.get(3).get();
    queued.acquire(3);

    assertThat(delegate.batchSizes).as("no second batch before its window").hasSize(1);

    client.endWindows();
    for (Future<List<CheckResult>> answer : answers.subList(0, 3)) {
      assertThat(answer.get()).hasSize(2);
    }
    assertThat(delegate.batchSizes).containsExactly(4, 3);
  }

  @Test
  void checkWhenTheBatchHoldsAnAsynchronousCheckThenItWaitsForItsWindow() throws Exception {
    List<Future<List<CheckResult>>> answers = firstBatchSentByTheWindow(1, 1);
    for (Future<List<CheckResult>> answer : answers) {
      answer.get();
    }
    CompletableFuture<CheckResult> issued = client.checkAsync(question(1, 9));
    List<Future<List<CheckResult>>> again = new ArrayList<>();
    for (int c = 0; c < 2; c++) {
      int caller = c;
      again.add(pool.submit(() -> List.of(client.check(question(1, caller)))));
    }
    queued.acquire(3);

    assertThat(delegate.batchSizes)
        .as("an asynchronous caller may add more: no early send")
        .hasSize(1);

    client.endWindows();
    issued.get();
    for (Future<List<CheckResult>> answer : again) {
      answer.get();
    }
    assertThat(delegate.batchSizes).containsExactly(2, 3);
  }

  @Test
  void checkWhenACallerSharesACheckOfTheOpenBatchThenItCountsAsWaitingForIt() throws Exception {
    List<Future<List<CheckResult>>> answers = firstBatchSentByTheWindow(1, 1, 1);
    for (Future<List<CheckResult>> answer : answers) {
      answer.get();
    }

    // Three callers again, two of them with the same question: two checks, three waiters.
    List<Future<CheckResult>> again = new ArrayList<>();
    for (int c : new int[] {0, 1, 1}) {
      again.add(pool.submit(() -> client.check(question(1, c))));
    }
    for (Future<CheckResult> answer : again) {
      answer.get();
    }

    assertThat(delegate.batchSizes).containsExactly(3, 2);
  }
}
