package dev.tandem.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.internal.http.Json;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Expand over HTTP: OpenFGA's tree JSON and error bodies. */
class OpenFgaTestServerExpandTest {

  private OpenFgaTestServer server;
  private Http http;
  private TestStore store;

  @BeforeEach
  void start() {
    server = new OpenFgaTestServer().start();
    http = new Http(server.uri());
    SeedFiles.Seed seed =
        SeedFiles.load("classpath:testkit/model.fga", List.of("classpath:testkit/tuples.yaml"));
    store = server.createStore("expand", seed.model(), seed.tuples());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Http.Response expand(String json) {
    return http.post("/stores/" + store.id() + "/expand", json);
  }

  @Test
  void expandAnswersOneLevelOfTheTreeInOpenFgasJson() {
    Http.Response response =
        expand("{\"tuple_key\": {\"object\": \"document:roadmap\", \"relation\": \"viewer\"}}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json())
        .isEqualTo(
            Json.parseObject(
                """
                {"tree": {"root": {"name": "document:roadmap#viewer", "union": {"nodes": [
                  {"name": "document:roadmap#viewer", "leaf": {"users": {"users": []}}},
                  {"name": "document:roadmap#viewer",
                   "leaf": {"computed": {"userset": "document:roadmap#editor"}}},
                  {"name": "document:roadmap#viewer", "leaf": {"tupleToUserset": {
                    "tupleset": "document:roadmap#parent",
                    "computed": [{"userset": "folder:plans#viewer"}]}}}]}}}}
                """));
  }

  @Test
  void expandWithContextualTuplesListsThemBesideTheStoredOnes() {
    Http.Response response =
        expand(
            """
            {"tuple_key": {"object": "folder:plans", "relation": "viewer"},
             "contextual_tuples": {"tuple_keys": [
               {"object": "folder:plans", "relation": "viewer", "user": "user:*"}]}}""");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("tree").get("root").get("union").get("nodes").get(0))
        .isEqualTo(
            Json.parseObject(
                """
                {"name": "folder:plans#viewer",
                 "leaf": {"users": {"users": ["group:eng#member", "user:*"]}}}"""));
  }

  @Test
  void expandWhenRelationUnknownThen400ValidationError() {
    Http.Response response =
        expand("{\"tuple_key\": {\"object\": \"document:roadmap\", \"relation\": \"nope\"}}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("code").asString()).isEqualTo("validation_error");
    assertThat(response.json().get("message").asString()).contains("nope");
  }

  @Test
  void expandWhenTupleKeyMissingThen400ValidationError() {
    Http.Response response = expand("{}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("code").asString()).isEqualTo("validation_error");
  }
}
