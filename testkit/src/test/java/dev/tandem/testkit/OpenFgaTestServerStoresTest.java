package dev.tandem.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.internal.http.AdminJson;
import dev.tandem.core.internal.http.Json;
import dev.tandem.core.model.ModelJson;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The store and authorization-model endpoints, and how the server answers what it cannot route. */
class OpenFgaTestServerStoresTest {

  static final String MISSING_STORE = "01ARZ3NDEKTSV4RRFFQ69G5FAV";

  private OpenFgaTestServer server;
  private Http http;

  @BeforeEach
  void start() {
    server = new OpenFgaTestServer().start();
    http = new Http(server.uri());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void createStoreWhenPostedThenAnswers201WithTheStore() {
    Http.Response response = http.post("/stores", "{\"name\": \"demo\"}");

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.contentType()).contains("application/json");
    JsonNode store = response.json();
    assertThat(store.get("name").asString()).isEqualTo("demo");
    assertThat(store.get("id").asString()).matches("[0-9A-Z]{26}");
    assertThat(store.has("created_at")).isTrue();
    assertThat(store.has("updated_at")).isTrue();
    assertThat(server.stores().get(store.get("id").asString()).name()).isEqualTo("demo");
  }

  @Test
  void createStoreWhenNameIsMissingThenAnswers400ValidationError() {
    Http.Response response = http.post("/stores", "{}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.code()).isEqualTo("validation_error");
  }

  @Test
  void getStoreWhenPresentThenAnswers200WithTheStore() {
    String id = http.createStore("demo");

    Http.Response response = http.get("/stores/" + id);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("id").asString()).isEqualTo(id);
  }

