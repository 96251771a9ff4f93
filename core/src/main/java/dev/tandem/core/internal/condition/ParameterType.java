package dev.tandem.core.internal.condition;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.tandem.core.model.ConditionParameterType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A decoded condition parameter type: the CEL type its variable is declared with, and the
 * conversion of JSON-like context values to CEL values, as OpenFGA does it.
 *
 * @param declared the type as declared in the model
 * @param celType the CEL type of the parameter's variable
 * @param converter converts a context value; throws {@link IllegalArgumentException} with a reason
 *     when the value does not fit the type
 */
record ParameterType(ConditionParameterType declared, CelType celType, Converter converter) {

  /** Converts one context value, or throws {@link IllegalArgumentException} saying why not. */
  @FunctionalInterface
  interface Converter {
    Object convert(@Nullable Object value);
  }

  /**
   * Decodes a declared type.
   *
   * @throws IllegalArgumentException when a {@code list} or {@code map} lacks its element type, or
   *     another type has one
   */
  static ParameterType decode(ConditionParameterType declared) {
    ConditionParameterType.TypeName name = declared.typeName();
    boolean generic =
        name == ConditionParameterType.TypeName.LIST || name == ConditionParameterType.TypeName.MAP;
    int expected = generic ? 1 : 0;
    if (declared.genericTypes().size() != expected) {
      throw new IllegalArgumentException(
          "condition parameter type `"
              + name.dslName()
              + "` requires "
              + expected
              + " generic type(s); found "
              + declared.genericTypes().size());
    }
    return switch (name) {
      case ANY -> new ParameterType(declared, SimpleType.ANY, Values::toAny);
      case BOOL -> new ParameterType(declared, SimpleType.BOOL, ParameterType::toBool);
      case STRING -> new ParameterType(declared, SimpleType.STRING, ParameterType::toText);
      case INT -> new ParameterType(declared, SimpleType.INT, Numbers::toInt);
      case UINT -> new ParameterType(declared, SimpleType.UINT, Numbers::toUint);
      case DOUBLE -> new ParameterType(declared, SimpleType.DOUBLE, Numbers::toDouble);
      case DURATION -> new ParameterType(declared, SimpleType.DURATION, ParameterType::toDuration);
      case TIMESTAMP ->
          new ParameterType(declared, SimpleType.TIMESTAMP, ParameterType::toTimestamp);
      case IPADDRESS ->
          new ParameterType(declared, IpAddressFunctions.TYPE, ParameterType::toIpAddress);
      case LIST -> list(declared, decode(declared.genericTypes().get(0)));
      case MAP -> map(declared, decode(declared.genericTypes().get(0)));
    };
  }

  /** Converts a context value; see {@link Converter#convert}. */
  Object convert(@Nullable Object value) {
    return converter.convert(value);
  }

  private static ParameterType list(ConditionParameterType declared, ParameterType element) {
    Converter converter =
        value -> {
          if (value instanceof List<?> list) {
            return Values.toList(list, element.converter());
          }
          throw new IllegalArgumentException(
              "expected a list, but found " + Values.describe(value));
        };
    return new ParameterType(declared, ListType.create(element.celType()), converter);
  }

  private static ParameterType map(ConditionParameterType declared, ParameterType element) {
    Converter converter =
        value -> {
          if (value instanceof Map<?, ?> map) {
            return Values.toMap(map, element.converter());
          }
          throw new IllegalArgumentException("expected a map, but found " + Values.describe(value));
        };
    return new ParameterType(
        declared, MapType.create(SimpleType.STRING, element.celType()), converter);
  }

  private static Object toBool(@Nullable Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    throw new IllegalArgumentException(
        "expected a bool value, but found " + Values.describe(value));
  }

  private static Object toText(@Nullable Object value) {
    if (value instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException(
        "expected a string value, but found " + Values.describe(value));
  }

  private static Object toDuration(@Nullable Object value) {
    if (value instanceof String s) {
      return GoDuration.parse(s);
    }
    if (value instanceof java.time.Duration duration) {
      return duration;
    }
    throw new IllegalArgumentException(
        "expected a duration string, but found " + Values.describe(value));
  }

  private static Object toTimestamp(@Nullable Object value) {
    if (value instanceof String s) {
      return Rfc3339.parse(s);
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    throw new IllegalArgumentException(
        "expected an RFC 3339 formatted timestamp string, but found " + Values.describe(value));
  }

  private static Object toIpAddress(@Nullable Object value) {
    if (value instanceof String s) {
      return IpAddress.parse(s);
    }
    if (value instanceof IpAddress ip) {
      return ip;
    }
    throw new IllegalArgumentException(
        "expected an ipaddress string, but found " + Values.describe(value));
  }
}
