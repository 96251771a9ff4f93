package dev.tandem.core.tuple;

import static dev.tandem.core.tuple.TestModels.butNot;
import static dev.tandem.core.tuple.TestModels.direct;
import static dev.tandem.core.tuple.TestModels.from;
import static dev.tandem.core.tuple.TestModels.model;
import static dev.tandem.core.tuple.TestModels.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tandem.core.FgaValidationException;
import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.testing.ConformanceData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Replays the assertions of OpenFGA's {@code consolidated_1_1_tests.yaml} that expect a validation
 * error (codes 2000, 2021, 2022, 2027) against {@link TupleValidator}, with the stage models
 * written by hand. Requests and expected codes are read from the YAML itself; assertions of the
 * same stages that expect no error must pass validation. Single-stage tests run a second time with
 * the stage's tuples sent as contextual tuples, as upstream's harness does.
 *
 * <p>Not replayed here: 2002 (resolution too complex) is the engine's; the 2000s of {@code
 * abac_tests.yaml} come from evaluating conditions (missing parameters, overflowing numbers), not
 * from validating the request.
 */
class ConformanceValidationCasesTest {

  private static final String FILE = "openfga/consolidated_1_1_tests.yaml";
  private static final Set<Integer> VALIDATION_CODES = Set.of(2000, 2021, 2022, 2027);

  private static final String USER_ONLY = "model\n  schema 1.1\ntype user";
  private static final String DOCUMENT_VIEWER =
      USER_ONLY + "\ntype document\n  relations\n    define viewer: [user]";
  private static final String REPO_BUT_NOT =
      USER_ONLY
          + "\ntype repo\n  relations\n    define blocked: [user]\n"
          + "    define owner: [user] but not blocked";
  private static final String REPO_DIRECT =
      USER_ONLY + "\ntype repo\n  relations\n    define owner: [user]";

  private record HandModel(String dsl, AuthorizationModel model) {}

  private static final Map<String, HandModel> MODELS = new LinkedHashMap<>();

  static {
    HandModel documentViewer =
        new HandModel(
            DOCUMENT_VIEWER, model(type("user"), type("document", direct("viewer", "user"))));
    HandModel repoButNot =
        new HandModel(
            REPO_BUT_NOT,
            model(
                type("user"),
                type("repo", direct("blocked", "user"), butNot("owner", "blocked", "user"))));
    HandModel repoDirect =
        new HandModel(REPO_DIRECT, model(type("user"), type("repo", direct("owner", "user"))));
    MODELS.put("validation_relation_not_in_model/0", new HandModel(USER_ONLY, model(type("user"))));
    for (String name :
        List.of(
            "validation_type_not_in_model",
            "validation_user_type_not_in_model",
            "validation_userset_type_not_in_model",
            "validation_userset_relation_not_in_model",
            "validation_user_invalid",
            "validation_invalid_object_type_in_contextual_tuple",
            "validation_invalid_relation_in_contextual_tuple",
            "validation_invalid_user_in_contextual_tuple",
            "validation_invalid_wildcard_in_contextual_tuple")) {
      MODELS.put(name + "/0", documentViewer);
    }
    MODELS.put(
        "validation_invalid_userset_in_contextual_tuple/0",
        new HandModel(
            USER_ONLY
                + "\ntype group\n  relations\n    define member: [user]"
                + "\ntype document\n  relations\n    define viewer: [user, group#member]",
            model(
                type("user"),
                type("group", direct("member", "user")),
                type("document", direct("viewer", "user", "group#member")))));
    MODELS.put(
        "val_contextual_tuples_and_wildcard_in_ttu_evaluation/0",
        new HandModel(
            USER_ONLY
                + "\ntype folder\n  relations\n    define viewer: [user]"
                + "\ntype document\n  relations\n    define parent: [folder]\n"
                + "    define viewer: viewer from parent",
            model(
                type("user"),
                type("folder", direct("viewer", "user")),
                type("document", direct("parent", "folder"), from("viewer", "viewer", "parent")))));
    MODELS.put(
        "error_if_contextual_tuples_do_not_follow_type_restrictions/0",
        new HandModel(
            REPO_BUT_NOT
                + "\ntype organization\n  relations\n    define blocked: [user]\n"
                + "    define owner: [user] but not blocked",
            model(
                type("user"),
                type("repo", direct("blocked", "user"), butNot("owner", "blocked", "user")),
                type(
                    "organization",
                    direct("blocked", "user"),
                    butNot("owner", "blocked", "user")))));
    MODELS.put(
        "error_if_contextual_tuples_do_not_follow_type_restrictions/1",
        new HandModel(
            REPO_DIRECT + "\ntype organization\n  relations\n    define owner: [user]",
            model(
                type("user"),
                type("repo", direct("owner", "user")),
                type("organization", direct("owner", "user")))));
    for (String name :
        List.of(
            "list_objects_error_if_unknown_type_in_request",
            "list_objects_error_if_unknown_relation_in_request")) {
      MODELS.put(name + "/0", repoButNot);
      MODELS.put(name + "/1", repoDirect);
    }
  }

