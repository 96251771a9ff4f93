package dev.tandem.core.client;

import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.tuple.TupleCondition;
import dev.tandem.core.tuple.TupleKey;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything that can change the answer to a check, as a value with structural equality: two checks
 * with equal keys get the same answer from the same store and model.
 *
 * <p>The key is built from records and immutable collections, never by joining strings, so no two
 * different requests can collide however their identifiers are spelled. Equal-meaning requests
 * written differently share a key:
 *
 * <ul>
 *   <li>contextual tuples are a multiset: their order is irrelevant (OpenFGA treats them as a set),
 *       repeats are counted, so {@code [t, t]} and {@code [t]} are different keys;
 *   <li>maps (request context, condition context) compare by entries, whatever their order;
 *   <li>a finite number is its exact decimal value, so {@code 1}, {@code 1L}, {@code 1.0}, {@code
 *       1.0f} and {@code new BigDecimal("1.00")} are one value: both the embedded engine and
 *       OpenFGA (whose context is a protobuf {@code Struct} of float64 numbers) read a number by
 *       its value alone. Values that merely round to the same double ({@code 0.1f} and {@code 0.1})
 *       stay different, and so do {@code -0.0} and {@code 0}, NaN and the infinities;
 *   <li>a number and a string with the same digits ({@code 1} and {@code "1"}) are different.
 * </ul>
 *
 * <p>Values are copied deeply, so a caller mutating a list after the call cannot change a stored
 * key. A context holding anything but JSON-like values (String, Boolean, the JDK's numbers, List,
 * Map with String keys, null) or {@link Duration} and {@link Instant} has no key: {@link #of}
 * returns null and such checks are neither cached nor shared.
 *
 * <p>The store id is part of the key. The model is not: a decorator serves one delegate, whose
 * model binding (an id, or the store's latest model) is fixed for its lifetime, so every key of one
 * cache shares it; a change of the latest model is handled by invalidation.
 *
 * @param storeId the store the check runs against
 * @param object the object
 * @param relation the relation
 * @param user the user
 * @param contextualTuples each distinct contextual tuple with how often it occurs
 * @param context the request context in canonical form
 */
record CheckKey(
    String storeId,
    String object,
    String relation,
    String user,
    Map<Tuple, Integer> contextualTuples,
    Map<String, Object> context) {

  /**
   * A contextual tuple in canonical form. A tuple without a condition has a null condition name and
   * context, so it differs from one whose condition has an empty context.
   */
  record Tuple(
      String object,
      String relation,
      String user,
      @Nullable String conditionName,
      @Nullable Map<String, Object> conditionContext) {}

  /** Stands for null, which immutable collections cannot hold. */
  private enum Marker {
    NULL
  }

  /** The key of {@code request} against {@code storeId}, or null when it cannot have one. */
  static @Nullable CheckKey of(String storeId, CheckRequest request) {
    try {
      return new CheckKey(
          storeId,
          request.object(),
          request.relation(),
          request.user(),
          tuples(request.contextualTuples()),
          map(request.context()));
    } catch (Uncanonical e) {
      return null;
    }
  }

  private static Map<Tuple, Integer> tuples(List<TupleKey> contextualTuples) {
    if (contextualTuples.isEmpty()) {
      return Map.of();
    }
    Map<Tuple, Integer> tuples = new HashMap<>();
    for (TupleKey tuple : contextualTuples) {
      tuples.merge(tuple(tuple), 1, Integer::sum);
    }
    return Map.copyOf(tuples);
  }

  private static Tuple tuple(TupleKey tuple) {
    TupleCondition condition = tuple.condition();
    if (condition == null) {
      return new Tuple(tuple.object(), tuple.relation(), tuple.user(), null, null);
    }
    return new Tuple(
        tuple.object(), tuple.relation(), tuple.user(), condition.name(), map(condition.context()));
  }

  private static Map<String, Object> map(Map<?, ?> map) {
    if (map.isEmpty()) {
      return Map.of();
    }
    if (map.size() == 1) {
      // The usual context, current_time alone: no intermediate map.
      Map.Entry<?, ?> entry = map.entrySet().iterator().next();
      if (!(entry.getKey() instanceof String key)) {
        throw new Uncanonical();
      }
      return Map.of(key, value(entry.getValue()));
    }
    Map<String, Object> out = new HashMap<>(Math.max(4, map.size() * 2));
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String key)) {
        throw new Uncanonical();
      }
      out.put(key, value(entry.getValue()));
    }
    return Map.copyOf(out);
  }

  private static Object value(@Nullable Object value) {
    if (value == null) {
      return Marker.NULL;
    }
    if (value instanceof String
        || value instanceof Boolean
        || value instanceof Duration
        || value instanceof Instant) {
      return value;
    }
    if (value instanceof Number number) {
      return number(number);
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) {
        out.add(value(item));
      }
      return List.copyOf(out);
    }
    if (value instanceof Map<?, ?> map) {
      return map(map);
    }
    throw new Uncanonical();
  }

  /**
   * A finite number as its exact value without trailing zeros; negative zero, NaN and the
   * infinities as a {@link Double}, which tells them apart. Other {@link Number} classes (mutable
   * ones, subclasses of {@link BigDecimal} and {@link BigInteger}) have no canonical form.
   */
  private static Object number(Number number) {
    BigDecimal exact;
    if (number instanceof Integer
        || number instanceof Long
        || number instanceof Short
        || number instanceof Byte) {
      exact = BigDecimal.valueOf(number.longValue());
    } else if (number instanceof Double || number instanceof Float) {
      double d = number.doubleValue();
      if (!Double.isFinite(d) || Double.doubleToRawLongBits(d) == Long.MIN_VALUE) {
        return d;
      }
      exact = new BigDecimal(d);
    } else if (number.getClass() == BigDecimal.class) {
      exact = (BigDecimal) number;
    } else if (number.getClass() == BigInteger.class) {
      exact = new BigDecimal((BigInteger) number);
    } else {
      throw new Uncanonical();
    }
    // Equal values have one representation once trailing zeros are gone (zero becomes 0).
    return exact.stripTrailingZeros();
  }

  /** Thrown while building a key for a value that has no canonical form. */
  private static final class Uncanonical extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Uncanonical() {
      super(null, null, false, false);
    }
  }
}
