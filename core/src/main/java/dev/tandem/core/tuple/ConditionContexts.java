package dev.tandem.core.tuple;

import dev.tandem.core.model.ConditionDefinition;
import dev.tandem.core.model.ConditionParameterType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Checks the context stored with a conditional tuple against the condition's declared parameters,
 * the way OpenFGA converts it ({@code CastContextToTypedParameters}): every key must be a parameter
 * and every value must convert to the parameter's type. Also measures a context as OpenFGA does for
 * its write size limit.
 */
final class ConditionContexts {

  /** OpenFGA's default limit on a written tuple's context, in bytes of protobuf. */
  static final int MAX_CONTEXT_BYTES = 32 * 1024;

  private static final Pattern GO_DURATION =
      Pattern.compile("[-+]?(0|((\\d+(\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h))+)");
  private static final Pattern RFC_3339 =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");
  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private ConditionContexts() {}

  /** What is wrong with {@code context} for {@code condition}, or null when nothing is. */
  static @Nullable String problem(ConditionDefinition condition, Map<String, Object> context) {
    if (context.isEmpty()) {
      return null;
    }
    if (condition.parameters().isEmpty()) {
      return "the condition declares no parameters";
    }
    for (Map.Entry<String, ConditionParameterType> parameter : condition.parameters().entrySet()) {
      String name = parameter.getKey();
      if (context.containsKey(name)) {
        String problem = valueProblem(parameter.getValue(), context.get(name));
        if (problem != null) {
          return "parameter "
              + Quoting.quote(name)
              + " must be "
              + parameter.getValue()
              + ": "
              + problem;
        }
      }
    }
    for (String key : context.keySet()) {
      if (!condition.parameters().containsKey(key)) {
        return "the condition declares no parameter " + Quoting.quote(key);
      }
    }
    return null;
  }

  private static @Nullable String valueProblem(
      ConditionParameterType type, @Nullable Object value) {
    return switch (type.typeName()) {
      case ANY -> null;
      case BOOL -> value instanceof Boolean ? null : found(value);
      case STRING -> value instanceof String ? null : found(value);
      case INT -> integerProblem(value, false);
      case UINT -> integerProblem(value, true);
      case DOUBLE -> decimal(value) == null ? found(value) : null;
      case DURATION ->
          value instanceof String s && GO_DURATION.matcher(s).matches() ? null : found(value);
      case TIMESTAMP -> value instanceof String s && isTimestamp(s) ? null : found(value);
      case IPADDRESS -> value instanceof String s && isIpAddress(s) ? null : found(value);
      case LIST -> listProblem(elementType(type), value);
      case MAP -> mapProblem(elementType(type), value);
    };
  }

  private static @Nullable String integerProblem(@Nullable Object value, boolean unsigned) {
    BigDecimal number = decimal(value);
    boolean integral = number != null && number.stripTrailingZeros().scale() <= 0;
    return integral && (!unsigned || number.signum() >= 0) ? null : found(value);
  }

  private static @Nullable String listProblem(
      ConditionParameterType items, @Nullable Object value) {
    if (!(value instanceof List<?> list)) {
      return found(value);
    }
    for (Object item : list) {
      String problem = valueProblem(items, item);
      if (problem != null) {
        return "an item " + problem;
      }
    }
    return null;
  }

  private static @Nullable String mapProblem(
      ConditionParameterType values, @Nullable Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      return found(value);
    }
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String problem = valueProblem(values, entry.getValue());
      if (problem != null) {
        return "the value of " + Quoting.quote(String.valueOf(entry.getKey())) + " " + problem;
      }
    }
    return null;
  }

  private static ConditionParameterType elementType(ConditionParameterType type) {
    return type.genericTypes().isEmpty()
        ? ConditionParameterType.of(ConditionParameterType.TypeName.ANY)
        : type.genericTypes().get(0);
  }

  /** A finite number, or a string holding one, as a decimal; null otherwise. */
  private static @Nullable BigDecimal decimal(@Nullable Object value) {
    try {
      if (value instanceof BigDecimal d) {
        return d;
      } else if (value instanceof BigInteger i) {
        return new BigDecimal(i);
      } else if (value instanceof Double || value instanceof Float) {
        double d = ((Number) value).doubleValue();
        return Double.isFinite(d) ? new BigDecimal(d) : null;
      } else if (value instanceof Number n) {
        return BigDecimal.valueOf(n.longValue());
      } else if (value instanceof String s) {
        return new BigDecimal(s);
      }
    } catch (NumberFormatException e) {
      return null;
    }
    return null;
  }

  private static boolean isTimestamp(String value) {
    if (!RFC_3339.matcher(value).matches()) {
      return false;
    }
    try {
      OffsetDateTime.parse(value);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static boolean isIpAddress(String value) {
    if (IPV4.matcher(value).matches()) {
      return true;
    }
    int zone = value.indexOf('%');
    String address = zone < 0 ? value : value.substring(0, zone);
    if (zone == value.length() - 1 || !IPV6_CHARACTERS.matcher(address).matches()) {
      return false;
    }
    try {
      // A literal with a colon is parsed as IPv6 and never looked up in DNS.
      InetAddress.getByName(address);
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static String found(@Nullable Object value) {
    if (value == null) {
      return "found null";
    }
    return "found "
        + value.getClass().getSimpleName().toLowerCase(Locale.ROOT)
        + " "
        + Quoting.quote(String.valueOf(value));
  }

  /** The size of {@code context} as a protobuf {@code google.protobuf.Struct}, in bytes. */
  static int protoSize(Map<String, ?> context) {
    int size = 0;
    for (Map.Entry<String, ?> entry : context.entrySet()) {
      int key = Identifiers.utf8Length(entry.getKey());
      int value = valueSize(entry.getValue());
      size += field(field(key) + field(value));
    }
    return size;
  }

  private static int valueSize(@Nullable Object value) {
    if (value == null || value instanceof Boolean) {
      return 2;
    } else if (value instanceof Number) {
      return 9;
    } else if (value instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, ?> struct = (Map<String, ?>) map;
      return field(protoSize(struct));
    } else if (value instanceof List<?> list) {
      int size = 0;
      for (Object item : list) {
        size += field(valueSize(item));
      }
      return field(size);
    }
    return field(Identifiers.utf8Length(String.valueOf(value)));
  }

  /** A length-delimited field with a one-byte tag: tag, length, payload. */
  private static int field(int payload) {
    int varint = 1;
    for (int rest = payload >>> 7; rest != 0; rest >>>= 7) {
      varint++;
    }
    return 1 + varint + payload;
  }
}
