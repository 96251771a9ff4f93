package dev.tandem.core.tuple;

import dev.tandem.core.ErrorCode;
import dev.tandem.core.FgaValidationException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A {@link TupleStore} that keeps the tuples of one store in memory, compactly enough for millions
 * of tuples.
 *
 * <h2>Layout</h2>
 *
 * Every distinct object and user string is stored once, in a byte arena, and named by an int id;
 * type and relation names get ids of their own. A tuple is then one int in each of two indexes: the
 * users of each (object, relation), for {@link #findByObject}, {@link #find} and {@link
 * #findUsersets}, and the objects of each (user, object type, relation), for {@link #findByUser}.
 * {@link #find} answers from the ids alone and {@link #findUsersets} decodes only the users that
 * are usersets, so the engine's checks do not build a {@link TupleKey} for every tuple they pass.
 * An index is an open-addressing table of {@code long} keys whose value is either the single
 * element itself or a handle to an {@code int[]} set, so no object is allocated per tuple.
 * Conditions are kept in a side map, for conditional tuples only. Strings no tuple refers to any
 * more are dropped. With the data of an org, team, project and ticket hierarchy this takes about 83
 * bytes a tuple at a million tuples (DESIGN.md's target is 150), and looking up one tuple by object
 * takes well under a microsecond.
 *
 * <h2>Concurrency</h2>
 *
 * Reads far outnumber writes and sit on the hot path of every check, so they take no lock: a read
 * runs optimistically under a {@link StampedLock} stamp and is kept only if no write started
 * meanwhile; otherwise (rarely) it runs again under the read lock. Optimistic readers write no
 * shared memory, so they scale with cores, unlike a {@code ReentrantReadWriteLock} whose every read
 * updates one shared counter. Writers are serialized by the write lock and hold it only while
 * checking and applying their few tuples (at most {@value #DEFAULT_MAX_TUPLES_PER_WRITE} by
 * default), so a reader that has to wait does so for microseconds. A write is therefore atomic:
 * each read call sees all of it or none of it (two calls may of course see different states). A
 * {@link #read} that scans many tuples and loses the race holds the read lock for its whole scan,
 * and writers wait for it. Copy-on-write was rejected because copying index tables of a million
 * entries per write costs milliseconds and doubles memory during the copy.
 *
 * <p>The store does not validate identifiers or check tuples against a model; callers do. It
 * follows OpenFGA in the checks it does make, with OpenFGA's error codes and messages.
 */
public final class InMemoryTupleStore implements TupleStore {

  /** OpenFGA's default for the number of tuples one write may delete and write together. */
  public static final int DEFAULT_MAX_TUPLES_PER_WRITE = 100;

  private final StampedLock lock = new StampedLock();
  private final TupleIndex index = new TupleIndex();
  private final int maxTuplesPerWrite;

  /** An empty store that accepts {@value #DEFAULT_MAX_TUPLES_PER_WRITE} tuples per write. */
  public InMemoryTupleStore() {
    this(DEFAULT_MAX_TUPLES_PER_WRITE);
  }

  /**
   * An empty store that accepts up to {@code maxTuplesPerWrite} tuples (writes plus deletes) per
   * write, like OpenFGA's {@code --max-tuples-per-write}.
   *
   * @param maxTuplesPerWrite the limit, at least 1
   */
  public InMemoryTupleStore(int maxTuplesPerWrite) {
    if (maxTuplesPerWrite < 1) {
      throw new IllegalArgumentException(
          "maxTuplesPerWrite is " + maxTuplesPerWrite + ": it must be at least 1");
    }
    this.maxTuplesPerWrite = maxTuplesPerWrite;
  }

  /**
   * {@inheritDoc}
   *
   * <p>An empty write changes nothing. The condition of a deleted tuple is ignored.
   *
   * @throws FgaValidationException also with {@code EXCEEDED_ENTITY_LIMIT} when there are more
   *     tuples than the limit given at construction (100 by default); duplicates are reported first
   */
  @Override
  public void write(Collection<TupleKey> writes, Collection<TupleKey> deletes) {
    List<TupleKey> toWrite = List.copyOf(writes);
    List<TupleKey> toDelete = List.copyOf(deletes);
    checkRequest(toWrite, toDelete);
    long stamp = lock.writeLock();
    try {
      for (TupleKey tuple : toDelete) {
        if (!index.contains(tuple)) {
          throw invalidInput("cannot delete a tuple which does not exist", tuple);
        }
      }
      for (TupleKey tuple : toWrite) {
        if (index.contains(tuple)) {
          throw invalidInput("cannot write a tuple which already exists", tuple);
        }
      }
      toDelete.forEach(index::remove);
      toWrite.forEach(index::add);
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  // The lookups on the check path spell out the optimistic read rather than pass a lambda to
  // optimistically(): its one call site for every query would be megamorphic and not inlined.

  @Override
  public List<TupleKey> findByObject(String object, String relation) {
    long stamp = lock.tryOptimisticRead();
    if (stamp != 0L) {
      try {
        List<TupleKey> found = index.findByObject(object, relation);
        if (lock.validate(stamp)) {
          return found;
        }
      } catch (RuntimeException tornByConcurrentWrite) {
        // retried under the lock, as in optimistically()
      }
    }
    return underReadLock(() -> index.findByObject(object, relation));
  }

  /** {@inheritDoc} Looks the tuple up by its ids, without reading its neighbours. */
  @Override
  public @Nullable TupleKey find(String object, String relation, String user) {
    long stamp = lock.tryOptimisticRead();
    if (stamp != 0L) {
      try {
        TupleKey found = index.find(object, relation, user);
        if (lock.validate(stamp)) {
          return found;
        }
      } catch (RuntimeException tornByConcurrentWrite) {
        // retried under the lock, as in optimistically()
      }
    }
    return underReadLock(() -> index.find(object, relation, user));
  }

  /** {@inheritDoc} Builds tuples for the usersets only. */
  @Override
  public List<TupleKey> findUsersets(String object, String relation) {
    long stamp = lock.tryOptimisticRead();
    if (stamp != 0L) {
      try {
        List<TupleKey> found = index.findUsersets(object, relation);
        if (lock.validate(stamp)) {
          return found;
        }
      } catch (RuntimeException tornByConcurrentWrite) {
        // retried under the lock, as in optimistically()
      }
    }
    return underReadLock(() -> index.findUsersets(object, relation));
  }

  @Override
  public List<TupleKey> findByUser(String objectType, String relation, String user) {
    return optimistically(() -> index.findByUser(objectType, relation, user));
  }

  /**
   * {@inheritDoc}
   *
   * <p>The order is by object, then relation, then user, comparing strings; it depends only on the
   * tuples stored, not on the order they were written in.
   */
  @Override
  public List<TupleKey> read(
      @Nullable String object, @Nullable String relation, @Nullable String user) {
    return optimistically(() -> index.read(object, relation, user));
  }

  @Override
  public long size() {
    return optimistically(index::size);
  }

  /** The number of distinct object and user strings held, for tests of memory reclamation. */
  int distinctStrings() {
    return optimistically(index::distinctStrings);
  }

  private <T> T optimistically(Supplier<T> query) {
    long stamp = lock.tryOptimisticRead();
    if (stamp != 0L) {
      try {
        T result = query.get();
        if (lock.validate(stamp)) {
          return result;
        }
      } catch (RuntimeException tornByConcurrentWrite) {
        // A write changed the structures under the read; the result is discarded either way,
        // and a genuine error shows up again below under the lock.
      }
    }
    return underReadLock(query);
  }

  private <T> T underReadLock(Supplier<T> query) {
    long stamp = lock.readLock();
    try {
      return query.get();
    } finally {
      lock.unlockRead(stamp);
    }
  }

  private void checkRequest(List<TupleKey> writes, List<TupleKey> deletes) {
    Set<TupleKey> seen = new HashSet<>();
    for (TupleKey tuple : deletes) {
      if (!seen.add(tuple.withoutCondition())) {
        throw duplicate(tuple);
      }
    }
    for (TupleKey tuple : writes) {
      if (!seen.add(tuple.withoutCondition())) {
        throw duplicate(tuple);
      }
    }
    if (seen.size() > maxTuplesPerWrite) {
      throw new FgaValidationException(
          ErrorCode.EXCEEDED_ENTITY_LIMIT,
          "The number of write operations exceeds the allowed limit of " + maxTuplesPerWrite);
    }
  }

  private static FgaValidationException duplicate(TupleKey tuple) {
    return new FgaValidationException(
        ErrorCode.CANNOT_ALLOW_DUPLICATE_TUPLES_IN_ONE_REQUEST,
        "duplicate tuple in write: " + describe(tuple));
  }

  private static FgaValidationException invalidInput(String problem, TupleKey tuple) {
    return new FgaValidationException(
        ErrorCode.WRITE_FAILED_DUE_TO_INVALID_INPUT,
        problem
            + ": "
            + describe(tuple)
            + ": tuple to be written already existed or the tuple to be deleted did not exist");
  }

  private static String describe(TupleKey tuple) {
    return "user: '"
        + tuple.user()
        + "', relation: '"
        + tuple.relation()
        + "', object: '"
        + tuple.object()
        + "'";
  }
}
