package dev.tandem.core.client;

/**
 * Counters of a {@link CachingFgaClient}'s decision cache since it was created. Checks that bypass
 * the cache ({@link Consistency#HIGHER_CONSISTENCY}, a context with values that have no canonical
 * form) are not counted.
 *
 * @param hitCount checks answered from the cache (a batch counts each item)
 * @param missCount checks sent to the delegate because no fresh answer was cached
 * @param evictionCount answers dropped because the cache was full or they expired
 */
public record CacheStats(long hitCount, long missCount, long evictionCount) {

  /** Checks that looked in the cache. */
  public long requestCount() {
    return hitCount + missCount;
  }

  /** The share of {@link #requestCount()} answered from the cache; 1.0 when there was none. */
  public double hitRate() {
    long requests = requestCount();
    return requests == 0 ? 1.0 : (double) hitCount / requests;
  }
}
