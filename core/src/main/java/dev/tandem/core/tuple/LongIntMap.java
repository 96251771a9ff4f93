package dev.tandem.core.tuple;

/**
 * An open-addressing hash map from non-zero {@code long} keys to non-zero {@code int} values:
 * linear probing, backward-shift deletion, no per-entry objects (12 bytes a slot).
 *
 * <p>Not thread-safe. Reads tolerate a concurrent writer in the sense required by {@link
 * InMemoryTupleStore}'s optimistic reads: they terminate and at worst return a wrong answer or
 * throw a {@link RuntimeException}, which the caller discards after failing to validate its stamp.
 * For that, both arrays are published together in one {@link Table} and every probe loop is bounded
 * by the capacity.
 */
final class LongIntMap {

  private static final int MIN_CAPACITY = 16;

  /** Receives the entries of a map. */
  interface Visitor {
    void visit(long key, int value);
  }

  private static final class Table {
    final long[] keys;
    final int[] values;

    Table(int capacity) {
      keys = new long[capacity];
      values = new int[capacity];
    }
  }

  private Table table = new Table(MIN_CAPACITY);
  private int size;

  /** The value of {@code key}, or 0 when absent. */
  int get(long key) {
    Table t = table;
    long[] keys = t.keys;
    int mask = keys.length - 1;
    int i = slot(key, mask);
    for (int probes = 0; probes <= mask; probes++) {
      long k = keys[i];
      if (k == key) {
        return t.values[i];
      }
      if (k == 0L) {
        return 0;
      }
      i = (i + 1) & mask;
    }
    return 0;
  }

  /** Maps {@code key} (non-zero) to {@code value} (non-zero). */
  void put(long key, int value) {
    if (key == 0L || value == 0) {
      throw new IllegalArgumentException("zero key or value");
    }
    Table t = table;
    int mask = t.keys.length - 1;
    int i = slot(key, mask);
    while (t.keys[i] != 0L) {
      if (t.keys[i] == key) {
        t.values[i] = value;
        return;
      }
      i = (i + 1) & mask;
    }
    t.values[i] = value;
    t.keys[i] = key;
    size++;
    if (size > threshold(t.keys.length)) {
      rehash(t.keys.length * 2);
    }
  }

  /** Removes {@code key}; returns its value, or 0 when it was absent. */
  int remove(long key) {
    Table t = table;
    long[] keys = t.keys;
    int[] values = t.values;
    int mask = keys.length - 1;
    int gap = slot(key, mask);
    while (keys[gap] != key) {
      if (keys[gap] == 0L) {
        return 0;
      }
      gap = (gap + 1) & mask;
    }
    int removed = values[gap];
    // Backward-shift deletion: move later entries of the probe run into the gap, so that no
    // tombstones accumulate and lookups of absent keys stay short.
    int j = gap;
    while (true) {
      j = (j + 1) & mask;
      long k = keys[j];
      if (k == 0L) {
        break;
      }
      int home = slot(k, mask);
      if (((j - home) & mask) >= ((j - gap) & mask)) {
        keys[gap] = k;
        values[gap] = values[j];
        gap = j;
      }
    }
    keys[gap] = 0L;
    values[gap] = 0;
    size--;
    if (keys.length > MIN_CAPACITY && size < keys.length / 8) {
      rehash(keys.length / 2);
    }
    return removed;
  }

  int size() {
    return size;
  }

  /** Calls {@code visitor} with every entry, in slot order. */
  void forEach(Visitor visitor) {
    Table t = table;
    for (int i = 0; i < t.keys.length; i++) {
      long k = t.keys[i];
      if (k != 0L) {
        visitor.visit(k, t.values[i]);
      }
    }
  }

  private void rehash(int capacity) {
    Table old = table;
    Table t = new Table(capacity);
    int mask = capacity - 1;
    for (int s = 0; s < old.keys.length; s++) {
      long k = old.keys[s];
      if (k != 0L) {
        int i = slot(k, mask);
        while (t.keys[i] != 0L) {
          i = (i + 1) & mask;
        }
        t.keys[i] = k;
        t.values[i] = old.values[s];
      }
    }
    table = t;
  }

  private static int threshold(int capacity) {
    return capacity - (capacity >>> 2);
  }

  private static int slot(long key, int mask) {
    long h = (key ^ (key >>> 33)) * 0xFF51AFD7ED558CCDL;
    return (int) (h ^ (h >>> 33)) & mask;
  }
}
