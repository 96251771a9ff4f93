package dev.tandem.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.core.ErrorCode;
import dev.tandem.core.FgaNotFoundException;
import dev.tandem.core.FgaUnavailableException;
import dev.tandem.core.FgaValidationException;
import dev.tandem.core.engine.BatchCheckItem;
import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.engine.CheckResult;
import dev.tandem.core.tuple.TupleKey;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class CachingFgaClientTest {

  static final CheckRequest ANNE_VIEWS_README =
      CheckRequest.of("doc:readme", "viewer", "user:anne");
  static final TupleKey ANNE_VIEWER = TupleKey.of("doc:readme", "viewer", "user:anne");

  final FakeFgaClient delegate = new FakeFgaClient();
  final AtomicLong nanos = new AtomicLong();
  final CachingFgaClient client =
      CachingFgaClient.wrap(delegate, new CacheOptions(Duration.ofSeconds(10), 1_000), nanos::get);

  boolean allowed(CheckRequest request) {
    return client.check(request).allowed();
  }

  static CheckRequest withContext(Map<String, Object> context) {
    return new CheckRequest("doc:readme", "viewer", "user:anne", List.of(), context);
  }

  @Test
  void checkWhenAskedTwiceThenSecondAnswerComesFromTheCache() {
    delegate.grant("doc:readme", "viewer", "user:anne");

    assertThat(allowed(ANNE_VIEWS_README)).isTrue();
    assertThat(allowed(ANNE_VIEWS_README)).isTrue();

    assertThat(delegate.checkCalls).hasValue(1);
    assertThat(client.stats()).isEqualTo(new CacheStats(1, 1, 0));
  }

  @Test
  void checkWhenContextualTuplesReorderedThenServedFromTheCache() {
    TupleKey owner = TupleKey.of("doc:readme", "owner", "user:anne");
    TupleKey member = TupleKey.of("group:eng", "member", "user:anne");

    client.check(
        new CheckRequest("doc:readme", "viewer", "user:anne", List.of(owner, member), Map.of()));
    client.check(
        new CheckRequest("doc:readme", "viewer", "user:anne", List.of(member, owner), Map.of()));

    assertThat(delegate.checkCalls).hasValue(1);
  }

  @Test
  void checkWhenContextDiffersOnlyInKeyOrderAndNumberSpellingThenServedFromTheCache() {
    Map<String, Object> first = new LinkedHashMap<>();
    first.put("region", "eu");
    first.put("level", 1);
    Map<String, Object> second = new LinkedHashMap<>();
    second.put("level", new BigDecimal("1.0"));
    second.put("region", "eu");

    client.check(withContext(first));
    client.check(withContext(second));
    client.check(withContext(Map.of("level", 1.0, "region", "eu")));

    assertThat(delegate.checkCalls).hasValue(1);
  }

  @Test
  void checkWhenAnythingInTheKeyDiffersThenAskedAgain() {
    delegate.rule = request -> FakeFgaClient.allowed();
    List<CheckRequest> requests =
        List.of(
            ANNE_VIEWS_README,
            CheckRequest.of("doc:readme", "editor", "user:anne"),
            CheckRequest.of("doc:readme", "viewer", "user:bob"),
            CheckRequest.of("doc:plan", "viewer", "user:anne"),
            withContext(Map.of("level", 2)),
            withContext(Map.of("level", "1")),
            new CheckRequest("doc:readme", "viewer", "user:anne", List.of(ANNE_VIEWER), Map.of()));

    for (CheckRequest request : requests) {
      client.check(request);
    }

    assertThat(delegate.checkCalls).hasValue(requests.size());
  }

  @Test
  void checkWhenContextHasNoCanonicalFormThenTheCacheIsBypassed() {
    CheckRequest odd = withContext(Map.of("counter", new AtomicInteger(1)));

    client.check(odd);
    client.check(odd);

    assertThat(delegate.checkCalls).hasValue(2);
    assertThat(client.stats().requestCount()).isZero();
  }

  @Test
  void checkWhenHigherConsistencyThenTheCacheIsNeitherReadNorFilled() {
    delegate.grant("doc:readme", "viewer", "user:anne");

    client.check(ANNE_VIEWS_README, Consistency.HIGHER_CONSISTENCY);
    client.check(ANNE_VIEWS_README);
    client.check(ANNE_VIEWS_README);
    client.check(ANNE_VIEWS_README, Consistency.HIGHER_CONSISTENCY);

    assertThat(delegate.checkCalls).hasValue(3);
    assertThat(delegate.consistencies)
        .containsExactly(
            Consistency.HIGHER_CONSISTENCY,
            Consistency.UNSPECIFIED,
            Consistency.HIGHER_CONSISTENCY);
  }

  @Test
  void checkWhenDelegateFailsThenTheErrorIsNotCached() {
    delegate.rule =
        request -> new BatchCheckItem.Failed(new FgaUnavailableException("backend down"));
    assertThatThrownBy(() -> client.check(ANNE_VIEWS_README))
        .isInstanceOf(FgaUnavailableException.class);

    delegate.rule = request -> FakeFgaClient.allowed();

    assertThat(allowed(ANNE_VIEWS_README)).isTrue();
    assertThat(delegate.checkCalls).hasValue(2);
  }

  @Test
  void checkWhenCycleDetectedThenTheResultIsNotCached() {
    delegate.rule = request -> new BatchCheckItem.Evaluated(new CheckResult(false, true));

    assertThat(client.check(ANNE_VIEWS_README).cycleDetected()).isTrue();
    assertThat(client.check(ANNE_VIEWS_README).cycleDetected()).isTrue();

    assertThat(delegate.checkCalls).hasValue(2);
  }

  @Test
  void checkWhenTtlElapsedThenAskedAgain() {
    client.check(ANNE_VIEWS_README);
    nanos.addAndGet(Duration.ofSeconds(10).toNanos() - 1);
    client.check(ANNE_VIEWS_README);
    assertThat(delegate.checkCalls).hasValue(1);

    nanos.addAndGet(1);
    client.check(ANNE_VIEWS_README);

    assertThat(delegate.checkCalls).hasValue(2);
  }

  @Test
  void checkWhenWriteRevokesThenCachedAnswerIsGone() {
    client.write(WriteRequest.writes(ANNE_VIEWER));
    assertThat(allowed(ANNE_VIEWS_README)).isTrue();

    client.write(WriteRequest.deletes(ANNE_VIEWER));

    assertThat(allowed(ANNE_VIEWS_README)).isFalse();
  }

  @Test
  void checkWhenUnrelatedTupleWrittenThenEveryAnswerIsAskedAgain() {
    client.check(ANNE_VIEWS_README);

    client.write(WriteRequest.writes(TupleKey.of("group:eng", "member", "user:bob")));
    client.check(ANNE_VIEWS_README);

    assertThat(delegate.checkCalls).hasValue(2);
  }

  @Test
  void checkWhenWriteThrowsThenTheCacheIsInvalidatedAnyway() {
    client.write(WriteRequest.writes(ANNE_VIEWER));
    assertThat(allowed(ANNE_VIEWS_README)).isTrue();
    delegate.writeFailure = new FgaUnavailableException("timed out after the write was applied");

    assertThatThrownBy(() -> client.write(WriteRequest.deletes(ANNE_VIEWER)))
        .isInstanceOf(FgaUnavailableException.class);

    assertThat(allowed(ANNE_VIEWS_README)).isFalse();
  }

  @Test
  void checkWhenInFlightDuringRevokeThenItsStaleAnswerIsNotServedAfterTheRevoke() throws Exception {
    client.write(WriteRequest.writes(ANNE_VIEWER));
    CountDownLatch gate = new CountDownLatch(1);
    delegate.entered = new CountDownLatch(1);
    delegate.gate = gate;
    CompletableFuture<Boolean> before =
        CompletableFuture.supplyAsync(() -> allowed(ANNE_VIEWS_README));
    delegate.entered.await();
    delegate.gate = null;

    client.write(WriteRequest.deletes(ANNE_VIEWER));
    gate.countDown();

    assertThat(before.get()).as("answered from the state before the revoke").isTrue();
    assertThat(allowed(ANNE_VIEWS_README)).isFalse();
    assertThat(delegate.checkCalls).hasValue(2);
  }

  @Test
  void checkWhenModelWrittenThenEveryAnswerIsAskedAgain() {
    client.check(ANNE_VIEWS_README);

    client.writeAuthorizationModel(
        dev.tandem.core.model.ModelDsl.parse(FgaClientContractTest.MODEL));
    client.check(ANNE_VIEWS_README);

    assertThat(delegate.checkCalls).hasValue(2);
  }

  @Test
  void checkWhenOwnStoreDeletedThenEveryAnswerIsAskedAgainButNotForAnotherStore() {
    client.check(ANNE_VIEWS_README);
    assertThatThrownBy(() -> client.deleteStore("01SOMEOTHERSTORE"))
        .isInstanceOf(FgaNotFoundException.class);
    client.check(ANNE_VIEWS_README);
    assertThat(delegate.checkCalls).hasValue(1);

    client.deleteStore(FakeFgaClient.STORE_ID);
    client.check(ANNE_VIEWS_README);

    assertThat(delegate.checkCalls).hasValue(2);
  }

  @Test
  void batchCheckWhenSomeAnswersCachedThenOnlyMissesAreSentInOneCallInOrder() {
    delegate.grant("doc:a", "viewer", "user:anne");
    delegate.grant("doc:c", "viewer", "user:anne");
    client.check(CheckRequest.of("doc:a", "viewer", "user:anne"));
    client.check(CheckRequest.of("doc:b", "viewer", "user:anne"));

    List<BatchCheckItem> items =
        client.batchCheck(
            List.of(
                CheckRequest.of("doc:a", "viewer", "user:anne"),
                CheckRequest.of("doc:c", "viewer", "user:anne"),
                CheckRequest.of("doc:b", "viewer", "user:anne"),
                CheckRequest.of("doc:d", "viewer", "user:anne")));

    assertThat(items).extracting(BatchCheckItem::allowed).containsExactly(true, true, false, false);
    assertThat(delegate.batchSizes).containsExactly(2);
    client.check(CheckRequest.of("doc:c", "viewer", "user:anne"));
    client.check(CheckRequest.of("doc:d", "viewer", "user:anne"));
    assertThat(delegate.checkCalls).hasValue(2);
  }

  @Test
  void batchCheckWhenAllAnswersCachedThenTheDelegateIsNotCalled() {
    client.check(ANNE_VIEWS_README);

    assertThat(client.batchCheck(List.of(ANNE_VIEWS_README, ANNE_VIEWS_README))).hasSize(2);

    assertThat(delegate.batchCalls).hasValue(0);
  }

  @Test
  void batchCheckWhenItemsFailOrCycleThenThoseItemsAreNotCached() {
    CheckRequest failing = CheckRequest.of("doc:bad", "viewer", "user:anne");
    CheckRequest cyclic = CheckRequest.of("doc:loop", "viewer", "user:anne");
    FgaValidationException invalid = new FgaValidationException(ErrorCode.INVALID_TUPLE, "bad");
    delegate.rule =
        request -> {
          if (request.object().equals("doc:bad")) {
            return new BatchCheckItem.Failed(invalid);
          }
          if (request.object().equals("doc:loop")) {
            return new BatchCheckItem.Evaluated(new CheckResult(false, true));
          }
          return FakeFgaClient.allowed();
        };

    List<BatchCheckItem> first = client.batchCheck(List.of(failing, ANNE_VIEWS_README, cyclic));
    List<BatchCheckItem> second = client.batchCheck(List.of(failing, ANNE_VIEWS_README, cyclic));

    assertThat(first.get(0)).isEqualTo(new BatchCheckItem.Failed(invalid));
    assertThat(second).isEqualTo(first);
    assertThat(delegate.batchSizes).containsExactly(3, 2);
  }

  @Test
  void batchCheckWhenDelegateAnswersTheWrongNumberOfItemsThenUnavailable() {
    delegate.tamper = items -> items.subList(0, items.size() - 1);
    assertThatThrownBy(
            () ->
                client.batchCheck(
                    List.of(ANNE_VIEWS_README, CheckRequest.of("doc:b", "viewer", "user:anne"))))
        .isInstanceOf(FgaUnavailableException.class);
    assertThat(client.stats().hitCount()).isZero();
  }

  @Test
  void statsCountHitsMissesAndEvictions() {
    CachingFgaClient small =
        CachingFgaClient.wrap(delegate, new CacheOptions(Duration.ofSeconds(10), 1), nanos::get);
    List<CheckRequest> requests = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      requests.add(CheckRequest.of("doc:" + i, "viewer", "user:anne"));
    }
    for (CheckRequest request : requests) {
      small.check(request);
      small.cleanUp();
    }
    small.check(requests.get(2));
    small.check(requests.get(2));

    CacheStats stats = small.stats();
    assertThat(stats.missCount()).isGreaterThanOrEqualTo(3);
    assertThat(stats.hitCount() + stats.missCount()).isEqualTo(5);
    assertThat(stats.evictionCount()).isGreaterThanOrEqualTo(2);
    assertThat(stats.hitRate()).isEqualTo((double) stats.hitCount() / 5);
  }

  @Test
  void statsCountExpiredAnswersAsEvictionsButNotInvalidation() {
    client.check(ANNE_VIEWS_README);
    client.check(CheckRequest.of("doc:b", "viewer", "user:anne"));
    client.invalidateAll();
    client.cleanUp();
    assertThat(client.stats().evictionCount()).isZero();

    client.check(ANNE_VIEWS_README);
    nanos.addAndGet(Duration.ofSeconds(11).toNanos());
    client.cleanUp();

    assertThat(client.stats().evictionCount()).isEqualTo(1);
  }

  @Test
  void closeClosesTheDelegate() {
    client.close();

    assertThat(delegate.closeCalls).hasValue(1);
  }

  @Test
  void checkWhenBackendDownWithWarmCacheThenCachedAnswersServedAndMissesFailNeverAllow() {
    delegate.grant("doc:readme", "viewer", "user:anne");
    assertThat(allowed(ANNE_VIEWS_README)).isTrue();
    delegate.rule =
        request -> new BatchCheckItem.Failed(new FgaUnavailableException("backend down"));

    assertThat(allowed(ANNE_VIEWS_README)).as("a cached answer within its TTL").isTrue();
    assertThatThrownBy(() -> allowed(CheckRequest.of("doc:readme", "viewer", "user:bob")))
        .isInstanceOf(FgaUnavailableException.class);

    nanos.addAndGet(Duration.ofSeconds(11).toNanos());
    assertThatThrownBy(() -> allowed(ANNE_VIEWS_README))
        .as("an expired answer is not served during the outage")
        .isInstanceOf(FgaUnavailableException.class);
  }
}
