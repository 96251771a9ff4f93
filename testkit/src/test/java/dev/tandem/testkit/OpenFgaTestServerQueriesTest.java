package dev.tandem.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.internal.http.AdminJson;
import dev.tandem.core.internal.http.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Check, batch check, list objects, list users, read and write over HTTP. */
class OpenFgaTestServerQueriesTest {

  private OpenFgaTestServer server;
  private Http http;
  private TestStore store;

  @BeforeEach
  void start() {
    server = new OpenFgaTestServer().start();
    http = new Http(server.uri());
    SeedFiles.Seed seed =
        SeedFiles.load("classpath:testkit/model.fga", List.of("classpath:testkit/tuples.yaml"));
    store = server.createStore("queries", seed.model(), seed.tuples());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Http.Response post(String operation, String json) {
    return http.post("/stores/" + store.id() + "/" + operation, json);
  }

  private static String check(String object, String relation, String user) {
    return """
        {"tuple_key": {"object": "%s", "relation": "%s", "user": "%s"}}"""
        .formatted(object, relation, user);
  }

  @Test
  void checkAnswersAllowedThroughGroupsAndParents() {
    Http.Response bob = post("check", check("document:roadmap", "viewer", "user:bob"));
    Http.Response eve = post("check", check("document:roadmap", "viewer", "user:eve"));

    assertThat(bob.status()).isEqualTo(200);
    assertThat(bob.json().get("allowed").asBoolean()).isTrue();
    assertThat(eve.json().get("allowed").asBoolean()).isFalse();
  }

  @Test
  void checkEvaluatesConditionsWithTheRequestContext() {
    String before =
        """
        {"tuple_key": {"object": "document:budget", "relation": "editor", "user": "user:carol"},
         "context": {"current_time": "2029-06-01T00:00:00Z"}}""";
    String after = before.replace("2029", "2031");

    assertThat(post("check", before).json().get("allowed").asBoolean()).isTrue();
    assertThat(post("check", after).json().get("allowed").asBoolean()).isFalse();
  }

  @Test
  void checkWhenTheBodyNamesAModelThenUsesThatModelElseTheLatest() {
    String narrower =
        Json.write(
            AdminJson.writeModel(
                dev.tandem.core.model.ModelDsl.parse(
                    """
                    model
                      schema 1.1
                    type user
                    type document
                      relations
                        define owner: [user]
                        define viewer: [user]
                    """)));
    http.writeModel(store.id(), narrower);
    String pinned =
        """
        {"tuple_key": {"object": "document:roadmap", "relation": "viewer", "user": "user:anne"},
         "authorization_model_id": "%s"}"""
            .formatted(store.modelId());

    Http.Response latest = post("check", check("document:roadmap", "viewer", "user:anne"));
    Http.Response first = post("check", pinned);

    assertThat(latest.json().get("allowed").asBoolean()).isFalse();
    assertThat(first.json().get("allowed").asBoolean()).isTrue();
  }

  @Test
  void checkWhenTheRelationIsUnknownThenAnswers400WithOpenFgasErrorCode() {
    Http.Response response = post("check", check("document:roadmap", "approver", "user:anne"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.code()).isEqualTo("validation_error");
    assertThat(response.json().get("message").asString()).contains("approver");
  }

  @Test
  void checkWhenTheModelIdIsUnknownThenAnswers400AuthorizationModelNotFound() {
    String body =
        """
        {"tuple_key": {"object": "document:roadmap", "relation": "viewer", "user": "user:anne"},
         "authorization_model_id": "01ARZ3NDEKTSV4RRFFQ69G5FAV"}""";

    Http.Response response = post("check", body);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.code()).isEqualTo("authorization_model_not_found");
  }

  @Test
  void checkWhenTheStoreHasNoModelThenAnswers400LatestAuthorizationModelNotFound() {
    String empty = http.createStore("empty");

    Http.Response response =
        http.post("/stores/" + empty + "/check", check("document:a", "viewer", "user:b"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.code()).isEqualTo("latest_authorization_model_not_found");
  }

  @Test
  void checkWhenTheStoreIsMissingThenAnswers404StoreIdNotFound() {
    Http.Response response =
        http.post(
            "/stores/" + OpenFgaTestServerStoresTest.MISSING_STORE + "/check",
            check("document:a", "viewer", "user:b"));

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.code()).isEqualTo("store_id_not_found");
  }

  @Test
  void batchCheckAnswersEachItemUnderItsCorrelationIdWithErrorsPerItem() {
    String body =
        """
        {"checks": [
          {"tuple_key": {"object": "document:roadmap", "relation": "viewer", "user": "user:bob"},
           "correlation_id": "bob"},
          {"tuple_key": {"object": "document:roadmap", "relation": "viewer", "user": "user:eve"},
           "correlation_id": "eve"},
          {"tuple_key": {"object": "document:roadmap", "relation": "approver", "user": "user:x"},
           "correlation_id": "bad-relation"}
        ]}""";

    Http.Response response = post("batch-check", body);

    assertThat(response.status()).isEqualTo(200);
    JsonNode result = response.json().get("result");
    assertThat(result.get("bob").get("allowed").asBoolean()).isTrue();
    assertThat(result.get("eve").get("allowed").asBoolean()).isFalse();
    assertThat(result.get("eve").has("error")).isFalse();
    JsonNode error = result.get("bad-relation").get("error");
    assertThat(error.get("input_error").asString()).isEqualTo("validation_error");
    assertThat(error.get("message").asString()).contains("approver");
  }

  @Test
  void batchCheckWhenMoreThanFiftyChecksThenAnswers400() {
    Http.Response fifty = post("batch-check", batch(50, i -> "c" + i));
    Http.Response fiftyOne = post("batch-check", batch(51, i -> "c" + i));

    assertThat(fifty.status()).isEqualTo(200);
    assertThat(fiftyOne.status()).isEqualTo(400);
    assertThat(fiftyOne.code()).isEqualTo("validation_error");
  }

  @Test
  void batchCheckWhenCorrelationIdsRepeatOrAreEmptyThenAnswers400() {
    Http.Response repeated = post("batch-check", batch(2, i -> "same"));
    Http.Response empty = post("batch-check", batch(1, i -> ""));
    Http.Response none = post("batch-check", "{\"checks\": []}");

    assertThat(List.of(repeated, empty, none))
        .allSatisfy(
            response -> {
              assertThat(response.status()).isEqualTo(400);
              assertThat(response.code()).isEqualTo("validation_error");
            });
  }

  private static String batch(int size, java.util.function.IntFunction<String> correlationId) {
    return IntStream.range(0, size)
        .mapToObj(
            i ->
                """
                {"tuple_key": {"object": "document:roadmap", "relation": "viewer", "user": "user:u%d"},
                 "correlation_id": "%s"}"""
                    .formatted(i, correlationId.apply(i)))
        .collect(Collectors.joining(",", "{\"checks\": [", "]}"));
  }

  @Test
  void listObjectsAnswersTheObjectsTheUserHasTheRelationOn() {
    Http.Response response =
        post(
            "list-objects",
            "{\"type\": \"document\", \"relation\": \"viewer\", \"user\": \"user:bob\"}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(strings(response.json().get("objects"))).containsExactly("document:roadmap");
  }

  @Test
  void listUsersAnswersUsersAsOpenFgaUserObjects() {
    String body =
        """
        {"object": {"type": "document", "id": "roadmap"}, "relation": "viewer",
         "user_filters": [{"type": "user"}]}""";

    Http.Response response = post("list-users", body);

    assertThat(response.status()).isEqualTo(200);
    List<String> users = new ArrayList<>();
    response.json().get("users").forEach(u -> users.add(u.get("object").get("id").asString()));
    assertThat(users).containsExactlyInAnyOrder("anne", "bob");
  }

  @Test
  void writeThenReadPagesThroughTheStoredTuples() {
    Http.Response written =
        post(
            "write",
            """
            {"writes": {"tuple_keys": [
              {"object": "document:notes", "relation": "viewer", "user": "user:x1"},
              {"object": "document:notes", "relation": "viewer", "user": "user:x2"},
              {"object": "document:notes", "relation": "viewer", "user": "user:x3"}]}}""");
    assertThat(written.status()).isEqualTo(200);
    assertThat(written.json().isEmpty()).isTrue();

    List<String> users = new ArrayList<>();
    String token = "";
    do {
      JsonNode page =
          post(
                  "read",
                  """
                  {"tuple_key": {"object": "document:notes"}, "page_size": 2,
                   "continuation_token": "%s"}"""
                      .formatted(token))
              .json();
      page.get("tuples").forEach(t -> users.add(t.get("key").get("user").asString()));
      token = page.get("continuation_token").asString();
    } while (!token.isEmpty());

    assertThat(users).containsExactly("user:x1", "user:x2", "user:x3");
  }

  @Test
  void writeWhenTheTupleExistsThenAnswers400UnlessDuplicatesAreIgnored() {
    String tuple =
        "{\"object\": \"document:roadmap\", \"relation\": \"owner\", \"user\": \"user:anne\"}";

    Http.Response strict = post("write", "{\"writes\": {\"tuple_keys\": [" + tuple + "]}}");
    Http.Response lenient =
        post(
            "write",
            "{\"writes\": {\"tuple_keys\": [" + tuple + "], \"on_duplicate\": \"ignore\"}}");
    Http.Response missing =
        post(
            "write",
            "{\"deletes\": {\"tuple_keys\": ["
                + tuple.replace("anne", "zed")
                + "], \"on_missing\": \"ignore\"}}");

    assertThat(strict.status()).isEqualTo(400);
    assertThat(strict.code()).isEqualTo("write_failed_due_to_invalid_input");
    assertThat(lenient.status()).isEqualTo(200);
    assertThat(missing.status()).isEqualTo(200);
  }

  @Test
  void writeWithoutTuplesThenAnswers400InvalidWriteInput() {
    Http.Response response = post("write", "{}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.code()).isEqualTo("invalid_write_input");
  }

  @Test
  void readWhenThePageSizeIsOutOfRangeThenAnswers400PageSizeInvalid() {
    Http.Response response = post("read", "{\"page_size\": 101}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.code()).isEqualTo("page_size_invalid");
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asString()));
    return values;
  }
}
