package dev.tandem.core.tuple;

import static dev.tandem.core.model.ConditionParameterType.TypeName.ANY;
import static dev.tandem.core.model.ConditionParameterType.TypeName.BOOL;
import static dev.tandem.core.model.ConditionParameterType.TypeName.DOUBLE;
import static dev.tandem.core.model.ConditionParameterType.TypeName.DURATION;
import static dev.tandem.core.model.ConditionParameterType.TypeName.INT;
import static dev.tandem.core.model.ConditionParameterType.TypeName.IPADDRESS;
import static dev.tandem.core.model.ConditionParameterType.TypeName.LIST;
import static dev.tandem.core.model.ConditionParameterType.TypeName.MAP;
import static dev.tandem.core.model.ConditionParameterType.TypeName.STRING;
import static dev.tandem.core.model.ConditionParameterType.TypeName.TIMESTAMP;
import static dev.tandem.core.model.ConditionParameterType.TypeName.UINT;
import static dev.tandem.core.tuple.TestModels.condition;
import static dev.tandem.core.tuple.TestModels.param;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.tandem.core.model.ConditionDefinition;
import dev.tandem.core.model.ConditionParameterType;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Stored condition context: OpenFGA's value conversions, and its protobuf size. */
class ConditionContextsTest {

  static Stream<Arguments> accepted() {
    return Stream.of(
        Arguments.of(param(INT), 5),
        Arguments.of(param(INT), 5L),
        Arguments.of(param(INT), 5.0),
        Arguments.of(param(INT), "-12"),
        Arguments.of(param(INT), new BigInteger("123456789012345678901234567890")),
        Arguments.of(param(UINT), 0),
        Arguments.of(param(DOUBLE), 1.5),
        Arguments.of(param(DOUBLE), "1e3"),
        Arguments.of(param(DOUBLE), 2),
        Arguments.of(param(BOOL), true),
        Arguments.of(param(STRING), ""),
        Arguments.of(param(ANY), null),
        Arguments.of(param(DURATION), "1h30m"),
        Arguments.of(param(DURATION), "1.5s"),
        Arguments.of(param(DURATION), "-2ms"),
        Arguments.of(param(DURATION), "0"),
        Arguments.of(param(TIMESTAMP), "2023-01-01T00:00:00Z"),
        Arguments.of(param(TIMESTAMP), "2023-01-01T10:20:30.123+02:00"),
        Arguments.of(param(IPADDRESS), "192.168.0.1"),
        Arguments.of(param(IPADDRESS), "::1"),
        Arguments.of(param(IPADDRESS), "2001:db8::1"),
        Arguments.of(param(IPADDRESS), "::ffff:10.0.0.1"),
        Arguments.of(param(IPADDRESS), "fe80::1%eth0"),
        Arguments.of(param(LIST, param(STRING)), List.of("a", "b")),
        Arguments.of(param(MAP, param(INT)), Map.of("a", 1)));
  }

  @ParameterizedTest(name = "{0} accepts {1}")
  @MethodSource("accepted")
  void problemWhenValueConvertsToParameterTypeThenNone(ConditionParameterType type, Object value) {
    assertThat(ConditionContexts.problem(declaring(type), context(value))).isNull();
  }

