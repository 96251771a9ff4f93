package dev.tandem.core.internal.remote;

import java.time.Duration;
import java.util.function.LongSupplier;

/** The end of one client call, retries included, on a monotonic clock. */
final class Deadline {

  private final LongSupplier ticker;
  private final long endNanos;
  private final Duration total;

  private Deadline(LongSupplier ticker, Duration total) {
    this.ticker = ticker;
    this.total = total;
    this.endNanos = ticker.getAsLong() + total.toNanos();
  }

  /** A deadline {@code timeout} from now on {@code ticker} (nanoseconds, like System::nanoTime). */
  static Deadline after(Duration timeout, LongSupplier ticker) {
    return new Deadline(ticker, timeout);
  }

  /** The time left; zero or negative once the deadline has passed. */
  Duration remaining() {
    return Duration.ofNanos(endNanos - ticker.getAsLong());
  }

  boolean expired() {
    return endNanos - ticker.getAsLong() <= 0;
  }

  /** The whole budget this deadline was created with. */
  Duration total() {
    return total;
  }
}
