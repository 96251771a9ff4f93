package dev.tandem.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.core.ErrorCode;
import dev.tandem.core.FgaException;
import dev.tandem.core.FgaUnavailableException;
import dev.tandem.core.FgaValidationException;
import dev.tandem.core.engine.BatchCheckItem;
import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.engine.CheckResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Coalescing against a fake delegate. Windows are an hour long unless a test says otherwise, so
 * batches close only when full or when the test ends the window: nothing depends on timing.
 */
@Timeout(60)
class CoalescingFgaClientTest {

  static final Duration NEVER = Duration.ofHours(1);
  static final CheckRequest ANNE_VIEWS_README =
      CheckRequest.of("doc:readme", "viewer", "user:anne");

  final FakeFgaClient delegate = new FakeFgaClient();
  final ExecutorService pool = Executors.newCachedThreadPool();
  CountDownLatch queued;

  @AfterEach
  void stopThreads() {
    pool.shutdownNow();
  }

  CoalescingFgaClient coalescing(Duration window, int maxBatchSize, int expectedCallers) {
    queued = new CountDownLatch(expectedCallers);
    return CoalescingFgaClient.wrap(
        delegate, new CoalescingOptions(window, maxBatchSize), queued::countDown);
  }

  List<Future<CheckResult>> checkConcurrently(FgaClient client, List<CheckRequest> requests) {
    List<Future<CheckResult>> answers = new ArrayList<>();
    for (CheckRequest request : requests) {
      answers.add(pool.submit(() -> client.check(request)));
    }
    return answers;
  }

  static Throwable failureOf(Future<CheckResult> answer) throws InterruptedException {
    try {
      answer.get();
      throw new AssertionError("expected the check to fail");
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  static List<CheckRequest> distinct(int n) {
    List<CheckRequest> requests = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      requests.add(CheckRequest.of("doc:readme", "viewer", "user:u" + i));
    }
    return requests;
  }

  @Test
  void checkWhenThousandIdenticalChecksConcurrentThenOneDelegateCallSharedByAll() throws Exception {
    delegate.grant("doc:readme", "viewer", "user:anne");
    CoalescingFgaClient client = coalescing(Duration.ZERO, 50, 1000);
    delegate.gate = new CountDownLatch(1);

    List<Future<CheckResult>> answers =
        checkConcurrently(client, Collections.nCopies(1000, ANNE_VIEWS_README));
    queued.await();
    delegate.gate.countDown();

    for (Future<CheckResult> answer : answers) {
      assertThat(answer.get().allowed()).isTrue();
    }
    assertThat(delegate.delegateCalls()).isEqualTo(1);
  }

  @Test
  void checkWhenSharedCallFailsThenAllThousandGetTheErrorAndTheNextCheckCallsAgain()
      throws Exception {
    FgaUnavailableException down = new FgaUnavailableException("backend down");
    delegate.rule = request -> new BatchCheckItem.Failed(down);
    CoalescingFgaClient client = coalescing(Duration.ZERO, 50, 1000);
    delegate.gate = new CountDownLatch(1);

    List<Future<CheckResult>> answers =
        checkConcurrently(client, Collections.nCopies(1000, ANNE_VIEWS_README));
    queued.await();
    delegate.gate.countDown();

    for (Future<CheckResult> answer : answers) {
      assertThat(failureOf(answer)).isSameAs(down);
    }
    assertThat(delegate.delegateCalls()).isEqualTo(1);

    delegate.gate = null;
    delegate.rule = request -> FakeFgaClient.allowed();
    assertThat(client.check(ANNE_VIEWS_README).allowed()).isTrue();
    assertThat(delegate.delegateCalls()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 49, 50, 51, 120, 1000})
  void checkWhenDistinctChecksConcurrentThenCeilOfNOver50DelegateCalls(int n) throws Exception {
    for (int i = 0; i < n; i += 2) {
      delegate.grant("doc:readme", "viewer", "user:u" + i);
    }
    CoalescingFgaClient client = coalescing(NEVER, 50, n);

    List<Future<CheckResult>> answers = checkConcurrently(client, distinct(n));
    queued.await();
    client.endWindows();

    for (int i = 0; i < n; i++) {
      assertThat(answers.get(i).get().allowed()).as("user:u%d", i).isEqualTo(i % 2 == 0);
    }
    assertThat(delegate.delegateCalls()).isEqualTo((n + 49) / 50);
    assertThat(delegate.batchSizes).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(50));
    int sentInBatches = delegate.batchSizes.stream().mapToInt(Integer::intValue).sum();
    assertThat(sentInBatches + delegate.checkCalls.get()).as("checks sent").isEqualTo(n);
  }

