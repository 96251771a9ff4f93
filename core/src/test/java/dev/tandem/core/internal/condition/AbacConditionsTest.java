package dev.tandem.core.internal.condition;

import static dev.tandem.core.internal.condition.TestConditions.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.core.FgaValidationException;
import dev.tandem.core.model.ConditionDefinition;
import dev.tandem.core.testing.ConformanceData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The conditions and condition semantics of OpenFGA's {@code abac_tests.yaml}. */
class AbacConditionsTest {

  private static final String ABAC = "openfga/abac_tests.yaml";

  private static final Pattern CONDITION =
      Pattern.compile("condition\\s+(\\w+)\\s*\\(([^)]*)\\)\\s*\\{(.*?)\\}", Pattern.DOTALL);

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every condition block of every stage model, deduplicated. */
  private static List<ConditionDefinition> conditionsInModels() {
    Map<String, ConditionDefinition> found = new LinkedHashMap<>();
    for (JsonNode test : ConformanceData.yaml(ABAC).get("tests")) {
      for (JsonNode stage : test.get("stages")) {
        Matcher matcher = CONDITION.matcher(stage.get("model").asString());
        while (matcher.find()) {
          String[] parameters =
              matcher.group(2).isBlank() ? new String[0] : matcher.group(2).split(",");
          ConditionDefinition definition =
              TestConditions.condition(matcher.group(1), matcher.group(3).trim(), parameters);
          found.putIfAbsent(definition.toString(), definition);
        }
      }
    }
    return List.copyOf(found.values());
  }

  @Test
  void compileWhenConditionsOfAbacTestsThenAllCompile() {
    List<ConditionDefinition> definitions = conditionsInModels();

    assertThat(definitions)
        .extracting(ConditionDefinition::name)
        .contains(
            "x_less_than",
            "ts_less_than",
            "ipaddr_in_range",
            "condx",
            "condy",
            "xcond",
            "ycond",
            "str_cond",
            "condxy",
            "oldcondition",
            "newcondition",
            "condfloat");
    for (ConditionDefinition definition : definitions) {
      assertThat(CompiledConditions.compile(Map.of(definition.name(), definition)).names())
          .as(definition.toString())
          .containsExactly(definition.name());
    }
  }

  /**
   * Replays the check assertions of every stage that holds a single conditional tuple and asks
   * about that tuple: there the check result is the condition outcome, with missing parameters
   * reported as error 2000 like a failed conversion.
   */
  @Test
  void evaluateWhenAbacCheckAssertionsOnSingleConditionalTupleThenSameOutcome() {
    int replayed = 0;
    for (JsonNode test : ConformanceData.yaml(ABAC).get("tests")) {
      for (JsonNode stage : test.get("stages")) {
        JsonNode tuples = stage.path("tuples");
        if (tuples.size() != 1 || tuples.get(0).path("condition").isMissingNode()) {
          continue;
        }
        JsonNode tuple = tuples.get(0);
        CompiledConditions conditions = compileModel(stage.get("model").asString());
        String condition = tuple.get("condition").get("name").asString();
        for (JsonNode assertion : stage.path("checkAssertions")) {
          if (!sameTuple(assertion.get("tuple"), tuple)
              || !assertion.path("contextualTuples").isEmpty()) {
            continue;
          }
          String description = test.get("name").asString() + " " + assertion;
          Map<String, Object> tupleContext = toMap(tuple.get("condition").path("context"));
          Map<String, Object> requestContext = toMap(assertion.path("context"));
          Object result = outcomeOrError(conditions, condition, tupleContext, requestContext);
          if (assertion.path("errorCode").asInt(0) == 2000) {
            assertThat(result)
                .as(description)
                .isInstanceOfAny(
                    ConditionOutcome.MissingParameters.class, FgaValidationException.class);
          } else {
            boolean expected = assertion.path("expectation").asBoolean(false);
            assertThat(result).as(description).isEqualTo(ConditionOutcome.of(expected));
          }
          replayed++;
        }
      }
    }
    assertThat(replayed).isGreaterThanOrEqualTo(18);
  }

