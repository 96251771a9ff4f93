package dev.tandem.core.tuple;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The data of an {@link InMemoryTupleStore}, dictionary-encoded: objects and users are ids in a
 * {@link StringTable}, types and relations ids in {@link Names}, and a tuple is an int in each of
 * two {@link Buckets} indexes:
 *
 * <ul>
 *   <li>users by (object, relation), for {@code findByObject};
 *   <li>objects by (user, (object type, relation)), for {@code findByUser}.
 * </ul>
 *
 * <p>Each element carries a tag bit that says whether the tuple has a condition; conditions
 * themselves live in a side map, so unconditional tuples cost nothing there.
 *
 * <p>Not thread-safe; {@link InMemoryTupleStore} serializes writers and validates readers. Reads
 * tolerate a concurrent writer as {@link LongIntMap}'s do.
 */
final class TupleIndex {

  static final Comparator<TupleKey> ORDER =
      Comparator.comparing(TupleKey::object)
          .thenComparing(TupleKey::relation)
          .thenComparing(TupleKey::user);

  private static final int CONDITIONAL = 1;

  private record ConditionKey(int object, int relation, int user) {}

  private final StringTable strings = new StringTable();
  private final Names names = new Names();
  // (object type, relation) -> pair id, and back
  private final LongIntMap pairIds = new LongIntMap();
  private long[] pairs = new long[16];
  private int pairCount;
  private final Buckets usersByObject = new Buckets();
  private final Buckets objectsByUser = new Buckets();
  private final Map<ConditionKey, TupleCondition> conditions = new ConcurrentHashMap<>();
  private long size;

  /** Whether a tuple with the identity of {@code tuple} is stored. */
  boolean contains(TupleKey tuple) {
    int o = strings.find(tuple.object());
    int u = strings.find(tuple.user());
    int r = names.find(tuple.relation());
    return o != 0 && u != 0 && r != 0 && usersByObject.find(key(o, r), u) != 0;
  }

  /** Stores {@code tuple}, which must not be stored yet. */
  void add(TupleKey tuple) {
    int o = strings.acquire(tuple.object());
    int u = strings.acquire(tuple.user());
    int r = names.intern(tuple.relation());
    int p = pairId(names.intern(tuple.objectType()), r);
    int tag = 0;
    TupleCondition condition = tuple.condition();
    if (condition != null) {
      conditions.put(new ConditionKey(o, r, u), condition);
      tag = CONDITIONAL;
    }
    usersByObject.add(key(o, r), u << 1 | tag);
    objectsByUser.add(key(u, p), o << 1 | tag);
    size++;
  }

  /** Removes the tuple with the identity of {@code tuple}, which must be stored. */
  void remove(TupleKey tuple) {
    int o = strings.find(tuple.object());
    int u = strings.find(tuple.user());
    int r = names.find(tuple.relation());
    int p = pairIds.get(key(names.find(tuple.objectType()), r));
    int element = usersByObject.find(key(o, r), u);
    usersByObject.remove(key(o, r), u);
    objectsByUser.remove(key(u, p), o);
    if ((element & CONDITIONAL) != 0) {
      conditions.remove(new ConditionKey(o, r, u));
    }
    strings.release(o);
    strings.release(u);
    size--;
  }

  long size() {
    return size;
  }

  /** The number of distinct objects and users stored. */
  int distinctStrings() {
    return strings.size();
  }

  List<TupleKey> findByObject(String object, String relation) {
    int o = strings.find(object);
    int r = names.find(relation);
    if (o == 0 || r == 0) {
      return List.of();
    }
    int[] elements = usersByObject.elements(key(o, r));
    TupleKey[] out = new TupleKey[elements.length];
    for (int i = 0; i < elements.length; i++) {
      int u = elements[i] >>> 1;
      out[i] = new TupleKey(object, relation, strings.get(u), condition(elements[i], o, r, u));
    }
    return wrap(out);
  }

  @Nullable TupleKey find(String object, String relation, String user) {
    int o = strings.find(object);
    int r = names.find(relation);
    int u = strings.find(user);
    if (o == 0 || r == 0 || u == 0) {
      return null;
    }
    int element = usersByObject.find(key(o, r), u);
    return element == 0 ? null : new TupleKey(object, relation, user, condition(element, o, r, u));
  }

