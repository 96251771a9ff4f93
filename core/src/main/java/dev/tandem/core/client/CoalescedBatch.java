package dev.tandem.core.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/** Checks that will go out in one delegate call, and the window its leader waits out first. */
final class CoalescedBatch {

  final Consistency consistency;
  final List<CoalescedCall> calls = new ArrayList<>();
  private final CountDownLatch windowEnded = new CountDownLatch(1);
  private final long openedAt;

  /** When the last call joined; written under the coalescer's lock. */
  volatile long lastArrival;

  /** The thread waiting out the window, once it has started to. */
  private volatile @Nullable Thread leader;

  /** Guarded by the coalescer's lock; once set, {@link #calls} no longer changes. */
  boolean sealed;

  /** Synchronous callers waiting for this batch, sharers included; under the lock. */
  int syncWaiters;

  /** Whether an asynchronous check is in it, whose caller may add more; under the lock. */
  boolean hasAsync;

  CoalescedBatch(Consistency consistency, long openedAt) {
    this.consistency = consistency;
    this.openedAt = openedAt;
    this.lastArrival = openedAt;
  }

  /** Ends the wait of this batch's leader now. */
  void endWindow() {
    windowEnded.countDown();
    wake();
  }

  /** Makes the leader look at the clock again. */
  void wake() {
    Thread waiting = leader;
    if (waiting != null) {
      LockSupport.unpark(waiting);
    }
  }

  /**
   * Waits, as this batch's leader, until its window ends: {@code windowNanos} after it opened,
   * {@code quietNanos} after the last call joined, or {@link #endWindow}, whichever is first.
   * {@code onPark} runs with the nanoseconds about to be waited. Returns whether the wait was
   * interrupted; the interrupt is then cleared, for the caller to restore once the batch is sent.
   */
  boolean waitOutWindow(
      long windowNanos, long quietNanos, LongSupplier clock, LongConsumer onPark) {
    boolean interrupted = false;
    leader = Thread.currentThread();
    long deadline = openedAt + windowNanos;
    long reportedWakeAt = 0;
    long reportedNow = 0;
    while (windowEnded.getCount() > 0) {
      long wakeAt = Math.min(deadline, lastArrival + quietNanos);
      long now = clock.getAsLong();
      long remaining = wakeAt - now;
      if (remaining <= 0) {
        break;
      }
      if (wakeAt != reportedWakeAt || now != reportedNow) {
        // Not again after a spurious wake-up with nothing changed.
        onPark.accept(remaining);
        reportedWakeAt = wakeAt;
        reportedNow = now;
      }
      LockSupport.parkNanos(this, remaining);
      if (Thread.interrupted()) {
        // The others in the batch still need it sent.
        interrupted = true;
        break;
      }
    }
    leader = null;
    return interrupted;
  }
}
