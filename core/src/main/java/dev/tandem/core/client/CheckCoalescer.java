package dev.tandem.core.client;

import dev.tandem.core.FgaException;
import dev.tandem.core.FgaUnavailableException;
import dev.tandem.core.engine.BatchCheckItem;
import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.engine.CheckResult;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The single-flight and batching machinery of {@link CoalescingFgaClient}; see there for the
 * behaviour. Owns no thread: the first check of a batch waits out the window and sends it, or the
 * check that fills it sends it at once.
 */
final class CheckCoalescer {

  private final FgaClient delegate;
  private final String storeId;
  private final long windowNanos;
  private final int maxBatchSize;
  private final Runnable onQueued;
  private final Map<FlightKey, Call> inFlight = new ConcurrentHashMap<>();
  private final Object lock = new Object();
  private final Map<Consistency, Batch> open = new EnumMap<>(Consistency.class);
  private boolean closed;

  /** Identical checks share a call only under the same consistency. */
  private record FlightKey(CheckKey check, Consistency consistency) {}

  /** One check and everyone waiting for its answer. */
  private static final class Call {
    final CheckRequest request;
    final @Nullable FlightKey key;
    final CompletableFuture<CheckResult> answer = new CompletableFuture<>();

    Call(CheckRequest request, @Nullable FlightKey key) {
      this.request = request;
      this.key = key;
    }
  }

  /** Checks that will go out in one delegate call. */
  private static final class Batch {
    final Consistency consistency;
    final List<Call> calls = new ArrayList<>();
    final CountDownLatch windowEnded = new CountDownLatch(1);

    /** Guarded by the coalescer's lock; once set, {@link #calls} no longer changes. */
    boolean sealed;

    Batch(Consistency consistency) {
      this.consistency = consistency;
    }
  }

  CheckCoalescer(FgaClient delegate, CoalescingOptions options, Runnable onQueued) {
    this.delegate = delegate;
    this.storeId = delegate.storeId();
    this.windowNanos = options.window().toNanos();
    this.maxBatchSize = options.maxBatchSize();
    this.onQueued = onQueued;
  }

  /** Answers a check by joining a call in flight or a batch; never allows on an error. */
  CheckResult check(CheckRequest request, Consistency consistency) {
    CheckKey check = CheckKey.of(storeId, request);
    FlightKey key = check == null ? null : new FlightKey(check, consistency);
    Call call = new Call(request, key);
    if (key != null) {
      Call existing = inFlight.putIfAbsent(key, call);
      if (existing != null) {
        onQueued.run();
        return await(existing);
      }
    }
    enqueue(call, consistency);
    return await(call);
  }

  /** Ends every open window now, as if it had elapsed. */
  void endWindows() {
    synchronized (lock) {
      for (Batch batch : open.values()) {
        batch.windowEnded.countDown();
      }
    }
  }

  /** Fails the checks waiting for a window, and every later one. */
  void close() {
    List<Call> pending = new ArrayList<>();
    synchronized (lock) {
      closed = true;
      for (Batch batch : open.values()) {
        batch.sealed = true;
        pending.addAll(batch.calls);
        batch.windowEnded.countDown();
      }
      open.clear();
    }
    failAll(pending, closedError());
  }

  static FgaUnavailableException closedError() {
    return new FgaUnavailableException("the coalescing client is closed");
  }

  private void enqueue(Call call, Consistency consistency) {
    Batch led = null;
    Batch full = null;
    synchronized (lock) {
      if (closed) {
        finish(call, null, closedError());
        return;
      }
      Batch batch = open.get(consistency);
      if (batch == null) {
        batch = new Batch(consistency);
        open.put(consistency, batch);
        led = batch;
      }
      batch.calls.add(call);
      if (batch.calls.size() >= maxBatchSize || windowNanos == 0) {
        seal(batch);
        full = batch;
      }
    }
    onQueued.run();
    if (full != null) {
      full.windowEnded.countDown();
      dispatch(full);
    } else if (led != null) {
      lead(led);
    }
  }

  /** Waits out the window of a batch this thread opened, then sends it unless someone else did. */
  private void lead(Batch batch) {
    boolean interrupted = false;
    try {
      batch.windowEnded.await(windowNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      // The others in the batch still need it sent; the interrupt is restored afterwards.
      interrupted = true;
    }
    boolean mine;
    synchronized (lock) {
      mine = !batch.sealed;
      if (mine) {
        seal(batch);
      }
    }
    if (mine) {
      dispatch(batch);
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Closes a batch to newcomers; the caller holds the lock. */
  private void seal(Batch batch) {
    batch.sealed = true;
    open.remove(batch.consistency, batch);
  }

  /** Sends a sealed batch and completes every call in it, whatever happens. */
  private void dispatch(Batch batch) {
    List<Call> calls = batch.calls;
    try {
      if (calls.size() == 1) {
        Call only = calls.get(0);
        finish(only, delegate.check(only.request, batch.consistency), null);
        return;
      }
      List<CheckRequest> requests = new ArrayList<>(calls.size());
      for (Call call : calls) {
        requests.add(call.request);
      }
      List<BatchCheckItem> items = delegate.batchCheck(requests, batch.consistency);
      if (items == null || items.size() != calls.size()) {
        failAll(calls, wrongSize(items, calls.size()));
        return;
      }
      for (int i = 0; i < calls.size(); i++) {
        BatchCheckItem item = items.get(i);
        if (item instanceof BatchCheckItem.Evaluated evaluated) {
          finish(calls.get(i), evaluated.result(), null);
        } else if (item instanceof BatchCheckItem.Failed failed) {
          finish(calls.get(i), null, failed.error());
        } else {
          finish(calls.get(i), null, new FgaUnavailableException("a batch item had no answer"));
        }
      }
    } catch (FgaException e) {
      failAll(calls, e);
    } catch (RuntimeException e) {
      failAll(calls, new FgaUnavailableException("the delegate failed to check", e));
    } finally {
      // Calls are still open here only when an Error is on its way up.
      for (Call call : calls) {
        if (!call.answer.isDone()) {
          finish(call, null, new FgaUnavailableException("the check was abandoned"));
        }
      }
    }
  }

  private void failAll(List<Call> calls, FgaException error) {
    for (Call call : calls) {
      finish(call, null, error);
    }
  }

  /**
   * Completes a call, first taking it out of flight so that a check arriving afterwards makes a new
   * call instead of reusing this outcome. Completing a completed call does nothing.
   */
  private void finish(Call call, @Nullable CheckResult result, @Nullable FgaException error) {
    if (call.key != null) {
      inFlight.remove(call.key, call);
    }
    if (result != null) {
      call.answer.complete(result);
    } else {
      call.answer.completeExceptionally(
          error != null ? error : new FgaUnavailableException("the delegate answered no result"));
    }
  }

  private static CheckResult await(Call call) {
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

  /** The error for a delegate that answered a batch with the wrong number of items. */
  static FgaUnavailableException wrongSize(@Nullable List<BatchCheckItem> items, int expected) {
    return new FgaUnavailableException(
        "the delegate answered "
            + (items == null ? "no list" : items.size() + " items")
            + " to a batch of "
            + expected
            + " checks");
  }
}
