package dev.tandem.core.internal.condition;

import static dev.tandem.core.internal.condition.TestConditions.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.core.FgaValidationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Conversion of context values to the scalar parameter types, and their behaviour in CEL. */
class ScalarParameterTypesTest {

  static List<Arguments> accepted() {
    return List.of(
        Arguments.of("int", "p == 42", 42),
        Arguments.of("int", "p == 42", 42L),
        Arguments.of("int", "p == 42", 42.0),
        Arguments.of("int", "p == 42", new BigDecimal("42.000")),
        Arguments.of("int", "p == 42", "42"),
        Arguments.of("int", "p == 1000", "1e3"),
        Arguments.of("int", "p == -9223372036854775808", Long.MIN_VALUE),
        Arguments.of("int", "p == 9223372036854775807", BigInteger.valueOf(Long.MAX_VALUE)),
        Arguments.of("uint", "p == 7u", 7),
        Arguments.of("uint", "p == 7u", "7"),
        Arguments.of("uint", "p == 18446744073709551615u", new BigInteger("18446744073709551615")),
        Arguments.of("uint", "p > 9223372036854775807u", 1.0e19),
        Arguments.of("double", "p == 2.25", 2.25),
        Arguments.of("double", "p == 3.0", 3),
        Arguments.of("double", "p == 3.5", "3.5"),
        Arguments.of("double", "p == 1.7976931348623157e308", Double.MAX_VALUE),
        Arguments.of("double", "p == 0.1", new BigDecimal("0.1")),
        Arguments.of("bool", "p", true),
        Arguments.of("string", "p.startsWith(\"1\") && p.matches(\"[0-9]\")", "1a1"),
        Arguments.of("duration", "p == duration(\"5400s\")", "1h30m"),
        Arguments.of("duration", "p < duration(\"0s\")", "-1.5h"),
        Arguments.of("duration", "p == duration(\"1ms\")", "1000us"),
        Arguments.of("duration", "p == duration(\"0s\")", "0"),
        Arguments.of("duration", "p == duration(\"2s\")", Duration.ofSeconds(2)),
        Arguments.of(
            "timestamp", "p == timestamp(\"2023-10-11T09:00:00Z\")", "2023-10-11T09:00:00.000Z"),
        Arguments.of(
            "timestamp", "p == timestamp(\"2023-10-11T09:00:00Z\")", "2023-10-11T11:00:00+02:00"),
        Arguments.of(
            "timestamp",
            "p.getHours() == 9 && p.getFullYear() == 2023",
            "2023-10-11T09:00:00.123456789Z"),
        Arguments.of(
            "timestamp",
            "p == timestamp(\"2023-10-11T09:00:00Z\")",
            Instant.parse("2023-10-11T09:00:00Z")),
        Arguments.of("ipaddress", "p == ipaddress(\"10.0.0.1\")", "10.0.0.1"),
        Arguments.of("ipaddress", "p != ipaddress(\"10.0.0.2\")", "10.0.0.1"),
        Arguments.of("ipaddress", "p.in_cidr(\"10.0.0.0/8\")", "10.1.2.3"),
        Arguments.of("ipaddress", "p.in_cidr(\"2001:db8::/32\")", "2001:db8::1"),
        Arguments.of("ipaddress", "!p.in_cidr(\"10.0.0.0/8\")", "11.0.0.1"));
  }

  @ParameterizedTest(name = "{0}: {1} with {2}")
  @MethodSource("accepted")
  void evaluateWhenValueFitsTypeThenExpressionSeesIt(String type, String expression, Object value) {
    CompiledConditions conditions = single("c", expression, "p: " + type);

    assertThat(conditions.evaluate("c", Map.of(), Map.of("p", value)))
        .isEqualTo(ConditionOutcome.MET);
  }

  static List<Arguments> rejected() {
    return List.of(
        Arguments.of("int", 3.5, "expected an int value"),
        Arguments.of("int", "3.5", "expected an int value"),
        Arguments.of("int", "abc", "invalid string value 'abc'"),
        Arguments.of("int", 1.0e19, "out of range"),
        Arguments.of("int", new BigInteger("9223372036854775808"), "out of range"),
        Arguments.of("int", "1e999999999", "out of range"),
        Arguments.of("int", true, "bool true"),
        Arguments.of("int", null, "null"),
        Arguments.of("uint", -1, "out of range"),
        Arguments.of("uint", "-1", "out of range"),
        Arguments.of("uint", 2.5, "expected a uint value"),
        Arguments.of("uint", new BigInteger("18446744073709551616"), "out of range"),
        Arguments.of("double", Double.POSITIVE_INFINITY, "cannot be represented"),
        Arguments.of("double", "1.79769313486231570814527423731704356798070e+309", "cannot be"),
        Arguments.of("double", "-1.79769313486231570814527423731704356798070e+309", "cannot be"),
        Arguments.of("double", "0.1", "cannot be represented exactly"),
        Arguments.of("double", new BigDecimal("1e400"), "cannot be represented"),
        Arguments.of("double", "x", "invalid string value 'x'"),
        Arguments.of("double", List.of(1.0), "a list"),
        Arguments.of("bool", "true", "expected a bool value"),
        Arguments.of("bool", 1, "expected a bool value"),
        Arguments.of("string", 1, "expected a string value"),
        Arguments.of("string", Map.of(), "a map"),
        Arguments.of("duration", "1d", "unknown unit 'd'"),
        Arguments.of("duration", "10", "missing unit"),
        Arguments.of("duration", 10, "expected a duration string"),
        Arguments.of("timestamp", "2023-10-11", "RFC 3339"),
        Arguments.of("timestamp", "2023-10-11T09:00:00", "RFC 3339"),
        Arguments.of("timestamp", "2023-02-30T09:00:00Z", "RFC 3339"),
        Arguments.of("timestamp", 1696000000, "RFC 3339"),
        Arguments.of("ipaddress", "999.999.999.999", "not an IP address"),
        Arguments.of("ipaddress", "localhost", "not an IP address"),
        Arguments.of("ipaddress", 167772161, "expected an ipaddress string"));
  }

  @ParameterizedTest(name = "{0} rejects {1}")
  @MethodSource("rejected")
  void evaluateWhenValueDoesNotFitTypeThenValidationErrorNamesParameter(
      String type, @Nullable Object value, String reason) {
    CompiledConditions conditions = single("cond", "p == p", "p: " + type);
    Map<String, @Nullable Object> context = new java.util.HashMap<>();
    context.put("p", value);

    assertThatThrownBy(() -> conditions.evaluate("cond", Map.of(), context))
        .isInstanceOf(FgaValidationException.class)
        .hasMessageStartingWith(
            "parameter type error on condition 'cond': failed to convert context parameter 'p': ")
        .hasMessageContaining(reason);
  }
}
