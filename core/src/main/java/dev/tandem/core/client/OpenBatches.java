package dev.tandem.core.client;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The batches of {@link CheckCoalescer} still open to newcomers, one per consistency, and the count
 * of synchronous callers that lets a batch go before its window ends. Not thread-safe: the
 * coalescer calls every method holding its lock, which also guards the batches' own bookkeeping.
 */
final class OpenBatches {

  /**
   * What a check's thread does once its call has joined: send a batch it sealed, lead a batch it
   * opened, only wait, or nothing at all when the coalescer was closed (the call is to fail).
   */
  record Joined(@Nullable CoalescedBatch send, @Nullable CoalescedBatch lead, boolean queued) {
    static final Joined WAIT = new Joined(null, null, true);
    static final Joined CLOSED = new Joined(null, null, false);

    /** Send {@code batch}, which the caller has sealed. */
    static Joined send(CoalescedBatch batch) {
      return new Joined(batch, null, true);
    }

    /** Lead {@code batch}, which the caller has opened. */
    static Joined lead(CoalescedBatch batch) {
      return new Joined(null, batch, true);
    }
  }

  private final LongSupplier clock;
  private final int maxBatchSize;
  private final boolean windowless;
  private final Map<Consistency, CoalescedBatch> open = new EnumMap<>(Consistency.class);
  private boolean closed;

  /** Synchronous callers between entering {@link CheckCoalescer#check} and returning from it. */
  private int inside;

  /** The most synchronous callers inside at once since the last batch went. */
  private int peakInside;

  /**
   * {@link #peakInside} when the last batch of only synchronous checks went: how many callers a
   * batch must hold to go early. None known at first, so no batch goes early before one has gone.
   */
  private int lastWave = Integer.MAX_VALUE;

  OpenBatches(LongSupplier clock, int maxBatchSize, long windowNanos) {
    this.clock = clock;
    this.maxBatchSize = maxBatchSize;
    this.windowless = windowNanos == 0;
  }

  /** A synchronous caller has entered the coalescer. */
  void enter() {
    inside++;
    peakInside = Math.max(peakInside, inside);
  }

  /**
   * A synchronous caller is returning. If that leaves every synchronous caller still inside waiting
   * for an open batch, that batch, whose leader is to send it now.
   */
  @Nullable CoalescedBatch leave() {
    inside--;
    CoalescedBatch ready = null;
    for (CoalescedBatch batch : open.values()) {
      if (waveComplete(batch)) {
        ready = batch;
      }
    }
    return ready;
  }

  /** Adds a call to the open batch of its consistency, opening one if needed. */
  Joined join(CoalescedCall call, Consistency consistency, boolean async) {
    if (closed) {
      return Joined.CLOSED;
    }
    CoalescedBatch batch = open.get(consistency);
    long now = clock.getAsLong();
    boolean opened = batch == null;
    if (opened) {
      batch = new CoalescedBatch(consistency, now);
      open.put(consistency, batch);
    }
    batch.calls.add(call);
    call.batch = batch;
    batch.lastArrival = now;
    if (async) {
      batch.hasAsync = true;
    } else {
      batch.syncWaiters++;
    }
    if (batch.calls.size() >= maxBatchSize || windowless || waveComplete(batch)) {
      seal(batch);
      return Joined.send(batch);
    }
    return opened ? Joined.lead(batch) : Joined.WAIT;
  }

  /**
   * A synchronous caller shares {@code existing}'s answer. Sharing a call still in an open batch
   * makes the caller one of that batch's waiters, which may complete its wave.
   */
  Joined share(CoalescedCall existing) {
    CoalescedBatch batch = existing.batch;
    if (batch == null || batch.sealed) {
      return Joined.WAIT;
    }
    batch.syncWaiters++;
    if (waveComplete(batch)) {
      seal(batch);
      return Joined.send(batch);
    }
    return Joined.WAIT;
  }

  /** Seals {@code batch} unless someone already did; whether this call did, and so must send it. */
  boolean sealIfOpen(CoalescedBatch batch) {
    if (batch.sealed) {
      return false;
    }
    seal(batch);
    return true;
  }

  void forEach(Consumer<CoalescedBatch> action) {
    open.values().forEach(action);
  }

  /**
   * Refuses every later call and closes the open batches, ending their windows; their calls, for
   * the caller to fail.
   */
  List<CoalescedCall> close() {
    closed = true;
    List<CoalescedCall> pending = new ArrayList<>();
    for (CoalescedBatch batch : open.values()) {
      batch.sealed = true;
      pending.addAll(batch.calls);
      batch.endWindow();
    }
    open.clear();
    return pending;
  }

  /**
   * Whether an open batch can go before its window ends because no caller the client knows of can
   * still join it: it holds only synchronous checks, every synchronous caller inside the client is
   * waiting for it (none for a call in flight, none just answered and about to ask again), and
   * there are at least as many of them as were inside at once before the last such batch went, so
   * that a caller that is slow to come back, or a thread just starting, is waited for (up to the
   * window).
   */
  private boolean waveComplete(CoalescedBatch batch) {
    return !batch.sealed
        && !batch.hasAsync
        && batch.syncWaiters > 0
        && batch.syncWaiters == inside
        && batch.syncWaiters >= lastWave;
  }

  /** Closes a batch to newcomers. */
  private void seal(CoalescedBatch batch) {
    batch.sealed = true;
    open.remove(batch.consistency, batch);
    if (!batch.hasAsync && batch.syncWaiters > 0) {
      lastWave = peakInside;
      peakInside = inside;
    }
  }
}