  @Test
  void evaluateWhenTimestampBeforeLimitThenMetAsInTsLessThan() {
    CompiledConditions ts =
        single("ts_less_than", "ts < timestamp(\"2023-10-11T10:00:00.000Z\")", "ts: timestamp");

    assertThat(ts.evaluate("ts_less_than", Map.of(), Map.of("ts", "2023-10-11T09:00:00.000Z")))
        .isEqualTo(ConditionOutcome.MET);
    assertThat(ts.evaluate("ts_less_than", Map.of(), Map.of("ts", "2023-10-11T10:00:00.000Z")))
        .isEqualTo(ConditionOutcome.NOT_MET);
    assertThat(ts.evaluate("ts_less_than", Map.of(), Map.of()))
        .isEqualTo(new ConditionOutcome.MissingParameters(List.of("ts")));
  }

  @Test
  void evaluateWhenCidrStoredInTupleAndIpInRequestThenInCidrDecides() {
    CompiledConditions ip =
        single("ipaddr_in_range", "user_ip.in_cidr(cidr)", "user_ip: ipaddress", "cidr: string");
    Map<String, Object> stored = Map.of("cidr", "192.168.0.0/24");

    assertThat(ip.evaluate("ipaddr_in_range", stored, Map.of("user_ip", "192.168.0.1")))
        .isEqualTo(ConditionOutcome.MET);
    assertThat(ip.evaluate("ipaddr_in_range", stored, Map.of("user_ip", "192.168.1.0")))
        .isEqualTo(ConditionOutcome.NOT_MET);
    assertThat(ip.evaluate("ipaddr_in_range", stored, Map.of()))
        .isEqualTo(new ConditionOutcome.MissingParameters(List.of("user_ip")));
  }

  @Test
  void evaluateWhenRequestCarriesParameterOfAnotherConditionThenOtherIsMissing() {
    CompiledConditions model =
        compileModel(
            "condition str_cond(s: string) {\n  s == \"hello\"\n}\n"
                + "condition xcond(x: int) {\n  x == 10\n}\n");

    assertThat(model.evaluate("str_cond", Map.of(), Map.of("s", "hello")))
        .isEqualTo(ConditionOutcome.MET);
    assertThat(model.evaluate("xcond", Map.of(), Map.of("s", "hello")))
        .isEqualTo(new ConditionOutcome.MissingParameters(List.of("x")));
    assertThat(model.evaluate("xcond", Map.of(), Map.of("x", 15)))
        .isEqualTo(ConditionOutcome.NOT_MET);
  }

  @Test
  void evaluateWhenFloatTooLargeForDoubleThenValidationError() {
    CompiledConditions condfloat = single("condfloat", "x > 0.0", "x: double");

    assertThatThrownBy(
            () ->
                condfloat.evaluate(
                    "condfloat",
                    Map.of(),
                    Map.of("x", "1.79769313486231570814527423731704356798070e+309")))
        .isInstanceOf(FgaValidationException.class)
        .hasMessageContaining("'x'");
  }

  private static CompiledConditions compileModel(String model) {
    Map<String, ConditionDefinition> conditions = new LinkedHashMap<>();
    Matcher matcher = CONDITION.matcher(model);
    while (matcher.find()) {
      conditions.put(
          matcher.group(1),
          TestConditions.condition(
              matcher.group(1), matcher.group(3).trim(), matcher.group(2).split(",")));
    }
    return CompiledConditions.compile(conditions);
  }

  private static boolean sameTuple(JsonNode asked, JsonNode stored) {
    return List.of("object", "relation", "user").stream()
        .allMatch(field -> asked.get(field).asString().equals(stored.get(field).asString()));
  }

  private static Object outcomeOrError(
      CompiledConditions conditions,
      String condition,
      Map<String, Object> tupleContext,
      Map<String, Object> requestContext) {
    try {
      return conditions.evaluate(condition, tupleContext, requestContext);
    } catch (FgaValidationException e) {
      return e;
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> toMap(JsonNode context) {
    if (context.isMissingNode() || context.isNull()) {
      return Map.of();
    }
    return JSON.convertValue(context, Map.class);
  }
}
