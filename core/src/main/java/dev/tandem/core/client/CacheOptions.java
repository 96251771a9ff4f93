package dev.tandem.core.client;

import java.time.Duration;

/**
 * The decision cache of {@link CachingFgaClient}.
 *
 * @param ttl how long an answer is served after it was fetched (expire-after-write); revocations
 *     made elsewhere take effect within this time
 * @param maximumSize the most answers kept
 */
public record CacheOptions(Duration ttl, long maximumSize) {

  /** The documented default time-to-live. */
  public static final Duration DEFAULT_TTL = Duration.ofSeconds(10);

  public CacheOptions {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("cache ttl must be positive, got " + ttl);
    }
    if (maximumSize < 1) {
      throw new IllegalArgumentException("cache maximumSize must be positive, got " + maximumSize);
    }
  }

  /** 10 seconds, 100,000 answers. */
  public static CacheOptions defaults() {
    return new CacheOptions(DEFAULT_TTL, 100_000);
  }
}
