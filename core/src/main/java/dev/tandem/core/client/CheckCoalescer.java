package dev.tandem.core.client;

import dev.tandem.core.FgaException;
import dev.tandem.core.FgaUnavailableException;
import dev.tandem.core.client.OpenBatches.Joined;
import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.engine.CheckResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * The single-flight and batching machinery of {@link CoalescingFgaClient}; see there for the
 * behaviour. A synchronous check's own thread does the waiting: the first check of a batch waits
 * out the window and sends it, or the check that fills it sends it at once. An asynchronous check
 * hands that work (waiting out the window it opened, or sending the batch it filled) to a pool
 * thread, created on first use, so that its caller returns at once.
 *
 * <p>This class coordinates; {@link InFlightCalls} shares and answers calls, {@link OpenBatches}
 * decides which batch a call joins and when it goes, {@link CoalescedBatch} waits out a window and
 * {@link CoalescerWorkers} runs the asynchronous checks' share of the work.
 */
final class CheckCoalescer {

  private final FgaClient delegate;
  private final String storeId;
  private final long windowNanos;
  private final long quietNanos;
  private final LongSupplier clock;
  private final LongConsumer onPark;
  private final Runnable onQueued;
  private final InFlightCalls calls;
  private final CoalescerWorkers workers = new CoalescerWorkers();

  /** Guards {@link #batches} and the bookkeeping of the batches in it. */
  private final Object lock = new Object();

  private final OpenBatches batches;

  /**
   * {@code clock} gives the time in nanoseconds ({@link System#nanoTime()} but for tests); {@code
   * onPark} runs with the nanoseconds a leader is about to wait, for tests.
   */
  CheckCoalescer(
      FgaClient delegate,
      CoalescingOptions options,
      Runnable onQueued,
      LongSupplier clock,
      LongConsumer onPark) {
    this.delegate = delegate;
    this.storeId = delegate.storeId();
    this.clock = clock;
    this.onPark = onPark;
    this.windowNanos = options.window().toNanos();
    this.quietNanos = options.quietPeriod().toNanos();
    this.onQueued = onQueued;
    this.calls = new InFlightCalls(delegate);
    this.batches = new OpenBatches(clock, options.maxBatchSize(), windowNanos);
  }

  /**
   * Answers a check by joining a call in flight or a batch; never allows on an error. The caller
   * counts as inside until it returns, so that a batch can tell when every synchronous caller is
   * waiting for it.
   */
  CheckResult check(CheckRequest request, Consistency consistency) {
    CoalescedCall call = CoalescedCall.of(storeId, request, consistency);
    CoalescedCall awaited = call;
    Joined joined;
    synchronized (lock) {
      batches.enter();
      CoalescedCall existing = calls.putIfAbsent(call);
      if (existing == null) {
        joined = batches.join(call, consistency, false);
      } else {
        awaited = existing;
        joined = batches.share(existing);
      }
    }
    try {
      proceed(call, joined, false);
      return await(awaited);
    } finally {
      leave();
    }
  }

  /**
   * A synchronous caller is returning. If that leaves every synchronous caller still inside waiting
   * for the open batch, the batch's leader is told to send it now.
   */
  private void leave() {
    CoalescedBatch ready;
    synchronized (lock) {
      ready = batches.leave();
    }
    if (ready != null) {
      ready.endWindow();
    }
  }

  /**
   * As {@link #check}, without blocking: the answer is the caller's own future, completed with the
   * result or an {@link FgaException}.
   */
  CompletableFuture<CheckResult> checkAsync(CheckRequest request, Consistency consistency) {
    CoalescedCall call = CoalescedCall.of(storeId, request, consistency);
    CoalescedCall existing = calls.putIfAbsent(call);
    if (existing != null) {
      onQueued.run();
      return AsyncChecks.relay(existing.answer);
    }
    Joined joined;
    synchronized (lock) {
      joined = batches.join(call, consistency, true);
    }
    proceed(call, joined, true);
    return AsyncChecks.relay(call.answer);
  }

  /**
   * The delegate's own {@link FgaClient#checkAsync}, called from a pool thread so that a delegate
   * whose asynchronous check blocks (the default) does not block the caller.
   */
  CompletableFuture<CheckResult> direct(CheckRequest request, Consistency consistency) {
    CompletableFuture<CheckResult> answer = new CompletableFuture<>();
    Runnable ask =
        () -> {
          try {
            delegate
                .checkAsync(request, consistency)
                .whenComplete((result, error) -> AsyncChecks.complete(answer, result, error));
          } catch (RuntimeException e) {
            answer.completeExceptionally(AsyncChecks.asFga(e));
          }
        };
    if (!workers.execute(ask)) {
      answer.completeExceptionally(closedError());
    }
    return answer;
  }

  /** Ends every open window now, as if it had elapsed. */
  void endWindows() {
    synchronized (lock) {
      batches.forEach(CoalescedBatch::endWindow);
    }
  }

  /** Makes every waiting leader look at the clock again; for tests with a fake clock. */
  void wakeLeaders() {
    synchronized (lock) {
      batches.forEach(CoalescedBatch::wake);
    }
  }

  /** Fails the checks waiting for a window, and every later one. */
  void close() {
    List<CoalescedCall> pending;
    synchronized (lock) {
      pending = batches.close();
      // Running batches finish their delegate call; leaders waiting for a window were just woken.
      workers.shutdown();
    }
    calls.failAll(pending, closedError());
  }

  static FgaUnavailableException closedError() {
    return new FgaUnavailableException("the coalescing client is closed");
  }

  /**
   * Does what joining said for {@code call}, on this thread or, for an asynchronous check, a pool
   * thread.
   */
  private void proceed(CoalescedCall call, Joined joined, boolean async) {
    if (!joined.queued()) {
      calls.finish(call, null, closedError());
      return;
    }
    onQueued.run();
    CoalescedBatch send = joined.send();
    CoalescedBatch lead = joined.lead();
    if (send != null) {
      send.endWindow();
      if (!async) {
        calls.send(send);
      } else if (!workers.execute(() -> calls.send(send))) {
        calls.failAll(send.calls, closedError());
      }
    } else if (lead != null) {
      if (!async) {
        lead(lead);
      } else if (!workers.execute(() -> lead(lead))) {
        abandon(lead);
      }
    }
  }

  /** Fails a batch no thread could lead, unless it was already sent or failed. */
  private void abandon(CoalescedBatch batch) {
    boolean mine;
    synchronized (lock) {
      mine = batches.sealIfOpen(batch);
    }
    if (mine) {
      calls.failAll(batch.calls, closedError());
    }
  }

  /**
   * Waits out the window of a batch this thread opened, then sends it unless someone else did. The
   * wait ends early when the batch has not grown for the quiet period, is full, or is closed.
   */
  private void lead(CoalescedBatch batch) {
    boolean interrupted = batch.waitOutWindow(windowNanos, quietNanos, clock, onPark);
    boolean mine;
    synchronized (lock) {
      mine = batches.sealIfOpen(batch);
    }
    if (mine) {
      calls.send(batch);
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static CheckResult await(CoalescedCall call) {
    try {
      return call.answer.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FgaUnavailableException("interrupted while waiting for a check", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof FgaException error) {
        throw error;
      }
      throw new FgaUnavailableException("the check failed", e.getCause());
    }
  }
}
