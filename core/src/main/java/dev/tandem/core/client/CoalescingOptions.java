package dev.tandem.core.client;

import java.time.Duration;

/**
 * Request coalescing of {@link CoalescingFgaClient}.
 *
 * @param window the longest a check waits for others to share a batch with
 * @param maxBatchSize the most checks per batch call; OpenFGA accepts 50
 * @param quietPeriod a batch that has not grown for this long goes before its window ends; at most
 *     {@code window}, and by default equal to it (off): asynchronous callers that pause briefly
 *     would otherwise split batches
 */
public record CoalescingOptions(Duration window, int maxBatchSize, Duration quietPeriod) {

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
    if (quietPeriod.isNegative() || quietPeriod.compareTo(window) > 0) {
      throw new IllegalArgumentException(
          "quietPeriod must be between 0 and the window " + window + ", got " + quietPeriod);
    }
  }

  /** A {@code window} and batch size, without a quiet period: a batch waits out its window. */
  public CoalescingOptions(Duration window, int maxBatchSize) {
    this(window, maxBatchSize, window);
  }

  /** A 2 ms window and batches of 50, without a quiet period. */
  public static CoalescingOptions defaults() {
    return new CoalescingOptions(Duration.ofMillis(2), MAX_BATCH_SIZE);
  }
}
