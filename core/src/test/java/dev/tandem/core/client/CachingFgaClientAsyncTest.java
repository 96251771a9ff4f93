package dev.tandem.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.FgaUnavailableException;
import dev.tandem.core.engine.BatchCheckItem;
import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.engine.CheckResult;
import dev.tandem.core.tuple.TupleKey;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link CachingFgaClient#checkAsync}: the same caching rules as the synchronous check. */
@Timeout(30)
class CachingFgaClientAsyncTest {

  static final CheckRequest ANNE_VIEWS_README =
      CheckRequest.of("doc:readme", "viewer", "user:anne");
  static final TupleKey ANNE_VIEWER = TupleKey.of("doc:readme", "viewer", "user:anne");

  final FakeFgaClient fake = new FakeFgaClient();

  /** The delegate's asynchronous answers, completed by the test when set. */
  final AtomicReference<CompletableFuture<CheckResult>> pending = new AtomicReference<>();

  final FgaClient delegate =
      new ForwardingFgaClient(fake) {
        @Override
        public CompletableFuture<CheckResult> checkAsync(
            CheckRequest request, Consistency consistency) {
          CompletableFuture<CheckResult> held = pending.get();
          if (held == null) {
            return super.checkAsync(request, consistency);
          }
          fake.consistencies.add(consistency);
          fake.checkCalls.incrementAndGet();
          return held;
        }
      };

  final AtomicLong nanos = new AtomicLong();
  final CachingFgaClient client =
      CachingFgaClient.wrap(delegate, new CacheOptions(Duration.ofSeconds(10), 1_000), nanos::get);

  static Throwable failureOf(CompletableFuture<CheckResult> answer) throws InterruptedException {
    try {
      CheckResult result = answer.get();
      throw new AssertionError("expected the check to fail, got " + result);
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  @Test
  void checkAsyncWhenMissThenCachedAndTheHitIsACompletedFutureWithoutTheDelegate()
      throws Exception {
    fake.grant("doc:readme", "viewer", "user:anne");

    assertThat(client.checkAsync(ANNE_VIEWS_README).get().allowed()).isTrue();
    CompletableFuture<CheckResult> hit = client.checkAsync(ANNE_VIEWS_README);

    assertThat(hit).isDone();
    assertThat(hit.get().allowed()).isTrue();
    assertThat(client.check(ANNE_VIEWS_README).allowed()).as("sync sees the async answer").isTrue();
    assertThat(fake.checkCalls).hasValue(1);
    assertThat(client.stats()).isEqualTo(new CacheStats(2, 1, 0));
  }

  @Test
  void checkAsyncWhenSyncAnswerCachedThenServedFromTheCache() throws Exception {
    client.check(ANNE_VIEWS_README);

    assertThat(client.checkAsync(ANNE_VIEWS_README).get().allowed()).isFalse();

    assertThat(fake.checkCalls).hasValue(1);
  }

  @Test
  void checkAsyncWhenDelegateFailsThenTheFutureFailsAndTheErrorIsNotCached() throws Exception {
    FgaUnavailableException down = new FgaUnavailableException("backend down");
    fake.rule = request -> new BatchCheckItem.Failed(down);

    assertThat(failureOf(client.checkAsync(ANNE_VIEWS_README))).isSameAs(down);
    fake.rule = request -> FakeFgaClient.allowed();

    assertThat(client.checkAsync(ANNE_VIEWS_README).get().allowed()).isTrue();
    assertThat(fake.checkCalls).hasValue(2);
  }

  @Test
  void checkAsyncWhenDelegateFutureFailsWithAWrapperThenTheFgaExceptionUnwrapped()
      throws Exception {
    CompletableFuture<CheckResult> held = new CompletableFuture<>();
    pending.set(held);
    CompletableFuture<CheckResult> answer = client.checkAsync(ANNE_VIEWS_README);
    FgaUnavailableException down = new FgaUnavailableException("backend down");

    held.completeExceptionally(new java.util.concurrent.CompletionException(down));

    assertThat(failureOf(answer)).isSameAs(down);
  }

  @Test
  void checkAsyncWhenDelegateFutureAnswersNothingThenUnavailableNotAnAllow() throws Exception {
    pending.set(CompletableFuture.completedFuture(null));

    assertThat(failureOf(client.checkAsync(ANNE_VIEWS_README)))
        .isInstanceOf(FgaUnavailableException.class);
  }

  @Test
  void checkAsyncWhenCycleDetectedThenTheResultIsNotCached() throws Exception {
    fake.rule = request -> new BatchCheckItem.Evaluated(new CheckResult(false, true));

    client.checkAsync(ANNE_VIEWS_README).get();
    client.checkAsync(ANNE_VIEWS_README).get();

    assertThat(fake.checkCalls).hasValue(2);
  }

  @Test
  void checkAsyncWhenHigherConsistencyThenTheCacheIsNeitherReadNorFilled() throws Exception {
    fake.grant("doc:readme", "viewer", "user:anne");
    client.check(ANNE_VIEWS_README);

    client.checkAsync(ANNE_VIEWS_README, Consistency.HIGHER_CONSISTENCY).get();
    client.checkAsync(ANNE_VIEWS_README, Consistency.HIGHER_CONSISTENCY).get();
    client.checkAsync(ANNE_VIEWS_README).get();

    assertThat(fake.checkCalls).hasValue(3);
    assertThat(fake.consistencies)
        .containsExactly(
            Consistency.UNSPECIFIED,
            Consistency.HIGHER_CONSISTENCY,
            Consistency.HIGHER_CONSISTENCY);
  }

  @Test
  void checkAsyncWhenInFlightDuringRevokeThenItsStaleAnswerIsNotServedAfterTheRevoke()
      throws Exception {
    client.write(WriteRequest.writes(ANNE_VIEWER));
    CompletableFuture<CheckResult> held = new CompletableFuture<>();
    pending.set(held);
    CompletableFuture<CheckResult> before = client.checkAsync(ANNE_VIEWS_README);
    pending.set(null);

    client.write(WriteRequest.deletes(ANNE_VIEWER));
    held.complete(new CheckResult(true, false));

    assertThat(before.get().allowed()).as("answered from the state before the revoke").isTrue();
    assertThat(client.checkAsync(ANNE_VIEWS_README).get().allowed()).isFalse();
    assertThat(client.check(ANNE_VIEWS_README).allowed()).isFalse();
    assertThat(fake.checkCalls).hasValue(2);
  }

  @Test
  void checkAsyncWhenCallerCompletesItsFutureThenTheCacheIsNotAffected() throws Exception {
    CompletableFuture<CheckResult> held = new CompletableFuture<>();
    pending.set(held);
    CompletableFuture<CheckResult> answer = client.checkAsync(ANNE_VIEWS_README);
    pending.set(null);

    answer.complete(new CheckResult(true, false));
    held.complete(new CheckResult(false, false));

    assertThat(client.check(ANNE_VIEWS_README).allowed()).isFalse();
    assertThat(fake.checkCalls).hasValue(1);
  }
}
