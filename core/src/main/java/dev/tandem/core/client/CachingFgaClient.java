package dev.tandem.core.client;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.tandem.core.FgaUnavailableException;
import dev.tandem.core.engine.BatchCheckItem;
import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.engine.CheckResult;
import dev.tandem.core.model.AuthorizationModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * An {@link FgaClient} decorator that remembers check answers for {@link CacheOptions#ttl()}
 * (expire-after-write; never refreshed, never extended by reads).
 *
 * <p><b>What is cached.</b> Answers of {@link #check} and of the items of {@link #batchCheck},
 * keyed by everything that can change them: store, object, relation, user, the contextual tuples in
 * any order with their conditions, and the request context with map order and number spelling
 * ({@code 1} or {@code 1.0}) made irrelevant. Errors are never cached, nor answers whose evaluation
 * ran into a cycle ({@link CheckResult#cycleDetected()}), nor failed batch items. Checks with
 * {@link Consistency#HIGHER_CONSISTENCY} neither read nor fill the cache. List, expand and read
 * calls are passed through.
 *
 * <p><b>Invalidation.</b> A relation can reach any answer through the graph (a group membership
 * changes every check that goes through the group), so {@link #write}, {@link
 * #writeAuthorizationModel} and {@link #deleteStore} of this client's store drop <em>every</em>
 * cached answer before they return, also when they throw, since a failed remote write may still
 * have been applied. A check that was already running when the write completed may still return the
 * earlier answer to its own caller, but never stores it for later ones: each answer is stamped with
 * the invalidation generation in force when its evaluation began, and only answers of the current
 * generation are served.
 *
 * <p><b>Model.</b> The delegate is bound to one model id or to the store's latest model for its
 * lifetime, so the model is the same for every entry and is not part of the key. A model written
 * through this client invalidates everything. A model, like a tuple, written through any other
 * client is seen within the time-to-live, or at once with {@link Consistency#HIGHER_CONSISTENCY}.
 *
 * <p>Concurrent identical misses may each call the delegate; put a {@link CoalescingFgaClient}
 * underneath to share them. {@link #close()} closes the delegate.
 */
public final class CachingFgaClient extends ForwardingFgaClient {

  private final String storeId;
  private final Cache<CheckKey, Answer> answers;
  private final AtomicLong generation = new AtomicLong();
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder evictions = new LongAdder();

  /** A cached result and the invalidation generation its evaluation began in. */
  private record Answer(CheckResult result, long generation) {}

  private CachingFgaClient(FgaClient delegate, CacheOptions options, Ticker ticker) {
    super(delegate);
    this.storeId = delegate.storeId();
    this.answers =
        Caffeine.newBuilder()
            .expireAfterWrite(options.ttl())
            .maximumSize(options.maximumSize())
            .ticker(ticker)
            // Counted here rather than with recordStats(), which would count every hit twice.
            .evictionListener((key, answer, cause) -> evictions.increment())
            .build();
  }

  /** Caches the check answers of {@code delegate}. */
  public static CachingFgaClient wrap(FgaClient delegate, CacheOptions options) {
    return wrap(delegate, options, Ticker.systemTicker());
  }

  /** As {@link #wrap(FgaClient, CacheOptions)}, with time read from {@code ticker}. */
  static CachingFgaClient wrap(FgaClient delegate, CacheOptions options, Ticker ticker) {
    return new CachingFgaClient(delegate, options, ticker);
  }

  /** Hit, miss and eviction counts since this client was created. */
  public CacheStats stats() {
    return new CacheStats(hits.sum(), misses.sum(), evictions.sum());
  }

  /** Drops every cached answer now, without waiting for the time-to-live. */
  public void invalidateAll() {
    generation.incrementAndGet();
    answers.invalidateAll();
  }

  /** Runs the cache's pending maintenance (expiry and size eviction) now; for tests. */
  void cleanUp() {
    answers.cleanUp();
  }

  @Override
  public String storeId() {
    return storeId;
  }

  @Override
  public CheckResult check(CheckRequest request, Consistency consistency) {
    if (consistency == Consistency.HIGHER_CONSISTENCY) {
      return delegate().check(request, consistency);
    }
    CheckKey key = CheckKey.of(storeId, request);
    if (key == null) {
      return delegate().check(request, consistency);
    }
    long current = generation.get();
    CheckResult cached = lookup(key, current);
    if (cached != null) {
      return cached;
    }
    CheckResult result = delegate().check(request, consistency);
    if (result == null) {
      throw new FgaUnavailableException("the delegate answered a check with no result");
    }
    remember(key, result, current);
    return result;
  }

  /**
   * As {@link #check}: a hit is a completed future and the delegate is not asked; a miss is the
   * delegate's {@link FgaClient#checkAsync}, its answer cached under the same rules (stamped with
   * the generation in force when the check began; errors and cycles never cached).
   */
  @Override
  public CompletableFuture<CheckResult> checkAsync(CheckRequest request, Consistency consistency) {
    if (consistency == Consistency.HIGHER_CONSISTENCY) {
      return delegateAsync(request, consistency);
    }
    CheckKey key = CheckKey.of(storeId, request);
    if (key == null) {
      return delegateAsync(request, consistency);
    }
    long current = generation.get();
    CheckResult cached = lookup(key, current);
    if (cached != null) {
      return CompletableFuture.completedFuture(cached);
    }
    CompletableFuture<CheckResult> answer = new CompletableFuture<>();
    delegateAsync(request, consistency)
        .whenComplete(
            (result, error) -> {
              try {
                if (error == null && result != null) {
                  remember(key, result, current);
                }
              } finally {
                AsyncChecks.complete(answer, result, error);
              }
            });
    return answer;
  }

  /** The delegate's future, with a synchronous throw or a missing future turned into a failure. */
  private CompletableFuture<CheckResult> delegateAsync(
      CheckRequest request, Consistency consistency) {
    try {
      CompletableFuture<CheckResult> answer = delegate().checkAsync(request, consistency);
      if (answer == null) {
        return CompletableFuture.failedFuture(
            new FgaUnavailableException("the delegate answered a check with no future"));
      }
      return AsyncChecks.relay(answer);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(AsyncChecks.asFga(e));
    }
  }

  @Override
  public List<BatchCheckItem> batchCheck(List<CheckRequest> requests, Consistency consistency) {
    if (consistency == Consistency.HIGHER_CONSISTENCY || requests.isEmpty()) {
      return delegate().batchCheck(requests, consistency);
    }
    long current = generation.get();
    BatchCheckItem[] items = new BatchCheckItem[requests.size()];
    CheckKey[] keys = new CheckKey[requests.size()];
    int[] missed = new int[requests.size()];
    List<CheckRequest> toFetch = List.of();
    for (int i = 0; i < items.length; i++) {
      CheckRequest request = requests.get(i);
      keys[i] = CheckKey.of(storeId, request);
      CheckResult cached = keys[i] == null ? null : lookup(keys[i], current);
      if (cached != null) {
        items[i] = new BatchCheckItem.Evaluated(cached);
      } else {
        if (toFetch.isEmpty()) {
          toFetch = new ArrayList<>();
        }
        missed[toFetch.size()] = i;
        toFetch.add(request);
      }
    }
    if (!toFetch.isEmpty()) {
      List<BatchCheckItem> fetched = delegate().batchCheck(toFetch, consistency);
      if (fetched == null || fetched.size() != toFetch.size()) {
        throw new FgaUnavailableException(
            "the delegate answered "
                + (fetched == null ? "no list" : fetched.size() + " items")
                + " to a batch of "
                + toFetch.size()
                + " checks");
      }
      for (int j = 0; j < fetched.size(); j++) {
        int i = missed[j];
        BatchCheckItem item = fetched.get(j);
        if (item == null) {
          item =
              new BatchCheckItem.Failed(
                  new FgaUnavailableException("the delegate answered a batch item with nothing"));
        } else if (item instanceof BatchCheckItem.Evaluated evaluated && keys[i] != null) {
          remember(keys[i], evaluated.result(), current);
        }
        items[i] = item;
      }
    }
    return List.of(items);
  }

  private @Nullable CheckResult lookup(CheckKey key, long current) {
    Answer answer = answers.getIfPresent(key);
    if (answer != null && answer.generation() == current) {
      hits.increment();
      return answer.result();
    }
    misses.increment();
    return null;
  }

  private void remember(CheckKey key, CheckResult result, long started) {
    // Skipping stale answers here only saves space: lookup() rejects them anyway.
    if (!result.cycleDetected() && generation.get() == started) {
      answers.put(key, new Answer(result, started));
    }
  }

  @Override
  public void write(WriteRequest request) {
    try {
      delegate().write(request);
    } finally {
      invalidateAll();
    }
  }

  @Override
  public AuthorizationModel writeAuthorizationModel(AuthorizationModel model) {
    try {
      return delegate().writeAuthorizationModel(model);
    } finally {
      invalidateAll();
    }
  }

  @Override
  public void deleteStore(String storeId) {
    try {
      delegate().deleteStore(storeId);
    } finally {
      if (this.storeId.equals(storeId)) {
        invalidateAll();
      }
    }
  }

  /** Drops the cache and closes the delegate. */
  @Override
  public void close() {
    invalidateAll();
    delegate().close();
  }
}
