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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The single-flight and batching machinery of {@link CoalescingFgaClient}; see there for the
 * behaviour. A synchronous check's own thread does the waiting: the first check of a batch waits
 * out the window and sends it, or the check that fills it sends it at once. An asynchronous check
 * hands that work (waiting out the window it opened, or sending the batch it filled) to a pool
 * thread, created on first use, so that its caller returns at once.
 */
final class CheckCoalescer {

  private final FgaClient delegate;
  private final String storeId;
  private final long windowNanos;
  private final long quietNanos;
  private final LongSupplier clock;
  private final LongConsumer onPark;
  private final int maxBatchSize;
  private final Runnable onQueued;
  private final Map<FlightKey, Call> inFlight = new ConcurrentHashMap<>();
  private final Object lock = new Object();
  private final Map<Consistency, Batch> open = new EnumMap<>(Consistency.class);
  private boolean closed;

  /** Synchronous callers between entering {@link #check} and returning from it; under the lock. */
  private int inside;

  /** The most synchronous callers inside at once since the last batch went; under the lock. */
  private int peakInside;

  /**
   * {@link #peakInside} when the last batch of only synchronous checks went: how many callers a
   * batch must hold to go early. None known at first, so no batch goes early before one has gone.
   * Under the lock.
   */
  private int lastWave = Integer.MAX_VALUE;

  /** Leads and sends the batches of asynchronous checks; created on the first one. */
  private @Nullable ExecutorService workers;

  /** Identical checks share a call only under the same consistency. */
  private record FlightKey(CheckKey check, Consistency consistency) {}

  /** One check and everyone waiting for its answer. */
  private static final class Call {
    final CheckRequest request;
    final @Nullable FlightKey key;
    final CompletableFuture<CheckResult> answer = new CompletableFuture<>();

    /** The batch this call went into; set under the coalescer's lock. */
    @Nullable Batch batch;

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
    final long openedAt;

    /** When the last call joined; written under the coalescer's lock. */
    volatile long lastArrival;

    /** The thread waiting out the window, once it has started to. */
    volatile @Nullable Thread leader;

    /** Guarded by the coalescer's lock; once set, {@link #calls} no longer changes. */
    boolean sealed;

    /** Synchronous callers waiting for this batch, sharers included; under the lock. */
    int syncWaiters;

    /** Whether an asynchronous check is in it, whose caller may add more; under the lock. */
    boolean hasAsync;

    Batch(Consistency consistency, long openedAt) {
      this.consistency = consistency;
      this.openedAt = openedAt;
      this.lastArrival = openedAt;
    }

    /** Ends the wait of this batch's leader now. */
    void endWindow() {
      windowEnded.countDown();
      wake();
    }