  @Test
  void checkWhenBatchFillsThenItIsSentWithoutWaitingForTheWindow() throws Exception {
    CoalescingFgaClient client = coalescing(NEVER, 3, 3);

    List<Future<CheckResult>> answers = checkConcurrently(client, distinct(3));

    for (Future<CheckResult> answer : answers) {
      assertThat(answer.get().allowed()).isFalse();
    }
    assertThat(delegate.batchSizes).containsExactly(3);
  }

  @Test
  void checkWhenOneBatchItemFailsThenOnlyItsCallerFails() throws Exception {
    FgaValidationException invalid =
        new FgaValidationException(ErrorCode.RELATION_NOT_FOUND, "relation not found");
    delegate.grant("doc:good", "viewer", "user:anne");
    delegate.rule =
        request ->
            request.object().equals("doc:bad")
                ? new BatchCheckItem.Failed(invalid)
                : FakeFgaClient.allowed();
    CoalescingFgaClient client = coalescing(NEVER, 3, 3);

    List<Future<CheckResult>> answers =
        checkConcurrently(
            client,
            List.of(
                CheckRequest.of("doc:good", "viewer", "user:anne"),
                CheckRequest.of("doc:bad", "viewer", "user:anne"),
                CheckRequest.of("doc:other", "viewer", "user:anne")));

    assertThat(answers.get(0).get().allowed()).isTrue();
    assertThat(failureOf(answers.get(1))).isSameAs(invalid);
    assertThat(answers.get(2).get().allowed()).isTrue();
    assertThat(delegate.batchCalls).hasValue(1);
  }