  @Test
  void everyValidationErrorOfTheSuiteHasAHandWrittenModel() {
    Set<String> needed = new TreeSet<>();
    forEachStage(
        (test, index, stage) -> {
          for (Assertion assertion : assertions(stage, List.of())) {
            if (assertion.errorCode() != null && VALIDATION_CODES.contains(assertion.errorCode())) {
              needed.add(test.get("name").asString() + "/" + index);
            }
          }
        });
    assertThat(MODELS.keySet()).containsExactlyInAnyOrderElementsOf(needed);
  }

  @Test
  void handWrittenModelsAreForTheDslOfTheirStage() {
    forEachStage(
        (test, index, stage) -> {
          HandModel hand = MODELS.get(test.get("name").asString() + "/" + index);
          if (hand != null) {
            assertThat(stage.get("model").asString().strip()).isEqualTo(hand.dsl());
          }
        });
  }

  @TestFactory
  Stream<DynamicTest> assertionsOfStagesWithValidationErrors() {
    List<DynamicTest> tests = new ArrayList<>();
    forEachStage(
        (test, index, stage) -> {
          String key = test.get("name").asString() + "/" + index;
          HandModel hand = MODELS.get(key);
          if (hand == null) {
            return;
          }
          for (Assertion assertion : assertions(stage, List.of())) {
            tests.add(dynamicTest(key, assertion, hand.model()));
          }
          List<TupleKey> stageTuples = tuples(stage.get("tuples"));
          if (test.get("stages").size() == 1) {
            for (Assertion assertion : assertions(stage, stageTuples)) {
              tests.add(dynamicTest(key + "_ctxTuples", assertion, hand.model()));
            }
          }
        });
    assertThat(tests).hasSizeGreaterThanOrEqualTo(42);
    return tests.stream();
  }

  private static DynamicTest dynamicTest(
      String key, Assertion assertion, AuthorizationModel model) {
    String name =
        key
            + " "
            + assertion.description()
            + (assertion.errorCode() == null ? " passes" : " -> " + assertion.errorCode());
    return DynamicTest.dynamicTest(
        name,
        () -> {
          if (assertion.errorCode() == null) {
            assertThatCode(() -> assertion.validate(model)).doesNotThrowAnyException();
          } else {
            FgaValidationException e =
                catchThrowableOfType(FgaValidationException.class, () -> assertion.validate(model));
            assertThat(e).as("expected error %s", assertion.errorCode()).isNotNull();
            assertThat(e.code().number()).as(e.getMessage()).isEqualTo(assertion.errorCode());
          }
        });
  }

  /** One assertion of a stage, as a call to the validator. */
  private record Assertion(String description, @Nullable Integer errorCode, Validation validation) {
    void validate(AuthorizationModel model) {
      validation.run(model);
    }
  }

