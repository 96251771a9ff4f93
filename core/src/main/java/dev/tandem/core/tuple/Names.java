package dev.tandem.core.tuple;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The type and relation names of a store, each named by an int id greater than 0. There are few of
 * them, so they are never removed.
 *
 * <p>Not thread-safe for writers; reads tolerate a concurrent writer as {@link LongIntMap}'s do.
 */
final class Names {

  private final Map<String, Integer> ids = new ConcurrentHashMap<>();
  private String[] byId = new String[16];
  private int count;

  /** The id of {@code name}, or 0 when it is unknown. */
  int find(String name) {
    Integer id = ids.get(name);
    return id == null ? 0 : id;
  }

  /** The id of {@code name}, adding it if needed. */
  int intern(String name) {
    int id = find(name);
    if (id != 0) {
      return id;
    }
    id = ++count;
    if (id == byId.length) {
      byId = Arrays.copyOf(byId, 2 * id);
    }
    byId[id] = name;
    ids.put(name, id);
    return id;
  }

  /** The name with id {@code id}. */
  String get(int id) {
    return byId[id];
  }

  /** The highest id given out. */
  int count() {
    return count;
  }
}
