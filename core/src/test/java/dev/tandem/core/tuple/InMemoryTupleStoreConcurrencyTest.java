package dev.tandem.core.tuple;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Writers apply multi-tuple writes while readers check, in single calls, invariants that only a
 * half-applied write could break. Writers also add fresh strings all the time, so the tables grow
 * and rehash under the readers.
 */
class InMemoryTupleStoreConcurrencyTest {

  private static final int WRITERS = 2;
  private static final int READERS = 3;
  private static final int ROUNDS = 2_000;

  private final InMemoryTupleStore store = new InMemoryTupleStore();
  private final AtomicIntegerArray progress = new AtomicIntegerArray(WRITERS);
  private final AtomicBoolean writersDone = new AtomicBoolean();
  private final Queue<String> violations = new ConcurrentLinkedQueue<>();
  private final AtomicLong reads = new AtomicLong();

  @Test
  void readWhenWritesRunConcurrentlyThenEveryReadSeesWholeWritesOnly() throws Exception {
    for (int w = 0; w < WRITERS; w++) {
      store.write(List.of(TupleKey.of("token:" + w, "holder", "user:h0"), owner(w, 0)), List.of());
    }
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        writers.add(pool.submit(gated(start, () -> runWriter(writer))));
      }
      List<Future<?>> readers = new ArrayList<>();
      for (int r = 0; r < READERS; r++) {
        readers.add(pool.submit(gated(start, this::runReader)));
      }
      start.countDown();
      for (Future<?> writer : writers) {
        writer.get(2, TimeUnit.MINUTES);
      }
      writersDone.set(true);
      for (Future<?> reader : readers) {
        reader.get(1, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(violations).isEmpty();
    assertThat(reads.get()).isGreaterThan(0);
    // per writer: 2 (token, owner) + 2 pairs of the last round + 20 filler tuples per round
    assertThat(store.size()).isEqualTo(WRITERS * (2L + 4 + 20L * ROUNDS));
  }

  private void runWriter(int w) {
    for (int i = 1; i <= ROUNDS; i++) {
      List<TupleKey> writes = new ArrayList<>(pair(w, i));
      for (int k = 0; k < 20; k++) {
        writes.add(TupleKey.of("filler:" + w + "-" + i + "-" + k, "member", "user:f" + i + k));
      }
      store.write(writes, List.of());
      progress.set(w, i);
      store.write(
          List.of(TupleKey.of("token:" + w, "holder", "user:h" + i), owner(w, i)),
          List.of(TupleKey.of("token:" + w, "holder", "user:h" + (i - 1)), owner(w, i - 1)));
      if (i > 1) {
        store.write(List.of(), pair(w, i - 1));
      }
    }
  }

  private void runReader() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (!writersDone.get()) {
      int w = random.nextInt(WRITERS);
      int i = progress.get(w) - random.nextInt(2);
      expectSize(store.findByObject("token:" + w, "holder"), 1, "token holders");
      expectSize(store.read("token:" + w, null, null), 1, "token read");
      expectSize(store.findByUser("folder", "owner", "user:w" + w), 1, "folders owned");
      checkPairHalf(store.findByObject("ticket:" + w + "-" + i, "viewer"), i, "viewers");
      checkPairHalf(store.findByUser("ticket", "watcher", "user:z" + w), -1, "watched");
      reads.addAndGet(5);
    }
  }

  /** Both viewers of a ticket, and two tickets watched by one user, written and deleted at once. */
  private static List<TupleKey> pair(int w, int i) {
    TupleCondition condition = new TupleCondition("round", Map.of("i", i));
    return List.of(
        new TupleKey("ticket:" + w + "-" + i, "viewer", "user:x" + w, condition),
        new TupleKey("ticket:" + w + "-" + i, "viewer", "user:y" + w, condition),
        new TupleKey("ticket:" + w + "-" + i, "watcher", "user:z" + w, condition),
        new TupleKey("ticket:" + w + "-" + i + "-shadow", "watcher", "user:z" + w, condition));
  }

  private static TupleKey owner(int w, int i) {
    return TupleKey.of("folder:" + w + "-" + i, "owner", "user:w" + w);
  }

  private void expectSize(List<TupleKey> found, int size, String what) {
    if (found.size() != size) {
      violations.add(what + ": " + found);
    }
  }

  private void checkPairHalf(List<TupleKey> found, int round, String what) {
    if (found.size() % 2 != 0) {
      violations.add(what + " half-written: " + found);
    }
    for (TupleKey tuple : found) {
      TupleCondition condition = tuple.condition();
      if (condition == null || (round >= 0 && !condition.context().get("i").equals(round))) {
        violations.add(what + " with wrong condition: " + tuple);
      }
    }
  }

  private static Callable<Void> gated(CountDownLatch start, Runnable task) {
    return () -> {
      start.await();
      task.run();
      return null;
    };
  }
}
