package dev.tandem.core.client;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The threads that lead and send the batches of asynchronous checks, created on first use. Cached
 * threads: each runs one batch (its window, then its delegate call), so batches never queue behind
 * one another's latency, as with the synchronous leaders; idle threads end after a few seconds.
 */
final class CoalescerWorkers {

  private final Object lock = new Object();
  private @Nullable ExecutorService pool;
  private boolean shutDown;

  /** Runs {@code task} on a pool thread; false, and the task not run, once shut down. */
  boolean execute(Runnable task) {
    ExecutorService running;
    synchronized (lock) {
      if (shutDown) {
        return false;
      }
      if (pool == null) {
        pool = create();
      }
      running = pool;
    }
    try {
      running.execute(task);
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  /** Refuses later tasks; tasks already running finish. */
  void shutdown() {
    synchronized (lock) {
      shutDown = true;
      if (pool != null) {
        pool.shutdown();
      }
    }
  }

  private static ExecutorService create() {
    AtomicInteger count = new AtomicInteger();
    return new ThreadPoolExecutor(
        0,
        Integer.MAX_VALUE,
        5,
        TimeUnit.SECONDS,
        new SynchronousQueue<>(),
        runnable -> {
          Thread thread = new Thread(runnable, "tandem-coalescer-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }
}
