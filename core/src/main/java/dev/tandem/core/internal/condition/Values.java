package dev.tandem.core.internal.condition;

import dev.cel.common.values.NullValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Helpers for the JSON-like values found in condition contexts. */
final class Values {

  private Values() {}

  /** A short description of a value for error messages, e.g. {@code string 'abc'}. */
  static String describe(@Nullable Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return "string '" + s + "'";
    }
    if (value instanceof Boolean b) {
      return "bool " + b;
    }
    if (value instanceof Number n) {
      return "number " + n;
    }
    if (value instanceof List) {
      return "a list";
    }
    if (value instanceof Map) {
      return "a map";
    }
    return "a value of type " + value.getClass().getSimpleName();
  }

  /**
   * The CEL value of an {@code any} parameter. OpenFGA receives context as a protobuf {@code
   * Struct}, where every number is a double; numbers become doubles here too, so expressions behave
   * alike. Lists and maps are converted deeply; other values pass unchanged.
   */
  static Object toAny(@Nullable Object value) {
    if (value == null) {
      return NullValue.NULL_VALUE;
    }
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) {
        out.add(toAny(item));
      }
      return Collections.unmodifiableList(out);
    }
    if (value instanceof Map<?, ?> map) {
      return toMap(map, Values::toAny);
    }
    return value;
  }

  /** A map with string keys whose values are converted by {@code converter}. */
  static Map<String, Object> toMap(Map<?, ?> map, ParameterType.Converter converter) {
    Map<String, Object> out = new LinkedHashMap<>(Math.max(4, map.size() * 2));
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String key)) {
        throw new IllegalArgumentException(
            "map keys must be strings, but found " + describe(entry.getKey()));
      }
      try {
        out.put(key, converter.convert(entry.getValue()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "found an invalid value for key '" + key + "': " + e.getMessage(), e);
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /** A list whose items are converted by {@code converter}. */
  static List<Object> toList(List<?> list, ParameterType.Converter converter) {
    Object[] out = new Object[list.size()];
    int index = 0;
    for (Object item : list) {
      try {
        out[index] = converter.convert(item);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "found an invalid list item at index " + index + ": " + e.getMessage(), e);
      }
      index++;
    }
    return List.of(out);
  }
}