  @FunctionalInterface
  private interface Validation {
    void run(AuthorizationModel model);
  }

  private static List<Assertion> assertions(JsonNode stage, List<TupleKey> extra) {
    List<Assertion> out = new ArrayList<>();
    for (JsonNode a : stage.path("checkAssertions")) {
      JsonNode t = a.get("tuple");
      List<TupleKey> context = withExtra(a, extra);
      out.add(
          new Assertion(
              "check "
                  + t.get("object").asString()
                  + "#"
                  + t.get("relation").asString()
                  + "@"
                  + t.get("user").asString(),
              code(a),
              m ->
                  TupleValidator.validateCheckRequest(
                      m,
                      t.get("object").asString(),
                      t.get("relation").asString(),
                      t.get("user").asString(),
                      context)));
    }
    for (JsonNode a : stage.path("listObjectsAssertions")) {
      JsonNode r = a.get("request");
      List<TupleKey> context = withExtra(a, extra);
      out.add(
          new Assertion(
              "listObjects "
                  + r.get("type").asString()
                  + "#"
                  + r.get("relation").asString()
                  + "@"
                  + r.get("user").asString(),
              code(a),
              m ->
                  TupleValidator.validateListObjectsRequest(
                      m,
                      r.get("type").asString(),
                      r.get("relation").asString(),
                      r.get("user").asString(),
                      context)));
    }
    for (JsonNode a : stage.path("listUsersAssertions")) {
      JsonNode r = a.get("request");
      List<String> filters = new ArrayList<>();
      r.get("filters").forEach(f -> filters.add(f.asString()));
      List<TupleKey> context = withExtra(a, extra);
      out.add(
          new Assertion(
              "listUsers "
                  + r.get("object").asString()
                  + "#"
                  + r.get("relation").asString()
                  + " "
                  + filters,
              code(a),
              m ->
                  TupleValidator.validateListUsersRequest(
                      m,
                      r.get("object").asString(),
                      r.get("relation").asString(),
                      filters,
                      context)));
    }
    return out;
  }

  private static @Nullable Integer code(JsonNode assertion) {
    JsonNode code = assertion.get("errorCode");
    return code == null || code.asInt() == 0 ? null : code.asInt();
  }

  private static List<TupleKey> withExtra(JsonNode assertion, List<TupleKey> extra) {
    List<TupleKey> all = new ArrayList<>(tuples(assertion.get("contextualTuples")));
    all.addAll(extra);
    return all;
  }

  private static List<TupleKey> tuples(@Nullable JsonNode nodes) {
    List<TupleKey> tuples = new ArrayList<>();
    if (nodes == null || nodes.isNull()) {
      return tuples;
    }
    for (JsonNode n : nodes) {
      JsonNode condition = n.get("condition");
      tuples.add(
          new TupleKey(
              n.get("object").asString(),
              n.get("relation").asString(),
              n.get("user").asString(),
              condition == null
                  ? null
                  : new TupleCondition(condition.get("name").asString(), context(condition))));
    }
    return tuples;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> context(JsonNode condition) {
    JsonNode context = condition.get("context");
    return context == null || context.isNull()
        ? Map.of()
        : ConformanceJson.MAPPER.convertValue(context, Map.class);
  }

  @FunctionalInterface
  private interface StageVisitor {
    void visit(JsonNode test, int index, JsonNode stage);
  }

  private static void forEachStage(StageVisitor visitor) {
    for (JsonNode test : ConformanceData.yaml(FILE).get("tests")) {
      int index = 0;
      for (JsonNode stage : test.get("stages")) {
        visitor.visit(test, index++, stage);
      }
    }
  }

  /** Jackson, to turn a YAML context into plain Java values. */
  private static final class ConformanceJson {
    static final tools.jackson.databind.ObjectMapper MAPPER =
        tools.jackson.databind.json.JsonMapper.builder().build();
  }
}
