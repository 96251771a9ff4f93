package dev.tandem.core.internal.condition;

import static dev.tandem.core.internal.condition.TestConditions.condition;
import static dev.tandem.core.internal.condition.TestConditions.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.core.ErrorCode;
import dev.tandem.core.FgaValidationException;
import dev.tandem.core.model.ConditionDefinition;
import dev.tandem.core.model.InvalidModelException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompiledConditionsTest {

  private final CompiledConditions xLessThan = single("x_less_than", "x < 100", "x: int");

  @Test
  void evaluateWhenConditionHoldsThenMet() {
    assertThat(xLessThan.evaluate("x_less_than", Map.of(), Map.of("x", 10)))
        .isEqualTo(ConditionOutcome.MET);
  }

  @Test
  void evaluateWhenConditionFailsThenNotMet() {
    assertThat(xLessThan.evaluate("x_less_than", Map.of(), Map.of("x", 101)))
        .isEqualTo(ConditionOutcome.NOT_MET);
  }

  @Test
  void evaluateWhenParameterInBothContextsThenTupleValueWins() {
    assertThat(xLessThan.evaluate("x_less_than", Map.of("x", 101), Map.of("x", 10)))
        .isEqualTo(ConditionOutcome.NOT_MET);
    assertThat(xLessThan.evaluate("x_less_than", Map.of("x", 10), Map.of("x", 101)))
        .isEqualTo(ConditionOutcome.MET);
  }

  @Test
  void evaluateWhenTupleHoldsNullThenTupleValueStillWins() {
    Map<String, Object> tuple = new HashMap<>();
    tuple.put("x", null);

    assertThatThrownBy(() -> xLessThan.evaluate("x_less_than", tuple, Map.of("x", 10)))
        .isInstanceOf(FgaValidationException.class)
        .hasMessageContaining("'x'")
        .hasMessageContaining("null");
  }

  @Test
  void evaluateWhenParametersComeFromBothContextsThenMerged() {
    CompiledConditions ip =
        single("ipaddr_in_range", "user_ip.in_cidr(cidr)", "user_ip: ipaddress", "cidr: string");

    assertThat(
            ip.evaluate(
                "ipaddr_in_range",
                Map.of("cidr", "192.168.0.0/24"),
                Map.of("user_ip", "192.168.0.1")))
        .isEqualTo(ConditionOutcome.MET);
    assertThat(
            ip.evaluate(
                "ipaddr_in_range",
                Map.of("cidr", "192.168.0.0/24"),
                Map.of("user_ip", "192.168.1.0")))
        .isEqualTo(ConditionOutcome.NOT_MET);
  }

  @Test
  void evaluateWhenParameterMissingThenReportsIt() {
    assertThat(xLessThan.evaluate("x_less_than", Map.of(), Map.of()))
        .isEqualTo(new ConditionOutcome.MissingParameters(List.of("x")));
  }

  @Test
  void evaluateWhenSomeParametersMissingThenReportsThemEvenIfDecidable() {
    CompiledConditions xy =
        single("condxy", "x < 100 || y < 50 || z == 0", "x: int", "y: int", "z: int");

    assertThat(xy.evaluate("condxy", Map.of(), Map.of("x", 10)))
        .isEqualTo(new ConditionOutcome.MissingParameters(List.of("y", "z")));
  }

  @Test
  void evaluateWhenOtherValueHasWrongTypeThenTypeErrorBeatsMissingParameter() {
    CompiledConditions xy = single("condxy", "x < 100 || y < 50", "x: int", "y: int");

    assertThatThrownBy(() -> xy.evaluate("condxy", Map.of(), Map.of("y", "ten")))
        .isInstanceOf(FgaValidationException.class)
        .hasMessageContaining("'y'");
  }

  @Test
  void evaluateWhenContextHasUndeclaredKeysThenIgnoresThem() {
    assertThat(xLessThan.evaluate("x_less_than", Map.of("y", "z"), Map.of("x", 1, "other", true)))
        .isEqualTo(ConditionOutcome.MET);
  }

  @Test
  void evaluateWhenValueHasWrongTypeThenValidationErrorNamesConditionAndParameter() {
    assertThatThrownBy(() -> xLessThan.evaluate("x_less_than", Map.of(), Map.of("x", "ten")))
        .isInstanceOfSatisfying(
            FgaValidationException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR))
        .hasMessage(
            "parameter type error on condition 'x_less_than': failed to convert context parameter"
                + " 'x': expected an int value, but found invalid string value 'ten'");
  }

  @Test
  void evaluateWhenConditionUnknownThenValidationError() {
    assertThatThrownBy(() -> xLessThan.evaluate("nope", Map.of(), Map.of("x", 1)))
        .isInstanceOfSatisfying(
            FgaValidationException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR))
        .hasMessageContaining("'nope'");
    assertThatThrownBy(() -> CompiledConditions.none().evaluate("nope", Map.of(), Map.of()))
        .isInstanceOf(FgaValidationException.class);
  }

  @Test
  void evaluateWhenRuntimeErrorThenValidationErrorNamesCondition() {
    CompiledConditions cidr = single("in_net", "ip.in_cidr(net)", "ip: ipaddress", "net: string");

    assertThatThrownBy(
            () -> cidr.evaluate("in_net", Map.of(), Map.of("ip", "10.0.0.1", "net", "10.0.0.0")))
        .isInstanceOfSatisfying(
            FgaValidationException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR))
        .hasMessageContaining("failed to evaluate relationship condition 'in_net'")
        .hasMessageContaining("malformed CIDR");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "x + 1 > 0 | x: int | 9223372036854775807",
        "10 / x == 1 | x: int | 0",
        "[1, 2][x] == 1 | x: int | 5",
        "{'a': 1}[s] == 1 | s: string | b",
        "s.matches('[') | s: string | a",
        "int(s) == 1 | s: string | one",
        "ipaddress(s) == ipaddress('1.2.3.4') | s: string | 1.2.3",
        "t + duration('87600000h') > t | t: timestamp | 9999-01-01T00:00:00Z"
      })
  void evaluateWhenExpressionFailsAtRunTimeThenValidationErrorNamesCondition(
      String expression, String parameter, String value) {
    CompiledConditions failing = single("failing", expression, parameter);
    String name = parameter.substring(0, parameter.indexOf(':'));

    assertThatThrownBy(() -> failing.evaluate("failing", Map.of(), Map.of(name, value)))
        .isInstanceOfSatisfying(
            FgaValidationException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR))
        .hasMessageStartingWith("failed to evaluate relationship condition 'failing'");
  }

  @Test
  void evaluateWhenConditionHasNoParametersAndContextGivenThenValidationError() {
    CompiledConditions constant = single("always", "true");

    assertThat(constant.evaluate("always", Map.of(), Map.of())).isEqualTo(ConditionOutcome.MET);
    assertThatThrownBy(() -> constant.evaluate("always", Map.of(), Map.of("x", 1)))
        .isInstanceOf(FgaValidationException.class)
        .hasMessageContaining("no parameters defined");
  }

  @Test
  void compileWhenExpressionHasSyntaxErrorThenInvalidModelNamesCondition() {
    assertThatThrownBy(() -> single("broken", "x <", "x: int"))
        .isInstanceOfSatisfying(
            InvalidModelException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_AUTHORIZATION_MODEL);
              assertThat(e.problems()).singleElement().extracting("symbol").isEqualTo("broken");
            })
        .hasMessageContaining("failed to compile expression on condition 'broken'");
  }

  @Test
  void compileWhenExpressionReferencesUndeclaredParameterThenInvalidModel() {
    assertThatThrownBy(
            () ->
                single(
                    "allowed_ip",
                    "current_ip.in_cidr(\"192.168.0.0/24\") && count < 3",
                    "current_ip: ipaddress"))
        .isInstanceOf(InvalidModelException.class)
        .hasMessageContaining("undeclared reference to 'count'");
  }

  @Test
  void compileWhenParameterIsCalledLikeAFunctionThenInvalidModel() {
    assertThatThrownBy(
            () -> single("allowed_ip", "current_ip(\"192.168.0.0/24\")", "current_ip: ipaddress"))
        .isInstanceOf(InvalidModelException.class);
  }

  @Test
  void compileWhenResultIsNotBoolThenInvalidModel() {
    assertThatThrownBy(() -> single("not_bool", "x + 1", "x: int"))
        .isInstanceOf(InvalidModelException.class)
        .hasMessageContaining("expected a bool condition expression output, but got 'int'");
    assertThatThrownBy(() -> single("dyn", "m[\"key\"]", "m: map<any>"))
        .isInstanceOf(InvalidModelException.class);
  }

  @ParameterizedTest
  @CsvSource({"x > 0.0, int", "x <= 1, double", "x < 1, uint", "x >= 1u, int"})
  void compileWhenNumericTypesMixedThenInvalidModelAsInOpenFga(String expression, String type) {
    assertThatThrownBy(() -> single("mixed", expression, "x: " + type))
        .isInstanceOf(InvalidModelException.class)
        .hasMessageContaining("no matching overload");
  }

  @Test
  void compileWhenListLacksElementTypeThenInvalidModel() {
    ConditionDefinition bad =
        new ConditionDefinition(
            "bad",
            "size(l) > 0",
            Map.of(
                "l",
                new dev.tandem.core.model.ConditionParameterType(
                    dev.tandem.core.model.ConditionParameterType.TypeName.LIST, List.of())));

    assertThatThrownBy(() -> CompiledConditions.compile(Map.of("bad", bad)))
        .isInstanceOf(InvalidModelException.class)
        .hasMessageContaining("parameter 'l'");
  }

  @Test
  void compileWhenSeveralConditionsInvalidThenReportsEach() {
    Map<String, ConditionDefinition> conditions =
        Map.of(
            "ok", condition("ok", "x > 1", "x: int"),
            "bad1", condition("bad1", "y > 1", "x: int"),
            "bad2", condition("bad2", "x >", "x: int"));

    assertThatThrownBy(() -> CompiledConditions.compile(conditions))
        .isInstanceOfSatisfying(
            InvalidModelException.class,
            e ->
                assertThat(e.problems())
                    .extracting("symbol")
                    .containsExactlyInAnyOrder("bad1", "bad2"));
  }

  @Test
  void compileWhenNoConditionsThenNone() {
    assertThat(CompiledConditions.compile(Map.of()).names()).isEmpty();
    assertThat(CompiledConditions.none().contains("x")).isFalse();
    assertThat(xLessThan.contains("x_less_than")).isTrue();
  }

  @Test
  void evaluateWhenCalledFromManyThreadsThenResultsStayCorrect() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results =
          IntStream.range(0, 2_000)
              .mapToObj(
                  i ->
                      pool.submit(
                          () ->
                              xLessThan
                                      .evaluate("x_less_than", Map.of(), Map.of("x", i % 200))
                                      .isMet()
                                  == (i % 200 < 100)))
              .toList();
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
