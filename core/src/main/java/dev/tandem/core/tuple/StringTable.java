package dev.tandem.core.tuple;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A reference-counted dictionary of strings (objects and users), each stored once and named by an
 * int id greater than 0.
 *
 * <p>Characters are kept in one byte arena, one byte per char when every char of the string is at
 * most U+00FF (nearly always) and two otherwise, so that any Java string, even one with unpaired
 * surrogates, comes back unchanged. Per string that is its characters, 16 bytes of metadata (hash,
 * length, start, reference count) and an int slot of a hash table at most 3/4 full. A string whose
 * count drops to 0 is removed and its id reused; the arena is compacted when most of it is garbage.
 *
 * <p>Not thread-safe; reads tolerate a concurrent writer as {@link LongIntMap}'s do.
 */
final class StringTable {

  private static final int MIN_SLOTS = 64;

  // Four ints per id in meta, side by side so that a lookup touches one cache line: the hash, the
  // char count << 1 (| 1 when stored as two bytes per char), the start in the arena, the count.
  private static final int HASH = 0;
  private static final int LENGTH = 1;
  private static final int START = 2;
  private static final int REFS = 3;

  private byte[] arena = new byte[4096];
  private int arenaUsed;
  private int arenaGarbage;

  private int[] meta = new int[4 * 64];
  private int nextId = 1;
  private int[] freeIds = new int[16];
  private int freeCount;

  private int[] slots = new int[MIN_SLOTS];
  private int count;

  /** The id of {@code s}, or 0 when it is not stored. */
  int find(String s) {
    int h = s.hashCode();
    int[] m = meta;
    int[] table = slots;
    int mask = table.length - 1;
    int i = home(h, mask);
    for (int probes = 0; probes <= mask; probes++) {
      int id = table[i];
      if (id == 0) {
        return 0;
      }
      if (m[4 * id + HASH] == h && matches(m, id, s)) {
        return id;
      }
      i = (i + 1) & mask;
    }
    return 0;
  }

  /** The id of {@code s}, storing it if needed, with its reference count increased. */
  int acquire(String s) {
    int id = find(s);
    if (id != 0) {
      meta[4 * id + REFS]++;
      return id;
    }
    id = newId();
    store(id, s);
    meta[4 * id + HASH] = s.hashCode();
    meta[4 * id + REFS] = 1;
    if (count + 1 > slots.length - (slots.length >>> 2)) {
      rehash(slots.length * 2);
    }
    insert(slots, id);
    count++;
    return id;
  }

  /** Decreases the reference count of {@code id}, removing the string when it reaches 0. */
  void release(int id) {
    if (--meta[4 * id + REFS] > 0) {
      return;
    }
    int mask = slots.length - 1;
    int gap = home(meta[4 * id + HASH], mask);
    while (slots[gap] != id) {
      gap = (gap + 1) & mask;
    }
    int j = gap;
    while (true) {
      j = (j + 1) & mask;
      int other = slots[j];
      if (other == 0) {
        break;
      }
      int h = home(meta[4 * other + HASH], mask);
      if (((j - h) & mask) >= ((j - gap) & mask)) {
        slots[gap] = other;
        gap = j;
      }
    }
    slots[gap] = 0;
    count--;
    arenaGarbage += byteLength(id);
    meta[4 * id + LENGTH] = 0;
    if (freeCount == freeIds.length) {
      freeIds = Arrays.copyOf(freeIds, freeCount * 2);
    }
    freeIds[freeCount++] = id;
    if (slots.length > MIN_SLOTS && count < slots.length / 8) {
      rehash(slots.length / 2);
    }
  }

  /** The string with id {@code id}. */
  String get(int id) {
    int[] m = meta;
    int length = m[4 * id + LENGTH];
    int n = length >>> 1;
    int start = m[4 * id + START];
    byte[] bytes = arena;
    if ((length & 1) == 0) {
      return new String(bytes, start, n, StandardCharsets.ISO_8859_1);
    }
    char[] chars = new char[n];
    for (int i = 0; i < n; i++) {
      chars[i] = wideChar(bytes, start + 2 * i);
    }
    return new String(chars);
  }

