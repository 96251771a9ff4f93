package dev.tandem.core.internal.condition;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.tandem.core.model.ConditionParameterType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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

  private static final Converter TO_DURATION =
      parsedOr(Duration.class, GoDuration::parse, "a duration string");
  private static final Converter TO_TIMESTAMP =
      parsedOr(Instant.class, Rfc3339::parse, "an RFC 3339 formatted timestamp string");
  private static final Converter TO_IP_ADDRESS =
      parsedOr(IpAddress.class, IpAddress::parse, "an ipaddress string");

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
      case DURATION -> new ParameterType(declared, SimpleType.DURATION, TO_DURATION);
      case TIMESTAMP -> new ParameterType(declared, SimpleType.TIMESTAMP, TO_TIMESTAMP);
      case IPADDRESS -> new ParameterType(declared, IpAddressFunctions.TYPE, TO_IP_ADDRESS);
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

  /**
   * Converts a string with {@code parse} and passes a value of {@code type} through as it is; says
   * it expected {@code expected} otherwise.
   */
  private static Converter parsedOr(
      Class<?> type, Function<String, Object> parse, String expected) {
    return value -> {
      if (value instanceof String s) {
        return parse.apply(s);
      }
      if (type.isInstance(value)) {
        return value;
      }
      throw new IllegalArgumentException(
          "expected " + expected + ", but found " + Values.describe(value));
    };
  }
}
