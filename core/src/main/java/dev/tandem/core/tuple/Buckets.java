package dev.tandem.core.tuple;

import java.util.Arrays;

/**
 * A multimap from non-zero {@code long} keys to {@link IntSets sets} of tagged positive ints: one
 * index of {@link TupleIndex}.
 *
 * <p>Most keys hold one element (a ticket has one project), so a single element is stored inline as
 * the map value; larger sets live in a pool of {@code int[]} and the map value is {@code
 * -(poolIndex + 1)}. No object is allocated per key or per element.
 *
 * <p>Not thread-safe; reads tolerate a concurrent writer as {@link LongIntMap}'s do.
 */
final class Buckets {

  private static final int[] NONE = new int[0];

  private final LongIntMap map = new LongIntMap();
  private int[][] pool = new int[16][];
  private int poolSize;
  private int[] freeSlots = new int[16];
  private int freeCount;

  /** Receives the sets of a multimap. */
  interface Visitor {
    void visit(long key, int[] elements);
  }

  /** The element of {@code key}'s set whose identity is {@code id}, or 0 when there is none. */
  int find(long key, int id) {
    int v = map.get(key);
    if (v == 0) {
      return 0;
    }
    if (v > 0) {
      return v >>> 1 == id ? v : 0;
    }
    return IntSets.find(pool[-v - 1], id);
  }

  /** The elements of {@code key}'s set, in a new array. */
  int[] elements(long key) {
    return elementsOf(map.get(key));
  }

  /** Adds {@code element} to {@code key}'s set; its identity must not be there yet. */
  void add(long key, int element) {
    int v = map.get(key);
    if (v == 0) {
      map.put(key, element);
    } else if (v > 0) {
      map.put(key, -(allocate(IntSets.of(v, element)) + 1));
    } else {
      pool[-v - 1] = IntSets.add(pool[-v - 1], element);
    }
  }

  /** Removes the element whose identity is {@code id} from {@code key}'s set, where it must be. */
  void remove(long key, int id) {
    int v = map.get(key);
    if (v > 0 && v >>> 1 == id) {
      map.remove(key);
      return;
    }
    if (v >= 0) {
      throw new IllegalStateException("no element " + id + " under key " + key);
    }
    int slot = -v - 1;
    int[] set = IntSets.remove(pool[slot], id);
    if (IntSets.size(set) == 1) {
      map.put(key, IntSets.elements(set)[0]);
      pool[slot] = null;
      if (freeCount == freeSlots.length) {
        freeSlots = Arrays.copyOf(freeSlots, freeCount * 2);
      }
      freeSlots[freeCount++] = slot;
    } else {
      pool[slot] = set;
    }
  }

  /** Calls {@code visitor} with every key and the elements of its set. */
  void forEach(Visitor visitor) {
    map.forEach((key, value) -> visitor.visit(key, elementsOf(value)));
  }

  private int[] elementsOf(int v) {
    if (v == 0) {
      return NONE;
    }
    if (v > 0) {
      return new int[] {v};
    }
    return IntSets.elements(pool[-v - 1]);
  }

  private int allocate(int[] set) {
    int slot;
    if (freeCount > 0) {
      slot = freeSlots[--freeCount];
    } else {
      if (poolSize == pool.length) {
        pool = Arrays.copyOf(pool, poolSize + (poolSize >> 1));
      }
      slot = poolSize++;
    }
    pool[slot] = set;
    return slot;
  }
}