  @Test
  void getStoreWhenMissingThenAnswers404StoreIdNotFound() {
    Http.Response response = http.get("/stores/" + MISSING_STORE);

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.code()).isEqualTo("store_id_not_found");
    assertThat(response.json().get("message").asString()).contains(MISSING_STORE);
  }

  @Test
  void getStoreWhenIdIsNotAUlidThenAnswers400ValidationError() {
    Http.Response response = http.get("/stores/not-a-store");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.code()).isEqualTo("validation_error");
  }

  @Test
  void deleteStoreThenAnswers204AndTheStoreIsGone() {
    String id = http.createStore("demo");

    Http.Response response = http.delete("/stores/" + id);

    assertThat(response.status()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
    assertThat(http.get("/stores/" + id).status()).isEqualTo(404);
    assertThat(http.delete("/stores/" + id).status()).isEqualTo(404);
  }

  @Test
  void listStoresPagesThroughEveryStoreWithContinuationTokens() {
    List<String> created =
        List.of(http.createStore("a"), http.createStore("b"), http.createStore("c"));

    List<String> listed = new ArrayList<>();
    String token = "";
    int pages = 0;
    do {
      JsonNode page = http.get("/stores?page_size=2&continuation_token=" + token).json();
      page.get("stores").forEach(store -> listed.add(store.get("id").asString()));
      token = page.get("continuation_token").asString();
      pages++;
    } while (!token.isEmpty());

    assertThat(listed).containsExactlyElementsOf(created);
    assertThat(pages).isEqualTo(2);
  }

  @Test
  void listStoresWhenNameIsGivenThenListsOnlyStoresOfThatName() {
    http.createStore("a");
    String b = http.createStore("b");

    JsonNode stores = http.get("/stores?name=b").json().get("stores");

    assertThat(stores).hasSize(1);
    assertThat(stores.get(0).get("id").asString()).isEqualTo(b);
  }

  @Test
  void listStoresWhenPageSizeIsOutOfRangeThenAnswers400PageSizeInvalid() {
    Http.Response response = http.get("/stores?page_size=101");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.code()).isEqualTo("page_size_invalid");
  }

  @Test
  void listStoresWhenTokenIsForeignThenAnswers400InvalidContinuationToken() {
    Http.Response response = http.get("/stores?continuation_token=bm90LWFuLWlk");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.code()).isEqualTo("invalid_continuation_token");
  }

  @Test
  void writeModelThenAnswers201WithItsIdAndReadsItBack() {
    String store = http.createStore("demo");
    String json = Json.write(AdminJson.writeModel(SeedFiles.model("classpath:testkit/model.fga")));

    Http.Response written = http.post("/stores/" + store + "/authorization-models", json);

    assertThat(written.status()).isEqualTo(201);
    String id = written.json().get("authorization_model_id").asString();
    Http.Response read = http.get("/stores/" + store + "/authorization-models/" + id);
    assertThat(read.status()).isEqualTo(200);
    JsonNode model = read.json().get("authorization_model");
    assertThat(model.get("id").asString()).isEqualTo(id);
    assertThat(ModelJson.fromTree(model)).isEqualTo(server.stores().model(store, id));
  }

  @Test
  void readModelsListsTheVersionsNewestFirst() {
    String store = http.createStore("demo");
    String model =
        Json.write(AdminJson.writeModel(SeedFiles.model("classpath:testkit/model.json")));
    String first = http.writeModel(store, model);
    String second = http.writeModel(store, model);

    JsonNode page = http.get("/stores/" + store + "/authorization-models").json();

    List<String> ids = new ArrayList<>();
    page.get("authorization_models").forEach(m -> ids.add(m.get("id").asString()));
    assertThat(ids).containsExactly(second, first);
    assertThat(page.get("continuation_token").asString()).isEmpty();
  }

  @Test
  void readModelWhenUnknownThenAnswers400AuthorizationModelNotFound() {
    String store = http.createStore("demo");

    Http.Response response =
        http.get("/stores/" + store + "/authorization-models/" + MISSING_STORE);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.code()).isEqualTo("authorization_model_not_found");
  }

  @Test
  void writeModelWhenInvalidThenAnswers400InvalidAuthorizationModel() {
    String store = http.createStore("demo");
    String model =
        """
        {"schema_version": "1.1", "type_definitions": [
          {"type": "document", "relations": {"viewer": {"computedUserset": {"relation": "nobody"}}}}
        ]}
        """;

    Http.Response response = http.post("/stores/" + store + "/authorization-models", model);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.code()).isEqualTo("invalid_authorization_model");
  }

  @Test
  void writeModelWhenStoreIsMissingThenAnswers404StoreIdNotFound() {
    String model =
        Json.write(AdminJson.writeModel(SeedFiles.model("classpath:testkit/model.json")));

    Http.Response response = http.post("/stores/" + MISSING_STORE + "/authorization-models", model);

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.code()).isEqualTo("store_id_not_found");
  }

  @Test
  void requestWhenPathIsUnknownThenAnswers404UndefinedEndpoint() {
    Http.Response response = http.post("/stores/" + MISSING_STORE + "/expand-everything", "{}");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.code()).isEqualTo("undefined_endpoint");
  }

  @Test
  void requestWhenMethodIsWrongThenAnswers405WithTheAllowedMethods() {
    String store = http.createStore("demo");

    Http.Response check = http.get("/stores/" + store + "/check");
    Http.Response stores = http.send("PUT", "/stores", "{}");

    assertThat(check.status()).isEqualTo(405);
    assertThat(check.allow()).contains("POST");
    assertThat(stores.status()).isEqualTo(405);
    assertThat(stores.allow()).contains("GET, POST");
  }

  @Test
  void requestWhenBodyIsNotJsonThenAnswers400ValidationError() {
    String store = http.createStore("demo");

    Http.Response garbage = http.post("/stores/" + store + "/check", "{not json");
    Http.Response array = http.post("/stores/" + store + "/check", "[]");
    Http.Response wrongType =
        http.post("/stores/" + store + "/check", "{\"tuple_key\": \"document:a#viewer@user:b\"}");

    assertThat(List.of(garbage, array, wrongType))
        .allSatisfy(
            response -> {
              assertThat(response.status()).isEqualTo(400);
              assertThat(response.code()).isEqualTo("validation_error");
            });
  }
}
