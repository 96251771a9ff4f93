package dev.tandem.core.client;

import dev.tandem.core.FgaException;
import dev.tandem.core.FgaUnavailableException;
import dev.tandem.core.engine.BatchCheckItem;
import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.engine.CheckResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * An {@link FgaClient} decorator that turns many concurrent checks into few delegate calls.
 *
 * <ul>
 *   <li><b>Single flight.</b> A check identical to one already in flight (same key as {@link
 *       CachingFgaClient}'s, same consistency) waits for that call's answer instead of making its
 *       own. The answer, or the error, is shared only while the call is in flight: the next
 *       identical check after it completed calls again, so a failure is never remembered.
 *   <li><b>Batching.</b> Distinct checks arriving within {@link CoalescingOptions#window()} of the
 *       first go out as one {@link FgaClient#batchCheck} of at most {@link
 *       CoalescingOptions#maxBatchSize()}; a full batch goes at once. So does a batch that every
 *       synchronous caller inside the client is waiting for, once there are at least as many of
 *       them as were inside when the previous such batch went: threads that each check, wait and
 *       check again have all come back, and nobody the client knows of can still join. A batch with
 *       an asynchronous check in it, or with a caller still to come back, waits for its window. If
 *       a {@link CoalescingOptions#quietPeriod()} shorter than the window is set, a batch to which
 *       no check was added for that long also goes. A batch of one is sent as a plain {@link
 *       FgaClient#check}. With a zero window nothing waits, but identical checks still share a
 *       call.
 *   <li><b>Failures.</b> A {@link BatchCheckItem.Failed} item fails only the callers of that check,
 *       with the item's exception. When the whole delegate call throws, or answers with the wrong
 *       number of items, every caller of the batch gets an {@link FgaException} (the delegate's, or
 *       an {@link FgaUnavailableException}). No error ever becomes an answer.
 * </ul>
 *
 * <p><b>Threads.</b> Synchronous checks use no thread of the client's. The first check of a batch
 * leads it: its thread waits out the window (or until the batch fills, or its callers have all come
 * back, or it goes quiet, whichever is first) and then makes the delegate call; when a check fills
 * or completes a batch, that check's thread sends it at once. The call is made by a thread that
 * would be waiting anyway, and batches never queue behind one another's delegate latency as they
 * would behind a single scheduler thread.
 *
 * <p><b>Asynchronous checks.</b> {@link #checkAsync} does not block: the check joins the call in
 * flight or the pending batch exactly as {@link #check} would, and the caller gets its own future
 * of that call's answer. Since no caller's thread is waiting, the batch an asynchronous check opens
 * is led (its window waited out, then sent), and a batch it fills is sent, by a thread of a small
 * pool the client creates on the first asynchronous check: cached daemon threads, one per batch
 * being led or sent, idle ones ending after 5 seconds, shut down by {@link #close()}. The delegate
 * call itself is synchronous ({@link FgaClient#batchCheck}), so some thread has to wait for it; one
 * per batch, not one per check. Synchronous and asynchronous checks share batches.
 *
 * <p>{@link Consistency#HIGHER_CONSISTENCY} checks go straight to the delegate. {@link #batchCheck}
 * calls pass through, split into chunks of at most {@code maxBatchSize}; lists, expand and reads
 * pass through unchanged. {@link #close()} fails the checks still waiting for a window with {@link
 * FgaUnavailableException} and closes the delegate.
 */
public final class CoalescingFgaClient extends ForwardingFgaClient {

  private final String storeId;
  private final int maxBatchSize;
  private final CheckCoalescer coalescer;
  private volatile boolean closed;

  private CoalescingFgaClient(
      FgaClient delegate,
      CoalescingOptions options,
      Runnable onQueued,
      LongSupplier clock,
      LongConsumer onPark) {
    super(delegate);
    this.storeId = delegate.storeId();
    this.maxBatchSize = options.maxBatchSize();
    this.coalescer = new CheckCoalescer(delegate, options, onQueued, clock, onPark);
  }

  /** Coalesces the checks sent to {@code delegate}. */
  public static CoalescingFgaClient wrap(FgaClient delegate, CoalescingOptions options) {
    return wrap(delegate, options, () -> {});
  }

  /**
   * As {@link #wrap(FgaClient, CoalescingOptions)}; {@code onQueued} runs each time a check has
   * joined a call in flight or a batch, so tests know when every check is waiting.
   */
  static CoalescingFgaClient wrap(
      FgaClient delegate, CoalescingOptions options, Runnable onQueued) {
    return new CoalescingFgaClient(delegate, options, onQueued, System::nanoTime, nanos -> {});
  }

  /**
   * As {@link #wrap(FgaClient, CoalescingOptions, Runnable)}, with time read from {@code clock}
   * (nanoseconds) and {@code onPark} told each time a batch's leader is about to wait, and for how
   * many nanoseconds; for tests.
   */
  static CoalescingFgaClient wrap(
      FgaClient delegate,
      CoalescingOptions options,
      Runnable onQueued,
      LongSupplier clock,
      LongConsumer onPark) {
    return new CoalescingFgaClient(delegate, options, onQueued, clock, onPark);
  }

  /** Makes every batch leader look at the clock again; for tests with a fake clock. */
  void wakeLeaders() {
    coalescer.wakeLeaders();
  }

  /** Ends every open window now, as if it had elapsed; for tests. */
  void endWindows() {
    coalescer.endWindows();
  }

  @Override
  public String storeId() {
    return storeId;
  }

  @Override
  public CheckResult check(CheckRequest request, Consistency consistency) {
    Objects.requireNonNull(request, "request");
    requireOpen();
    if (consistency == Consistency.HIGHER_CONSISTENCY) {
      return delegate().check(request, consistency);
    }
    return coalescer.check(request, consistency);
  }

  /**
   * As {@link #check}, without blocking the caller (see the class comment). {@link
   * Consistency#HIGHER_CONSISTENCY} checks go to the delegate's {@link FgaClient#checkAsync} at
   * once, called from a pool thread. Never throws: every failure, including a closed client, is an
   * exceptionally completed future with an {@link FgaException}.
   */
  @Override
  public CompletableFuture<CheckResult> checkAsync(CheckRequest request, Consistency consistency) {
    try {
      Objects.requireNonNull(request, "request");
      requireOpen();
      if (consistency == Consistency.HIGHER_CONSISTENCY) {
        return coalescer.direct(request, consistency);
      }
      return coalescer.checkAsync(request, consistency);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(AsyncChecks.asFga(e));
    }
  }

  @Override
  public List<BatchCheckItem> batchCheck(List<CheckRequest> requests, Consistency consistency) {
    requireOpen();
    if (requests.size() <= maxBatchSize) {
      return delegate().batchCheck(requests, consistency);
    }
    List<BatchCheckItem> items = new ArrayList<>(requests.size());
    for (int from = 0; from < requests.size(); from += maxBatchSize) {
      List<CheckRequest> chunk =
          requests.subList(from, Math.min(requests.size(), from + maxBatchSize));
      List<BatchCheckItem> answered = delegate().batchCheck(chunk, consistency);
      if (answered == null || answered.size() != chunk.size()) {
        throw InFlightCalls.wrongSize(answered, chunk.size());
      }
      items.addAll(answered);
    }
    return Collections.unmodifiableList(items);
  }

  private void requireOpen() {
    if (closed) {
      throw CheckCoalescer.closedError();
    }
  }

  /** Fails the checks still waiting for a window and closes the delegate. */
  @Override
  public void close() {
    closed = true;
    coalescer.close();
    delegate().close();
  }
}