  /** Whether the string with id {@code id} contains {@code c}, read in place. */
  boolean contains(int id, char c) {
    int[] m = meta;
    int length = m[4 * id + LENGTH];
    int n = length >>> 1;
    int start = m[4 * id + START];
    byte[] bytes = arena;
    if ((length & 1) == 0) {
      if (c > 0xFF) {
        return false;
      }
      for (int i = 0; i < n; i++) {
        if ((bytes[start + i] & 0xFF) == c) {
          return true;
        }
      }
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (wideChar(bytes, start + 2 * i) == c) {
        return true;
      }
    }
    return false;
  }

  /** Whether the string with id {@code id} starts with {@code prefix}. */
  boolean startsWith(int id, String prefix) {
    int[] m = meta;
    int length = m[4 * id + LENGTH];
    return (length >>> 1) >= prefix.length() && regionMatches(length, m[4 * id + START], prefix);
  }

  /** The number of strings stored. */
  int size() {
    return count;
  }

  private boolean matches(int[] m, int id, String s) {
    int length = m[4 * id + LENGTH];
    return (length >>> 1) == s.length() && regionMatches(length, m[4 * id + START], s);
  }

  /** Whether the stored chars from {@code start} begin with those of {@code s}. */
  private boolean regionMatches(int length, int start, String s) {
    byte[] bytes = arena;
    int n = s.length();
    if ((length & 1) == 0) {
      for (int i = 0; i < n; i++) {
        if (s.charAt(i) != (bytes[start + i] & 0xFF)) {
          return false;
        }
      }
    } else {
      for (int i = 0; i < n; i++) {
        if (s.charAt(i) != wideChar(bytes, start + 2 * i)) {
          return false;
        }
      }
    }
    return true;
  }

  private void store(int id, String s) {
    int n = s.length();
    boolean narrow = true;
    for (int i = 0; i < n && narrow; i++) {
      narrow = s.charAt(i) <= 0xFF;
    }
    int needed = narrow ? n : 2 * n;
    ensureArena(needed);
    int start = arenaUsed;
    if (narrow) {
      for (int i = 0; i < n; i++) {
        arena[start + i] = (byte) s.charAt(i);
      }
    } else {
      for (int i = 0; i < n; i++) {
        char c = s.charAt(i);
        arena[start + 2 * i] = (byte) (c >>> 8);
        arena[start + 2 * i + 1] = (byte) c;
      }
    }
    arenaUsed += needed;
    meta[4 * id + START] = start;
    meta[4 * id + LENGTH] = n << 1 | (narrow ? 0 : 1);
  }

  private void ensureArena(int needed) {
    if (arenaUsed + needed <= arena.length) {
      return;
    }
    int live = arenaUsed - arenaGarbage;
    if (arenaGarbage >= live) {
      compact(Math.max(arena.length, 2 * (live + needed)));
    } else {
      arena =
          Arrays.copyOf(arena, Math.max(arena.length + (arena.length >> 1), arenaUsed + needed));
    }
  }

  /** Copies the live strings into a new arena, dropping the bytes of removed ones. */
  private void compact(int capacity) {
    byte[] next = new byte[capacity];
    int used = 0;
    for (int id = 1; id < nextId; id++) {
      if (meta[4 * id + REFS] > 0) {
        int len = byteLength(id);
        System.arraycopy(arena, meta[4 * id + START], next, used, len);
        meta[4 * id + START] = used;
        used += len;
      }
    }
    arena = next;
    arenaUsed = used;
    arenaGarbage = 0;
  }

  private int newId() {
    if (freeCount > 0) {
      return freeIds[--freeCount];
    }
    if (4 * nextId == meta.length) {
      meta = Arrays.copyOf(meta, 4 * (nextId + (nextId >> 1)));
    }
    return nextId++;
  }

  private int byteLength(int id) {
    int length = meta[4 * id + LENGTH];
    return (length & 1) == 0 ? length >>> 1 : length & ~1;
  }

  private void rehash(int capacity) {
    int[] next = new int[capacity];
    for (int id : slots) {
      if (id != 0) {
        insert(next, id);
      }
    }
    slots = next;
  }

  private void insert(int[] table, int id) {
    int mask = table.length - 1;
    int i = home(meta[4 * id + HASH], mask);
    while (table[i] != 0) {
      i = (i + 1) & mask;
    }
    table[i] = id;
  }

  private static char wideChar(byte[] bytes, int at) {
    return (char) ((bytes[at] & 0xFF) << 8 | (bytes[at + 1] & 0xFF));
  }

  private static int home(int hash, int mask) {
    int h = hash * 0x9E3779B9;
    return (h ^ (h >>> 16)) & mask;
  }
}
