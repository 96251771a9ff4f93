package dev.tandem.spring;

import dev.tandem.core.authz.PrincipalRole;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ApplicationListener;

/**
 * Records every {@link TandemDecisionEvent} in Micrometer: the counter {@value #DECISIONS} tagged
 * with {@code outcome} ({@code granted}, {@code denied}, {@code unavailable}) and {@code principal}
 * (the first principal that failed: {@code user}, {@code service_account}, {@code consent}, {@code
 * task}, or {@code none}), and, once per method call, the timer {@value #LATENCY} and the
 * distribution summary {@value #BATCH_SIZE} (the number of requirements decided together).
 */
public final class TandemMetrics implements ApplicationListener<TandemDecisionEvent> {

  /** Decisions, one per requirement. */
  public static final String DECISIONS = "tandem.decisions";

  /** Time taken by the call that decides the requirements of one method call. */
  public static final String LATENCY = "tandem.decision.latency";

  /** Requirements decided in one call. */
  public static final String BATCH_SIZE = "tandem.batch.size";

  private final MeterRegistry registry;
  private final Timer latency;
  private final DistributionSummary batchSize;

  /** Registers the meters in {@code registry}. */
  public TandemMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.latency =
        Timer.builder(LATENCY)
            .description("Time taken to decide the requirements of one method call")
            .register(registry);
    this.batchSize =
        DistributionSummary.builder(BATCH_SIZE)
            .description("Requirements decided together for one method call")
            .baseUnit("permissions")
            .register(registry);
  }

  @Override
  public void onApplicationEvent(TandemDecisionEvent event) {
    Counter.builder(DECISIONS)
        .description("Decisions of Tandem's method enforcement, one per requirement")
        .tag("outcome", event.outcome().name().toLowerCase(Locale.ROOT))
        .tag("principal", principal(event.deniedPrincipals()))
        .register(registry)
        .increment();
    if (event.batchIndex() == 0) {
      latency.record(event.latency());
      batchSize.record(event.batchSize());
    }
  }

  private static String principal(List<PrincipalRole> denied) {
    return denied.isEmpty() ? "none" : denied.get(0).name().toLowerCase(Locale.ROOT);
  }
}
