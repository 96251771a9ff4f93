package dev.tandem.spring;

import dev.tandem.core.client.CachingFgaClient;
import dev.tandem.core.client.FgaClient;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Exposes the statistics of a {@link CachingFgaClient} in Micrometer, when the {@link FgaClient} is
 * one (with {@code tandem.cache.enabled}, the default): {@value #HITS} and {@value #MISSES}
 * (counted since the client was created) and the gauge {@value #HIT_RATIO} (hits over lookups, 1
 * before the first lookup).
 */
public final class TandemCacheMetrics {

  /** Checks answered from the cache. */
  public static final String HITS = "tandem.cache.hits";

  /** Checks the cache passed on. */
  public static final String MISSES = "tandem.cache.misses";

  /** Hits over lookups. */
  public static final String HIT_RATIO = "tandem.cache.hit.ratio";

  /**
   * Registers the meters of {@code client} in {@code registry}; registers nothing when {@code
   * client} does not cache.
   */
  public TandemCacheMetrics(FgaClient client, MeterRegistry registry) {
    if (client instanceof CachingFgaClient caching) {
      register(caching, registry);
    }
  }

  private static void register(CachingFgaClient client, MeterRegistry registry) {
    // Function counters, not gauges: the counts only grow, and registries export them as rates.
    FunctionCounter.builder(HITS, client, c -> c.stats().hitCount())
        .description("Checks answered from Tandem's decision cache")
        .register(registry);
    FunctionCounter.builder(MISSES, client, c -> c.stats().missCount())
        .description("Checks Tandem's decision cache passed on")
        .register(registry);
    Gauge.builder(HIT_RATIO, client, c -> c.stats().hitRate())
        .description("Hits over lookups of Tandem's decision cache")
        .register(registry);
  }
}
