package dev.tandem.core.tuple;

import java.util.Arrays;

/**
 * Sets of positive ints, each held in one {@code int[]}: element 0 is the size; up to {@value
 * #LIST_LIMIT} elements are kept as an unordered list after it, more in an open-addressing table
 * (linear probing, 0 marks a free slot, at most 3/4 full).
 *
 * <p>The lowest bit of an element is a tag that is not part of its identity: lookups and removals
 * take the identity {@code element >>> 1} and return the stored element with its tag.
 *
 * <p>Updates may change the array in place or return a new one. Reads tolerate a concurrent update
 * the same way {@link LongIntMap}'s do.
 */
final class IntSets {

  static final int LIST_LIMIT = 8;
  private static final int MIN_TABLE = 32;

  private IntSets() {}

  /** A set of the two distinct elements {@code a} and {@code b}. */
  static int[] of(int a, int b) {
    return new int[] {2, a, b, 0, 0};
  }

  static int size(int[] set) {
    return set[0];
  }

  /** The element whose identity is {@code id}, or 0 when there is none. */
  static int find(int[] set, int id) {
    if (!isTable(set)) {
      int n = Math.min(set[0], set.length - 1);
      for (int i = 1; i <= n; i++) {
        if (set[i] >>> 1 == id) {
          return set[i];
        }
      }
      return 0;
    }
    int mask = set.length - 2;
    int i = home(id, mask);
    for (int probes = 0; probes <= mask; probes++) {
      int e = set[i + 1];
      if (e == 0) {
        return 0;
      }
      if (e >>> 1 == id) {
        return e;
      }
      i = (i + 1) & mask;
    }
    return 0;
  }

  /** Adds {@code element}, whose identity must not be in the set yet. */
  static int[] add(int[] set, int element) {
    int n = set[0];
    if (!isTable(set)) {
      if (n < set.length - 1) {
        set[n + 1] = element;
        set[0] = n + 1;
        return set;
      }
      if (n < LIST_LIMIT) {
        int[] grown = Arrays.copyOf(set, Math.min(2 * (set.length - 1), LIST_LIMIT) + 1);
        grown[n + 1] = element;
        grown[0] = n + 1;
        return grown;
      }
      return insert(rebuild(set, MIN_TABLE), element);
    }
    int capacity = set.length - 1;
    if (n + 1 > capacity - (capacity >>> 2)) {
      return insert(rebuild(set, 2 * capacity), element);
    }
    return insert(set, element);
  }

  /** Removes the element whose identity is {@code id}, which must be in the set. */
  static int[] remove(int[] set, int id) {
    int n = set[0];
    if (!isTable(set)) {
      for (int i = 1; i <= n; i++) {
        if (set[i] >>> 1 == id) {
          set[i] = set[n];
          set[n] = 0;
          set[0] = n - 1;
          return set;
        }
      }
      throw new IllegalStateException("no element " + id);
    }
    int mask = set.length - 2;
    int gap = home(id, mask);
    while (set[gap + 1] >>> 1 != id) {
      if (set[gap + 1] == 0) {
        throw new IllegalStateException("no element " + id);
      }
      gap = (gap + 1) & mask;
    }
    int j = gap;
    while (true) {
      j = (j + 1) & mask;
      int e = set[j + 1];
      if (e == 0) {
        break;
      }
      int h = home(e >>> 1, mask);
      if (((j - h) & mask) >= ((j - gap) & mask)) {
        set[gap + 1] = e;
        gap = j;
      }
    }
    set[gap + 1] = 0;
    set[0] = n - 1;
    if (n - 1 <= LIST_LIMIT / 2) {
      return rebuild(set, LIST_LIMIT);
    }
    if (mask + 1 > MIN_TABLE && n - 1 < (mask + 1) / 8) {
      return rebuild(set, (mask + 1) / 2);
    }
    return set;
  }

  /** The elements, in a new array of exactly the set's size. */
  static int[] elements(int[] set) {
    if (!isTable(set)) {
      return Arrays.copyOfRange(set, 1, 1 + Math.min(set[0], set.length - 1));
    }
    int[] out = new int[set.length - 1];
    int n = 0;
    for (int i = 1; i < set.length; i++) {
      if (set[i] != 0) {
        out[n++] = set[i];
      }
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  private static boolean isTable(int[] set) {
    return set.length > LIST_LIMIT + 1;
  }

  /** A new set with the elements of {@code set}: a list when {@code capacity <= LIST_LIMIT}. */
  private static int[] rebuild(int[] set, int capacity) {
    int[] elements = elements(set);
    int[] copy = new int[capacity + 1];
    if (capacity <= LIST_LIMIT) {
      System.arraycopy(elements, 0, copy, 1, elements.length);
      copy[0] = elements.length;
      return copy;
    }
    for (int e : elements) {
      insert(copy, e);
    }
    return copy;
  }

  private static int[] insert(int[] table, int element) {
    int mask = table.length - 2;
    int i = home(element >>> 1, mask);
    while (table[i + 1] != 0) {
      i = (i + 1) & mask;
    }
    table[i + 1] = element;
    table[0]++;
    return table;
  }

  private static int home(int id, int mask) {
    int h = id * 0x9E3779B9;
    return (h ^ (h >>> 16)) & mask;
  }
}
