package dev.tandem.core.client;

import java.time.Duration;

/**
 * Request coalescing of {@link CoalescingFgaClient}.
 *
 * @param window how long a check waits for others to share a batch with
 * @param maxBatchSize the most checks per batch call; OpenFGA accepts 50
 */
public record CoalescingOptions(Duration window, int maxBatchSize) {

  /** OpenFGA's limit of checks per batch-check call. */
  public static final int MAX_BATCH_SIZE = 50;

  public CoalescingOptions {
    if (window.isNegative()) {
      throw new IllegalArgumentException("coalescing window must not be negative, got " + window);
    }
    if (maxBatchSize < 1 || maxBatchSize > MAX_BATCH_SIZE) {
      throw new IllegalArgumentException(
          "maxBatchSize must be between 1 and " + MAX_BATCH_SIZE + ", got " + maxBatchSize);
    }
  }

  /** A 2 ms window and batches of 50. */
  public static CoalescingOptions defaults() {
    return new CoalescingOptions(Duration.ofMillis(2), MAX_BATCH_SIZE);
  }
}