  @Test
  void checkWhenWholeBatchThrowsThenEveryCallerGetsAnFgaExceptionAndNoneIsAllowed()
      throws Exception {
    delegate.rule = request -> FakeFgaClient.allowed();
    delegate.batchFailure = new IllegalStateException("connection reset");
    CoalescingFgaClient client = coalescing(NEVER, 4, 4);

    List<Future<CheckResult>> answers = checkConcurrently(client, distinct(4));

    for (Future<CheckResult> answer : answers) {
      assertThat(failureOf(answer))
          .isInstanceOf(FgaUnavailableException.class)
          .hasCauseInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void checkWhenWholeBatchThrowsAnFgaExceptionThenEveryCallerGetsThatException() throws Exception {
    FgaUnavailableException timeout = new FgaUnavailableException("timed out");
    delegate.rule = request -> FakeFgaClient.allowed();
    delegate.batchFailure = timeout;
    CoalescingFgaClient client = coalescing(NEVER, 4, 4);

    List<Future<CheckResult>> answers = checkConcurrently(client, distinct(4));

    for (Future<CheckResult> answer : answers) {
      assertThat(failureOf(answer)).isSameAs(timeout);
    }
  }

  @Test
  void checkWhenBatchAnswerHasTheWrongNumberOfItemsThenEveryCallerFails() throws Exception {
    delegate.rule = request -> FakeFgaClient.allowed();
    delegate.tamper = items -> items.subList(1, items.size());
    CoalescingFgaClient client = coalescing(NEVER, 4, 4);

    List<Future<CheckResult>> answers = checkConcurrently(client, distinct(4));

    for (Future<CheckResult> answer : answers) {
      assertThat(failureOf(answer)).isInstanceOf(FgaException.class);
    }
  }

  @Test
  void checkWhenWindowIsZeroThenItIsSentAtOnceAsAPlainCheck() {
    delegate.grant("doc:readme", "viewer", "user:anne");
    CoalescingFgaClient client = coalescing(Duration.ZERO, 50, 1);

    assertThat(client.check(ANNE_VIEWS_README).allowed()).isTrue();

    assertThat(delegate.checkCalls).hasValue(1);
    assertThat(delegate.batchCalls).hasValue(0);
  }

  @Test
  void checkWhenHigherConsistencyThenSentDirectlyWithoutWaiting() {
    CoalescingFgaClient client = coalescing(NEVER, 50, 1);

    client.check(ANNE_VIEWS_README, Consistency.HIGHER_CONSISTENCY);

    assertThat(delegate.consistencies).containsExactly(Consistency.HIGHER_CONSISTENCY);
  }

  @Test
  void checkWhenConsistenciesDifferThenTheyAreNotBatchedTogether() throws Exception {
    CoalescingFgaClient client = coalescing(NEVER, 50, 2);

    Future<CheckResult> unspecified =
        pool.submit(() -> client.check(ANNE_VIEWS_README, Consistency.UNSPECIFIED));
    Future<CheckResult> minimizeLatency =
        pool.submit(() -> client.check(ANNE_VIEWS_README, Consistency.MINIMIZE_LATENCY));
    queued.await();
    client.endWindows();
    unspecified.get();
    minimizeLatency.get();

    assertThat(delegate.checkCalls).hasValue(2);
    assertThat(delegate.consistencies)
        .containsExactlyInAnyOrder(Consistency.UNSPECIFIED, Consistency.MINIMIZE_LATENCY);
  }

  @Test
  void checkWhenClientClosedWhileWaitingThenUnavailableAndTheDelegateIsNotAsked() throws Exception {
    CoalescingFgaClient client = coalescing(NEVER, 50, 2);

    List<Future<CheckResult>> answers = checkConcurrently(client, distinct(2));
    queued.await();
    client.close();

    for (Future<CheckResult> answer : answers) {
      assertThat(failureOf(answer)).isInstanceOf(FgaUnavailableException.class);
    }
    assertThat(delegate.delegateCalls()).isZero();
    assertThat(delegate.closeCalls).hasValue(1);
    assertThatThrownBy(() -> client.check(ANNE_VIEWS_README))
        .isInstanceOf(FgaUnavailableException.class);
  }

  @Test
  void checkWhenWaitingCallerInterruptedThenUnavailableForItOnly() throws Exception {
    delegate.grant("doc:readme", "viewer", "user:anne");
    CoalescingFgaClient client = coalescing(Duration.ZERO, 50, 2);
    delegate.gate = new CountDownLatch(1);
    delegate.entered = new CountDownLatch(1);
    Future<CheckResult> leader = pool.submit(() -> client.check(ANNE_VIEWS_README));
    delegate.entered.await();
    CompletableFuture<Throwable> follower = new CompletableFuture<>();
    Thread waiting =
        new Thread(
            () -> {
              try {
                client.check(ANNE_VIEWS_README);
                follower.complete(null);
              } catch (RuntimeException e) {
                follower.complete(e);
              }
            });
    waiting.start();
    queued.await();

    waiting.interrupt();

    assertThat(follower.get()).isInstanceOf(FgaUnavailableException.class);
    delegate.gate.countDown();
    assertThat(leader.get().allowed()).isTrue();
  }

  @Test
  void batchCheckWhenLargerThanMaxBatchSizeThenSplitIntoChunksInOrder() {
    for (int i = 0; i < 120; i += 3) {
      delegate.grant("doc:readme", "viewer", "user:u" + i);
    }
    CoalescingFgaClient client = coalescing(NEVER, 50, 0);

    List<BatchCheckItem> items = client.batchCheck(distinct(120));

    assertThat(delegate.batchSizes).containsExactly(50, 50, 20);
    for (int i = 0; i < 120; i++) {
      assertThat(items.get(i).allowed()).as("user:u%d", i).isEqualTo(i % 3 == 0);
    }
  }
}