  static Stream<Arguments> rejected() {
    return Stream.of(
        Arguments.of(param(INT), 5.5),
        Arguments.of(param(INT), "abc"),
        Arguments.of(param(INT), true),
        Arguments.of(param(INT), null),
        Arguments.of(param(INT), Double.POSITIVE_INFINITY),
        Arguments.of(param(UINT), -1),
        Arguments.of(param(DOUBLE), "x"),
        Arguments.of(param(DOUBLE), Double.NaN),
        Arguments.of(param(BOOL), "true"),
        Arguments.of(param(STRING), 1),
        Arguments.of(param(STRING), null),
        Arguments.of(param(DURATION), "1d"),
        Arguments.of(param(DURATION), ""),
        Arguments.of(param(DURATION), "1"),
        Arguments.of(param(DURATION), 10),
        Arguments.of(param(TIMESTAMP), "2023-01-01"),
        Arguments.of(param(TIMESTAMP), "2023-02-30T00:00:00Z"),
        Arguments.of(param(TIMESTAMP), "2023-01-01T00:00Z"),
        Arguments.of(param(IPADDRESS), "192.168.0.256"),
        Arguments.of(param(IPADDRESS), "01.2.3.4"),
        Arguments.of(param(IPADDRESS), "1.2.3"),
        Arguments.of(param(IPADDRESS), "example.com"),
        Arguments.of(param(IPADDRESS), "::g"),
        Arguments.of(param(IPADDRESS), "10.0.0.0/8"),
        Arguments.of(param(LIST, param(STRING)), Arrays.asList("a", 1)),
        Arguments.of(param(LIST, param(STRING)), "a"),
        Arguments.of(param(MAP, param(INT)), Map.of("a", "x")),
        Arguments.of(param(MAP, param(INT)), List.of(1)));
  }

  @ParameterizedTest(name = "{0} rejects {1}")
  @MethodSource("rejected")
  void problemWhenValueDoesNotConvertThenNamesParameterAndType(
      ConditionParameterType type, Object value) {
    assertThat(ConditionContexts.problem(declaring(type), context(value)))
        .startsWith("parameter 'p' must be " + type + ": ");
  }

  @Test
  void problemWhenContextEmptyThenNoneEvenWithoutParameters() {
    assertThat(ConditionContexts.problem(condition("c"), Map.of())).isNull();
  }

  @Test
  void problemWhenContextGivenToConditionWithoutParametersThenReported() {
    assertThat(ConditionContexts.problem(condition("c"), Map.of("x", 1)))
        .isEqualTo("the condition declares no parameters");
  }

  @Test
  void problemWhenKeyNotDeclaredThenReported() {
    assertThat(ConditionContexts.problem(declaring(param(INT)), Map.of("q", 1)))
        .isEqualTo("the condition declares no parameter 'q'");
  }

  @Test
  void protoSizeWhenComparedWithProtobufThenEqual() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("flag", false);
    nested.put("none", null);
    Map<String, Object> context = new HashMap<>();
    context.put("x", 1);
    context.put("s", "héllo");
    context.put("empty", "");
    context.put("list", Arrays.asList(1.5, "a", true, null, List.of()));
    context.put("map", nested);
    context.put("long", "z".repeat(300));

    assertThat(ConditionContexts.protoSize(context))
        .isEqualTo(toStruct(context).getSerializedSize());
    assertThat(ConditionContexts.protoSize(Map.of())).isZero();
  }

  private static ConditionDefinition declaring(ConditionParameterType type) {
    return condition("c", "p", type);
  }

  private static Map<String, Object> context(Object value) {
    Map<String, Object> context = new HashMap<>();
    context.put("p", value);
    return context;
  }

  private static Struct toStruct(Map<String, ?> map) {
    Struct.Builder struct = Struct.newBuilder();
    map.forEach((k, v) -> struct.putFields(k, toValue(v)));
    return struct.build();
  }

  private static Value toValue(Object value) {
    if (value == null) {
      return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
    } else if (value instanceof Boolean b) {
      return Value.newBuilder().setBoolValue(b).build();
    } else if (value instanceof Number n) {
      return Value.newBuilder().setNumberValue(n.doubleValue()).build();
    } else if (value instanceof Map<?, ?> m) {
      @SuppressWarnings("unchecked")
      Map<String, ?> struct = (Map<String, ?>) m;
      return Value.newBuilder().setStructValue(toStruct(struct)).build();
    } else if (value instanceof List<?> l) {
      ListValue.Builder list = ListValue.newBuilder();
      l.forEach(item -> list.addValues(toValue(item)));
      return Value.newBuilder().setListValue(list).build();
    }
    return Value.newBuilder().setStringValue(value.toString()).build();
  }
}
