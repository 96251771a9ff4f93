package dev.tandem.core.internal.condition;

import static dev.tandem.core.internal.condition.TestConditions.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.core.FgaValidationException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Conversion of context values to {@code list<T>}, {@code map<T>} and {@code any}. */
class GenericParameterTypesTest {

  private static ConditionOutcome evaluate(String type, String expression, @Nullable Object value) {
    Map<String, @Nullable Object> context = new HashMap<>();
    context.put("p", value);
    return single("c", expression, "p: " + type).evaluate("c", Map.of(), context);
  }

  @Test
  void evaluateWhenListOfStringsThenMacrosAndIndexingWork() {
    String expression =
        "\"1\" in p && p[0] != \"\" && p.exists(x, x > \"\") && p.exists_one(x, x == \"1\")"
            + " && p.all(x, x > \"\") && size(p) == 2";

    assertThat(evaluate("list<string>", expression, List.of("1", "2")))
        .isEqualTo(ConditionOutcome.MET);
  }

  @Test
  void evaluateWhenListOfIntsGivenAsJsonNumbersThenTheyAreInts() {
    assertThat(evaluate("list<int>", "p.all(x, x > 0) && 2 in p", List.of(1, 2L, 3.0)))
        .isEqualTo(ConditionOutcome.MET);
  }

  @Test
  void evaluateWhenListOfIpAddressesThenItemsAreParsed() {
    assertThat(
            evaluate(
                "list<ipaddress>",
                "p.exists(ip, ip.in_cidr(\"10.0.0.0/8\"))",
                List.of("192.168.0.1", "10.2.3.4")))
        .isEqualTo(ConditionOutcome.MET);
  }

  @Test
  void evaluateWhenNestedListThenEachLevelConverted() {
    assertThat(evaluate("list<list<int>>", "p[1][0] == 3", List.of(List.of(1, 2), List.of(3))))
        .isEqualTo(ConditionOutcome.MET);
  }

  @Test
  void evaluateWhenListItemHasWrongTypeThenErrorNamesParameterAndIndex() {
    assertThatThrownBy(() -> evaluate("list<int>", "size(p) > 0", List.of(1, "two")))
        .isInstanceOf(FgaValidationException.class)
        .hasMessageContaining("parameter 'p'")
        .hasMessageContaining("invalid list item at index 1");
    assertThatThrownBy(() -> evaluate("list<string>", "size(p) > 0", Arrays.asList("a", null)))
        .isInstanceOf(FgaValidationException.class)
        .hasMessageContaining("index 1");
  }

  @Test
  void evaluateWhenListExpectedButMapGivenThenValidationError() {
    assertThatThrownBy(() -> evaluate("list<string>", "size(p) > 0", Map.of("a", "b")))
        .isInstanceOf(FgaValidationException.class)
        .hasMessageContaining("expected a list, but found a map");
  }

  @Test
  void evaluateWhenMapOfStringsThenKeysAndValuesWork() {
    assertThat(
            evaluate(
                "map<string>",
                "\"key\" in p && p[\"key\"] > \"\" && p.key == \"v\"",
                Map.of("key", "v")))
        .isEqualTo(ConditionOutcome.MET);
  }

  @Test
  void evaluateWhenMapOfTimestampsThenValuesAreTimestamps() {
    assertThat(
            evaluate(
                "map<timestamp>",
                "p.start < p.end",
                Map.of("start", "2024-01-01T00:00:00Z", "end", "2024-01-02T00:00:00Z")))
        .isEqualTo(ConditionOutcome.MET);
  }

  @Test
  void evaluateWhenMapOfListsThenNestedValuesConverted() {
    assertThat(
            evaluate(
                "map<list<uint>>",
                "p.a[0] == 1u && size(p.b) == 0",
                Map.of("a", List.of(1), "b", List.of())))
        .isEqualTo(ConditionOutcome.MET);
  }

  @Test
  void evaluateWhenMapValueHasWrongTypeThenErrorNamesParameterAndKey() {
    assertThatThrownBy(() -> evaluate("map<int>", "size(p) > 0", Map.of("count", "many")))
        .isInstanceOf(FgaValidationException.class)
        .hasMessageContaining("parameter 'p'")
        .hasMessageContaining("invalid value for key 'count'");
  }

  @Test
  void evaluateWhenMapExpectedButListGivenThenValidationError() {
    assertThatThrownBy(() -> evaluate("map<string>", "size(p) > 0", List.of("a")))
        .isInstanceOf(FgaValidationException.class)
        .hasMessageContaining("expected a map, but found a list");
  }

  @Test
  void evaluateWhenAnyHoldsJsonObjectThenFieldsAreReachable() {
    Map<String, Object> user =
        Map.of("favoriteColor", "blue", "age", 42, "tags", List.of("a", "b"), "admin", true);

    assertThat(
            evaluate(
                "any",
                "p.favoriteColor == \"blue\" && p.age > 40 && p.age == 42"
                    + " && \"b\" in p.tags && p.admin",
                user))
        .isEqualTo(ConditionOutcome.MET);
  }

  @Test
  void evaluateWhenAnyHoldsNumberThenItIsADoubleAsInOpenFga() {
    assertThat(evaluate("any", "p == 3.0 && p > 2 && type(p) == double", 3))
        .isEqualTo(ConditionOutcome.MET);
  }

  @Test
  void evaluateWhenAnyHoldsNullThenItIsCelNull() {
    assertThat(evaluate("any", "p == null", null)).isEqualTo(ConditionOutcome.MET);
  }

  @Test
  void evaluateWhenMapOfAnyThenValuesKeepTheirJsonShape() {
    Map<String, Object> value = new HashMap<>();
    value.put("n", null);
    value.put("s", "x");
    value.put("l", List.of(1, Map.of("k", 2)));

    assertThat(evaluate("map<any>", "p.n == null && p.s == \"x\" && p.l[1].k == 2", value))
        .isEqualTo(ConditionOutcome.MET);
  }

  @Test
  void evaluateWhenAnyArithmeticMixesDoubleAndIntThenFailsAsInOpenFga() {
    assertThatThrownBy(() -> evaluate("any", "p + 1 > 2", 2))
        .isInstanceOf(FgaValidationException.class)
        .hasMessageContaining("failed to evaluate relationship condition 'c'");
  }
}