  List<TupleKey> findUsersets(String object, String relation) {
    int o = strings.find(object);
    int r = names.find(relation);
    if (o == 0 || r == 0) {
      return List.of();
    }
    List<TupleKey> out = null;
    for (int e : usersByObject.elements(key(o, r))) {
      int u = e >>> 1;
      if (strings.contains(u, '#')) {
        if (out == null) {
          out = new ArrayList<>();
        }
        out.add(new TupleKey(object, relation, strings.get(u), condition(e, o, r, u)));
      }
    }
    return out == null ? List.of() : Collections.unmodifiableList(out);
  }

  List<TupleKey> findByUser(String objectType, String relation, String user) {
    int u = strings.find(user);
    int r = names.find(relation);
    int t = names.find(objectType);
    int p = u == 0 || r == 0 || t == 0 ? 0 : pairIds.get(key(t, r));
    if (p == 0) {
      return List.of();
    }
    int[] elements = objectsByUser.elements(key(u, p));
    TupleKey[] out = new TupleKey[elements.length];
    for (int i = 0; i < elements.length; i++) {
      int o = elements[i] >>> 1;
      out[i] = new TupleKey(strings.get(o), relation, user, condition(elements[i], o, r, u));
    }
    return wrap(out);
  }

  /** The tuples matching a read filter (see {@link TupleStore#read}), in {@link #ORDER}. */
  List<TupleKey> read(@Nullable String object, @Nullable String relation, @Nullable String user) {
    boolean typeOnly = object != null && object.endsWith(":");
    int r = relation == null ? 0 : names.find(relation);
    int u = user == null ? 0 : strings.find(user);
    if ((relation != null && r == 0) || (user != null && u == 0)) {
      return List.of();
    }
    List<TupleKey> out = new ArrayList<>();
    if (object != null && !typeOnly) {
      readObject(object, r, u, out);
    } else if (user != null) {
      int t = 0;
      if (object != null) {
        t = names.find(object.substring(0, object.length() - 1));
        if (t == 0) {
          return List.of();
        }
      }
      readUser(user, u, t, r, out);
    } else {
      readAll(object, r, out);
    }
    out.sort(ORDER);
    return Collections.unmodifiableList(out);
  }

  private void readObject(String object, int r, int u, List<TupleKey> out) {
    int o = strings.find(object);
    if (o == 0) {
      return;
    }
    for (int rel = r == 0 ? 1 : r; rel <= (r == 0 ? names.count() : r); rel++) {
      for (int e : usersByObject.elements(key(o, rel))) {
        if (u == 0 || e >>> 1 == u) {
          TupleCondition c = condition(e, o, rel, e >>> 1);
          out.add(new TupleKey(object, names.get(rel), strings.get(e >>> 1), c));
        }
      }
    }
  }

  private void readUser(String user, int u, int t, int r, List<TupleKey> out) {
    for (int p = 1; p <= pairCount; p++) {
      int type = (int) (pairs[p] >>> 32);
      int rel = (int) pairs[p];
      if ((t == 0 || type == t) && (r == 0 || rel == r)) {
        for (int e : objectsByUser.elements(key(u, p))) {
          int o = e >>> 1;
          out.add(new TupleKey(strings.get(o), names.get(rel), user, condition(e, o, rel, u)));
        }
      }
    }
  }

  private void readAll(@Nullable String typePrefix, int r, List<TupleKey> out) {
    usersByObject.forEach(
        (key, elements) -> {
          int o = (int) (key >>> 32);
          int rel = (int) key;
          if ((r == 0 || rel == r) && (typePrefix == null || strings.startsWith(o, typePrefix))) {
            String object = strings.get(o);
            String relation = names.get(rel);
            for (int e : elements) {
              TupleCondition c = condition(e, o, rel, e >>> 1);
              out.add(new TupleKey(object, relation, strings.get(e >>> 1), c));
            }
          }
        });
  }

  private @Nullable TupleCondition condition(int element, int object, int relation, int user) {
    return (element & CONDITIONAL) == 0
        ? null
        : conditions.get(new ConditionKey(object, relation, user));
  }

  private int pairId(int type, int relation) {
    long pair = key(type, relation);
    int id = pairIds.get(pair);
    if (id == 0) {
      id = ++pairCount;
      if (id == pairs.length) {
        pairs = Arrays.copyOf(pairs, 2 * id);
      }
      pairs[id] = pair;
      pairIds.put(pair, id);
    }
    return id;
  }

  private static long key(int high, int low) {
    return (long) high << 32 | (low & 0xFFFFFFFFL);
  }

  private static List<TupleKey> wrap(TupleKey[] tuples) {
    return tuples.length == 0 ? List.of() : Collections.unmodifiableList(Arrays.asList(tuples));
  }
}