    void wake() {
      Thread waiting = leader;
      if (waiting != null) {
        LockSupport.unpark(waiting);
      }
    }
  }

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
    this.maxBatchSize = options.maxBatchSize();
    this.onQueued = onQueued;
  }

  /**
   * Answers a check by joining a call in flight or a batch; never allows on an error. The caller
   * counts as {@linkplain #inside inside} until it returns, so that a batch can tell when every
   * synchronous caller is waiting for it.
   */
  CheckResult check(CheckRequest request, Consistency consistency) {
    CheckKey check = CheckKey.of(storeId, request);
    FlightKey key = check == null ? null : new FlightKey(check, consistency);
    Call call = new Call(request, key);
    Call awaited = call;
    Joined joined;
    synchronized (lock) {
      inside++;
      peakInside = Math.max(peakInside, inside);
      Call existing = key == null ? null : inFlight.putIfAbsent(key, call);
      if (existing == null) {
        joined = join(call, consistency, false);
      } else {
        // Sharing a call still in the open batch makes this caller one of that batch's waiters.
        awaited = existing;
        Batch batch = existing.batch;
        boolean pending = batch != null && !batch.sealed;
        joined = Joined.WAIT;
        if (pending) {
          batch.syncWaiters++;
          if (waveComplete(batch)) {
            seal(batch);
            joined = Joined.send(batch);
          }
        }
      }
    }
    try {
      proceed(joined, false);
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
    Batch ready = null;
    synchronized (lock) {
      inside--;
      for (Batch batch : open.values()) {
        if (waveComplete(batch)) {
          ready = batch;
        }
      }
    }
    if (ready != null) {
      ready.endWindow();
    }
  }

  /**
   * Whether an open batch can go before its window ends because no caller the client knows of can
   * still join it: it holds only synchronous checks, every synchronous caller inside the client is
   * waiting for it (none for a call in flight, none just answered and about to ask again), and
   * there are at least as many of them as were inside at once before the last such batch went, so
   * that a caller that is slow to come back, or a thread just starting, is waited for (up to the
   * window). Under the lock.
   */
  private boolean waveComplete(Batch batch) {
    return !batch.sealed
        && !batch.hasAsync
        && batch.syncWaiters > 0
        && batch.syncWaiters == inside
        && batch.syncWaiters >= lastWave;
  }

  /**
   * As {@link #check}, without blocking: the answer is the caller's own future, completed with the
   * result or an {@link FgaException}.
   */
  CompletableFuture<CheckResult> checkAsync(CheckRequest request, Consistency consistency) {
    CheckKey check = CheckKey.of(storeId, request);
    FlightKey key = check == null ? null : new FlightKey(check, consistency);
    Call call = new Call(request, key);
    if (key != null) {
      Call existing = inFlight.putIfAbsent(key, call);
      if (existing != null) {
        onQueued.run();
        return AsyncChecks.relay(existing.answer);
      }
    }
    enqueue(call, consistency, true);
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
    if (!runOnWorker(ask)) {
      answer.completeExceptionally(closedError());
    }
    return answer;
  }

  /**
   * Runs {@code task} on a pool thread. Cached threads: each runs one batch (its window, then its
   * delegate call), so batches never queue behind one another's latency, as with the synchronous
   * leaders; idle threads end after a few seconds. Empty when closed.
   */
  private boolean runOnWorker(Runnable task) {
    ExecutorService pool;
    synchronized (lock) {
      if (closed) {
        return false;
      }
      if (workers == null) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor created =
            new ThreadPoolExecutor(
                0,
                Integer.MAX_VALUE,
                5,
                TimeUnit.SECONDS,
                new SynchronousQueue<>(),
                runnable -> {
                  Thread thread =
                      new Thread(runnable, "tandem-coalescer-" + count.incrementAndGet());
                  thread.setDaemon(true);
                  return thread;
                });
        workers = created;
      }
      pool = workers;
    }
    try {
      pool.execute(task);
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  /** Ends every open window now, as if it had elapsed. */
  void endWindows() {
    synchronized (lock) {
      for (Batch batch : open.values()) {
        batch.endWindow();
      }
    }
  }

  /** Makes every waiting leader look at the clock again; for tests with a fake clock. */
  void wakeLeaders() {
    synchronized (lock) {
      for (Batch batch : open.values()) {
        batch.wake();
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
        batch.endWindow();
      }
      open.clear();
      if (workers != null) {
        // Running batches finish their delegate call; leaders waiting for a window were just woken.
        workers.shutdown();
      }
    }
    failAll(pending, closedError());
  }

  static FgaUnavailableException closedError() {
    return new FgaUnavailableException("the coalescing client is closed");
  }

  /**
   * What a check's thread does once its call has joined: send a batch it sealed, lead a batch it
   * opened, only wait, or nothing at all when the client was closed (the call has failed).
   */
  private record Joined(@Nullable Batch send, @Nullable Batch lead, boolean queued) {
    static final Joined WAIT = new Joined(null, null, true);
    static final Joined CLOSED = new Joined(null, null, false);

    /** Send {@code batch}, which the caller has sealed. */
    static Joined send(Batch batch) {
      return new Joined(batch, null, true);
    }
  }

  private void enqueue(Call call, Consistency consistency, boolean async) {
    Joined joined;
    synchronized (lock) {
      joined = join(call, consistency, async);
    }
    proceed(joined, async);
  }

  /** Adds a call to the open batch, opening one if needed; the caller holds the lock. */
  private Joined join(Call call, Consistency consistency, boolean async) {
    if (closed) {
      finish(call, null, closedError());
      return Joined.CLOSED;
    }
    Batch batch = open.get(consistency);
    long now = clock.getAsLong();
    boolean opened = batch == null;
    if (opened) {
      batch = new Batch(consistency, now);
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
    if (batch.calls.size() >= maxBatchSize || windowNanos == 0 || waveComplete(batch)) {
      seal(batch);
      return Joined.send(batch);
    }
    return opened ? new Joined(null, batch, true) : Joined.WAIT;
  }

  /** Does what {@link #join} said, on this thread or, for an asynchronous check, a pool thread. */
  private void proceed(Joined joined, boolean async) {
    if (!joined.queued()) {
      return;
    }
    onQueued.run();
    Batch send = joined.send();
    Batch lead = joined.lead();
    if (send != null) {
      send.endWindow();
      if (!async) {
        dispatch(send);
      } else if (!runOnWorker(() -> dispatch(send))) {
        failAll(send.calls, closedError());
      }
    } else if (lead != null) {
      if (!async) {
        lead(lead);
      } else if (!runOnWorker(() -> lead(lead))) {
        abandon(lead);
      }
    }
  }

  /** Fails a batch no thread could lead, unless it was already sent or failed. */
  private void abandon(Batch batch) {
    boolean mine;
    synchronized (lock) {
      mine = !batch.sealed;
      if (mine) {
        seal(batch);
      }
    }
    if (mine) {
      failAll(batch.calls, closedError());
    }
  }

  /**
   * Waits out the window of a batch this thread opened, then sends it unless someone else did. The
   * wait ends early when the batch has not grown for the quiet period, is full, or is closed.
   */
  private void lead(Batch batch) {
    boolean interrupted = false;
    batch.leader = Thread.currentThread();
    long deadline = batch.openedAt + windowNanos;
    long reportedWakeAt = 0;
    long reportedNow = 0;
    while (batch.windowEnded.getCount() > 0) {
      long wakeAt = Math.min(deadline, batch.lastArrival + quietNanos);
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
        // The others in the batch still need it sent; the interrupt is restored afterwards.
        interrupted = true;
        break;
      }
    }
    batch.leader = null;
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
    if (!batch.hasAsync && batch.syncWaiters > 0) {
      lastWave = peakInside;
      peakInside = inside;
    }
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
