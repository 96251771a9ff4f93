package dev.tandem.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.FgaException;
import dev.tandem.core.FgaUnavailableException;
import dev.tandem.core.engine.BatchCheckItem;
import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.engine.CheckResult;
import java.time.Duration;
import java.util.ArrayList;
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
 * {@link CoalescingFgaClient#checkAsync} against a fake delegate. Windows are an hour long unless a
 * test says otherwise, so a batch goes only when full or when the test ends the window; a test that
 * returned from {@code checkAsync} with such a window proves the call did not wait for it.
 */
@Timeout(60)
class CoalescingFgaClientAsyncTest {

  static final Duration NEVER = CoalescingFgaClientTest.NEVER;
  static final CheckRequest ANNE_VIEWS_README = CoalescingFgaClientTest.ANNE_VIEWS_README;

  final FakeFgaClient delegate = new FakeFgaClient();
  final ExecutorService pool = Executors.newCachedThreadPool();
  CountDownLatch queued;
  CoalescingFgaClient client;

  @AfterEach
  void stop() {
    pool.shutdownNow();
    if (client != null) {
      client.close();
    }
  }

  CoalescingFgaClient coalescing(Duration window, int maxBatchSize, int expectedCallers) {
    queued = new CountDownLatch(expectedCallers);
    client =
        CoalescingFgaClient.wrap(
            delegate, new CoalescingOptions(window, maxBatchSize), queued::countDown);
    return client;
  }

  static Throwable failureOf(CompletableFuture<CheckResult> answer) throws InterruptedException {
    try {
      CheckResult result = answer.get();
      throw new AssertionError("expected the check to fail, got " + result);
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 49, 50, 51, 120, 1000})
  void checkAsyncWhenDistinctChecksFromOneThreadThenCeilOfNOver50DelegateCalls(int n)
      throws Exception {
    for (int i = 0; i < n; i += 2) {
      delegate.grant("doc:readme", "viewer", "user:u" + i);
    }
    CoalescingFgaClient client = coalescing(NEVER, 50, n);

    List<CompletableFuture<CheckResult>> answers = new ArrayList<>();
    for (CheckRequest request : CoalescingFgaClientTest.distinct(n)) {
      answers.add(client.checkAsync(request));
    }
    assertThat(queued.getCount()).as("checks not yet queued").isZero();
    if (n % 50 != 0) {
      assertThat(answers.get(n - 1)).as("last batch waits for its window").isNotDone();
    }
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
  void checkAsyncWhenBatchFailsThenEveryFutureFailsWithAnFgaExceptionAndNoneIsAllowed()
      throws Exception {
    delegate.rule = request -> FakeFgaClient.allowed();
    delegate.batchFailure = new IllegalStateException("connection reset");
    CoalescingFgaClient client = coalescing(NEVER, 50, 120);

    List<CompletableFuture<CheckResult>> answers = new ArrayList<>();
    for (CheckRequest request : CoalescingFgaClientTest.distinct(120)) {
      answers.add(client.checkAsync(request));
    }
    client.endWindows();

    for (CompletableFuture<CheckResult> answer : answers) {
      assertThat(failureOf(answer))
          .isInstanceOf(FgaUnavailableException.class)
          .hasCauseInstanceOf(IllegalStateException.class);
      assertThat(answer.isCompletedExceptionally()).isTrue();
    }
    assertThat(delegate.batchCalls).hasValue(3);
  }

  @Test
  void checkAsyncWhenBatchThrowsAnFgaExceptionThenEveryFutureFailsWithThatException()
      throws Exception {
    FgaUnavailableException timeout = new FgaUnavailableException("timed out");
    delegate.rule = request -> FakeFgaClient.allowed();
    delegate.batchFailure = timeout;
    CoalescingFgaClient client = coalescing(NEVER, 4, 4);

    List<CompletableFuture<CheckResult>> answers = new ArrayList<>();
    for (CheckRequest request : CoalescingFgaClientTest.distinct(4)) {
      answers.add(client.checkAsync(request));
    }

    for (CompletableFuture<CheckResult> answer : answers) {
      assertThat(failureOf(answer)).isSameAs(timeout);
    }
  }

  @Test
  void checkAsyncWhenIdenticalChecksFromOneThreadThenOneDelegateCallSharedByAll() throws Exception {
    delegate.grant("doc:readme", "viewer", "user:anne");
    CoalescingFgaClient client = coalescing(NEVER, 50, 1000);

    List<CompletableFuture<CheckResult>> answers = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      answers.add(client.checkAsync(ANNE_VIEWS_README));
    }
    client.endWindows();

    for (CompletableFuture<CheckResult> answer : answers) {
      assertThat(answer.get().allowed()).isTrue();
    }
    assertThat(delegate.delegateCalls()).isEqualTo(1);
  }

  @Test
  void checkAsyncWhenOneCallerCompletesItsFutureThenOtherCallersStillGetTheRealAnswer()
      throws Exception {
    CoalescingFgaClient client = coalescing(NEVER, 50, 2);

    CompletableFuture<CheckResult> first = client.checkAsync(ANNE_VIEWS_README);
    CompletableFuture<CheckResult> second = client.checkAsync(ANNE_VIEWS_README);
    first.complete(new CheckResult(true, false));
    client.endWindows();

    assertThat(second.get().allowed()).as("denied by the delegate").isFalse();
    assertThat(delegate.checkCalls).hasValue(1);
  }

  @Test
  void checkAsyncAndCheckWhenConcurrentThenTheyShareOneBatch() throws Exception {
    CoalescingFgaClient client = coalescing(NEVER, 50, 3);
    List<CheckRequest> requests = CoalescingFgaClientTest.distinct(3);

    Future<CheckResult> blocking = pool.submit(() -> client.check(requests.get(0)));
    CompletableFuture<CheckResult> second = client.checkAsync(requests.get(1));
    CompletableFuture<CheckResult> third = client.checkAsync(requests.get(2));
    queued.await();
    client.endWindows();

    assertThat(blocking.get().allowed()).isFalse();
    assertThat(second.get().allowed()).isFalse();
    assertThat(third.get().allowed()).isFalse();
    assertThat(delegate.batchSizes).containsExactly(3);
  }

  @Test
  void checkAsyncWhenOneBatchItemFailsThenOnlyItsFutureFails() throws Exception {
    FgaUnavailableException down = new FgaUnavailableException("item failed");
    delegate.rule =
        request ->
            request.user().equals("user:u1")
                ? new BatchCheckItem.Failed(down)
                : FakeFgaClient.allowed();
    CoalescingFgaClient client = coalescing(NEVER, 3, 3);

    List<CompletableFuture<CheckResult>> answers = new ArrayList<>();
    for (CheckRequest request : CoalescingFgaClientTest.distinct(3)) {
      answers.add(client.checkAsync(request));
    }

    assertThat(answers.get(0).get().allowed()).isTrue();
    assertThat(failureOf(answers.get(1))).isSameAs(down);
    assertThat(answers.get(2).get().allowed()).isTrue();
  }

  @Test
  void checkAsyncWhenHigherConsistencyThenSentDirectlyWithoutWaitingForTheWindow()
      throws Exception {
    CoalescingFgaClient client = coalescing(NEVER, 50, 0);

    CheckResult result = client.checkAsync(ANNE_VIEWS_README, Consistency.HIGHER_CONSISTENCY).get();

    assertThat(result.allowed()).isFalse();
    assertThat(delegate.consistencies).containsExactly(Consistency.HIGHER_CONSISTENCY);
  }

  @Test
  void checkAsyncWhenClosedWhileWaitingThenUnavailableAndTheDelegateIsNotAsked() throws Exception {
    CoalescingFgaClient client = coalescing(NEVER, 50, 2);
    List<CompletableFuture<CheckResult>> answers = new ArrayList<>();
    for (CheckRequest request : CoalescingFgaClientTest.distinct(2)) {
      answers.add(client.checkAsync(request));
    }

    client.close();

    for (CompletableFuture<CheckResult> answer : answers) {
      assertThat(failureOf(answer)).isInstanceOf(FgaUnavailableException.class);
    }
    assertThat(failureOf(client.checkAsync(ANNE_VIEWS_README)))
        .isInstanceOf(FgaUnavailableException.class);
    assertThat(delegate.delegateCalls()).isZero();
  }

  @Test
  void checkAsyncWhenRequestIsNullThenAFailedFutureNotAThrow() throws Exception {
    CoalescingFgaClient client = coalescing(NEVER, 50, 0);

    assertThat(failureOf(client.checkAsync(null))).isInstanceOf(FgaException.class);
  }
}
