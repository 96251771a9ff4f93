package dev.tandem.core.conformance;

import dev.tandem.core.testing.ConformanceData;
import dev.tandem.core.tuple.TupleCondition;
import dev.tandem.core.tuple.TupleKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * OpenFGA's conformance YAML ({@code consolidated_1_1_tests.yaml}, {@code abac_tests.yaml}) read
 * into records, following the schema described in {@code ../shared/conformance/openfga/SOURCE.md}.
 */
public final class ConformanceSuite {

  /** One named test: stages run in order against one store. */
  public record Case(String name, List<Stage> stages) {}

  /** A model, the tuples written with it, and assertions. */
  public record Stage(
      String model,
      List<TupleKey> tuples,
      List<CheckAssertion> checks,
      List<ListObjectsAssertion> listObjects,
      List<ListUsersAssertion> listUsers) {}

  /** What a request carries besides its key. */
  public record Extras(List<TupleKey> contextualTuples, Map<String, Object> context) {
    Extras plus(List<TupleKey> more) {
      List<TupleKey> all = new ArrayList<>(contextualTuples);
      all.addAll(more);
      return new Extras(all, context);
    }
  }

  /** A check and its expected answer or error code (0 when none). */
  public record CheckAssertion(
      String object,
      String relation,
      String user,
      Extras extras,
      boolean expectation,
      int errorCode) {}

  /** A list-objects request and its expected objects or error code. */
  public record ListObjectsAssertion(
      String type,
      String relation,
      String user,
      Extras extras,
      Set<String> expectation,
      int errorCode) {}

  /** A list-users request and its expected users or error code. */
  public record ListUsersAssertion(
      String object,
      String relation,
      List<String> filters,
      Extras extras,
      Set<String> expectation,
      int errorCode) {}

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private ConformanceSuite() {}

  /** Every case of one conformance file, e.g. {@code openfga/consolidated_1_1_tests.yaml}. */
  public static List<Case> load(String relativePath) {
    List<Case> cases = new ArrayList<>();
    for (JsonNode test : ConformanceData.yaml(relativePath).get("tests")) {
      List<Stage> stages = new ArrayList<>();
      for (JsonNode stage : test.get("stages")) {
        stages.add(stage(stage));
      }
      cases.add(new Case(test.get("name").asString(), stages));
    }
    return cases;
  }

  private static Stage stage(JsonNode stage) {
    List<CheckAssertion> checks = new ArrayList<>();
    for (JsonNode a : each(stage.get("checkAssertions"))) {
      JsonNode t = a.get("tuple");
      checks.add(
          new CheckAssertion(
              text(t, "object"),
              text(t, "relation"),
              text(t, "user"),
              extras(a),
              bool(a.get("expectation")),
              errorCode(a)));
    }
    List<ListObjectsAssertion> listObjects = new ArrayList<>();
    for (JsonNode a : each(stage.get("listObjectsAssertions"))) {
      JsonNode r = a.get("request");
      listObjects.add(
          new ListObjectsAssertion(
              text(r, "type"),
              text(r, "relation"),
              text(r, "user"),
              extras(a),
              strings(a.get("expectation")),
              errorCode(a)));
    }
    List<ListUsersAssertion> listUsers = new ArrayList<>();
    for (JsonNode a : each(stage.get("listUsersAssertions"))) {
      JsonNode r = a.get("request");
      listUsers.add(
          new ListUsersAssertion(
              text(r, "object"),
              text(r, "relation"),
              List.copyOf(strings(r.get("filters"))),
              extras(a),
              strings(a.get("expectation")),
              errorCode(a)));
    }
    return new Stage(
        stage.get("model").asString(), tuples(stage.get("tuples")), checks, listObjects, listUsers);
  }

  private static Extras extras(JsonNode assertion) {
    JsonNode context = assertion.get("context");
    Map<String, Object> values = context == null || context.isNull() ? Map.of() : map(context);
    return new Extras(tuples(assertion.get("contextualTuples")), values);
  }

  static List<TupleKey> tuples(@Nullable JsonNode node) {
    List<TupleKey> tuples = new ArrayList<>();
    for (JsonNode t : each(node)) {
      JsonNode condition = t.get("condition");
      TupleCondition tupleCondition = null;
      if (condition != null && !condition.isNull()) {
        JsonNode context = condition.get("context");
        tupleCondition =
            new TupleCondition(
                text(condition, "name"),
                context == null || context.isNull() ? Map.of() : map(context));
      }
      tuples.add(
          new TupleKey(text(t, "object"), text(t, "relation"), text(t, "user"), tupleCondition));
    }
    return tuples;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(JsonNode node) {
    return new LinkedHashMap<String, Object>(JSON.convertValue(node, Map.class));
  }

  /** A YAML 1.1 boolean, as upstream's Go YAML reads it ({@code true}, {@code True}, ...). */
  private static boolean bool(@Nullable JsonNode node) {
    if (node == null || node.isNull()) {
      return false;
    }
    return node.isBoolean() ? node.asBoolean() : node.asString().equalsIgnoreCase("true");
  }

  private static int errorCode(JsonNode assertion) {
    JsonNode code = assertion.get("errorCode");
    return code == null || code.isNull() ? 0 : code.asInt();
  }

  private static Set<String> strings(@Nullable JsonNode node) {
    Set<String> values = new TreeSet<>();
    for (JsonNode value : each(node)) {
      values.add(value.asString());
    }
    return values;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? "" : value.asString();
  }

  private static Iterable<JsonNode> each(@Nullable JsonNode node) {
    return node == null || node.isNull() ? List.of() : node;
  }
}
