package dev.tandem.spring;

import dev.tandem.core.client.FgaClient;
import java.util.Locale;
import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether Tandem can make decisions: {@code UP} when the {@link FgaClient} can read the model it
 * decides against ({@link FgaClient#readDecisionModel()}: the pinned one, else the store's latest),
 * {@code DOWN} when it cannot.
 *
 * <p>Details: {@code mode} ({@code embedded} or {@code remote}), {@code storeId}, and {@code
 * modelId} (of the model read) when up, {@code error} (the exception's class and message) when
 * down. Each call costs one model read. There is no timeout of its own: a remote client bounds the
 * read with its deadlines ({@code tandem.remote.overall-timeout}, retries included). Never throws.
 */
public final class TandemHealthIndicator implements HealthIndicator {

  private final FgaClient client;
  private final String mode;

  /** An indicator of {@code client}, reporting {@code mode} as its backend. */
  public TandemHealthIndicator(FgaClient client, TandemProperties.Mode mode) {
    this.client = Objects.requireNonNull(client, "client");
    this.mode = mode.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public Health health() {
    Health.Builder health = Health.unknown().withDetail("mode", mode);
    try {
      health.withDetail("storeId", client.storeId());
      return health.up().withDetail("modelId", client.readDecisionModel().id()).build();
    } catch (RuntimeException e) {
      // Remote clients' messages name the URL and status, never credentials.
      return health.down(e).build();
    }
  }
}
