package dev.tandem.core.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.tandem.core.client.RemoteServer.MODEL;
import static dev.tandem.core.client.RemoteServer.STORE;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.engine.ListObjectsRequest;
import dev.tandem.core.engine.ListUsersRequest;
import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.model.ModelDsl;
import dev.tandem.core.store.StoreInfo;
import dev.tandem.core.tuple.TupleCondition;
import dev.tandem.core.tuple.TupleKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exact JSON the remote client sends to each endpoint, and how it reads the answers. */
class RemoteFgaClientRequestsTest {

  private static final String MODEL_DSL =
      """
      model
        schema 1.1
      type user
      type doc
        relations
          define viewer: [user]
      """;

  private WireMockServer server;
  private RemoteFgaClient client;

  @BeforeEach
  void start() {
    server = RemoteServer.start();
    client = RemoteFgaClient.create(RemoteServer.fast(server), STORE, MODEL);
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop();
  }

  @Test
  void checkSendsTupleKeyContextualTuplesContextModelAndConsistency() {
    server.stubFor(
        post("/stores/" + STORE + "/check")
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    """
                    {"tuple_key": {"user": "user:anne", "relation": "viewer", "object": "doc:1"},
                     "contextual_tuples": {"tuple_keys": [
                       {"object": "doc:1", "relation": "owner", "user": "user:bob"}]},
                     "context": {"ip": "10.0.0.1"},
                     "authorization_model_id": "%s",
                     "consistency": "HIGHER_CONSISTENCY"}
                    """
                        .formatted(MODEL)))
            .willReturn(okJson("{\"allowed\": true, \"resolution\": \"\"}")));

    var result =
        client.check(
            new CheckRequest(
                "doc:1",
                "viewer",
                "user:anne",
                List.of(TupleKey.of("doc:1", "owner", "user:bob")),
                Map.of("ip", "10.0.0.1")),
            Consistency.HIGHER_CONSISTENCY);

    assertThat(result.allowed()).isTrue();
  }

  @Test
  void checkWithDefaultConsistencyOmitsConsistency() {
    server.stubFor(
        post("/stores/" + STORE + "/check")
            .withRequestBody(
                equalToJson(
                    """
                    {"tuple_key": {"user": "user:anne", "relation": "viewer", "object": "doc:1"},
                     "authorization_model_id": "%s"}
                    """
                        .formatted(MODEL)))
            .willReturn(okJson("{\"allowed\": false}")));

    assertThat(client.check(CheckRequest.of("doc:1", "viewer", "user:anne")).allowed()).isFalse();
  }

  @Test
  void clientWithoutModelIdSendsNoModelId() {
    try (RemoteFgaClient latest = RemoteFgaClient.create(RemoteServer.fast(server), STORE, null)) {
      server.stubFor(
          post("/stores/" + STORE + "/check")
              .withRequestBody(
                  equalToJson(
                      """
                      {"tuple_key": {"user": "user:anne", "relation": "viewer", "object": "doc:1"}}
                      """))
              .willReturn(okJson("{\"allowed\": true}")));

      assertThat(latest.check(CheckRequest.of("doc:1", "viewer", "user:anne")).allowed()).isTrue();
    }
  }

  @Test
  void listObjectsSendsTypeRelationUserAndReadsObjects() {
    server.stubFor(
        post("/stores/" + STORE + "/list-objects")
            .withRequestBody(
                equalToJson(
                    """
                    {"type": "doc", "relation": "viewer", "user": "user:anne",
                     "context": {"n": 1},
                     "authorization_model_id": "%s", "consistency": "MINIMIZE_LATENCY"}
                    """
                        .formatted(MODEL)))
            .willReturn(okJson("{\"objects\": [\"doc:1\", \"doc:2\"]}")));

    var objects =
        client.listObjects(
            new ListObjectsRequest("doc", "viewer", "user:anne", List.of(), Map.of("n", 1)),
            Consistency.MINIMIZE_LATENCY);

    assertThat(objects).containsExactly("doc:1", "doc:2");
  }

  @Test
  void listUsersSendsObjectFiltersAndUnwrappedContextualTuples() {
    server.stubFor(
        post("/stores/" + STORE + "/list-users")
            .withRequestBody(
                equalToJson(
                    """
                    {"object": {"type": "doc", "id": "1"}, "relation": "viewer",
                     "user_filters": [{"type": "group", "relation": "member"}],
                     "contextual_tuples": [{"object": "doc:1", "relation": "viewer",
                                            "user": "group:eng#member"}],
                     "authorization_model_id": "%s"}
                    """
                        .formatted(MODEL)))
            .willReturn(
                okJson(
                    """
                    {"users": [{"object": {"type": "user", "id": "anne"}},
                               {"wildcard": {"type": "user"}},
                               {"userset": {"type": "group", "id": "eng", "relation": "member"}}]}
                    """)));

    var users =
        client.listUsers(
            new ListUsersRequest(
                "doc:1",
                "viewer",
                List.of("group#member"),
                List.of(TupleKey.of("doc:1", "viewer", "group:eng#member")),
                Map.of()));

    assertThat(users).containsExactly("user:anne", "user:*", "group:eng#member");
  }

  @Test
  void readSendsFilterPageAndConsistencyAndReturnsContinuation() {
    server.stubFor(
        post("/stores/" + STORE + "/read")
            .withRequestBody(
                equalToJson(
                    """
                    {"tuple_key": {"object": "doc:1", "relation": "viewer"},
                     "page_size": 10, "continuation_token": "page-1",
                     "consistency": "HIGHER_CONSISTENCY"}
                    """))
            .willReturn(
                okJson(
                    """
                    {"tuples": [{"key": {"object": "doc:1", "relation": "viewer",
                                          "user": "user:anne"},
                                 "timestamp": "2026-01-01T00:00:00Z"}],
                     "continuation_token": "page-2"}
                    """)));

    ReadPage page =
        client.read(
            new ReadRequest("doc:1", "viewer", null, 10, "page-1"), Consistency.HIGHER_CONSISTENCY);

    assertThat(page.tuples()).containsExactly(TupleKey.of("doc:1", "viewer", "user:anne"));
    assertThat(page.continuationToken()).isEqualTo("page-2");
  }

  @Test
  void readOfLastPageHasNoContinuation() {
    server.stubFor(
        post("/stores/" + STORE + "/read")
            .withRequestBody(equalToJson("{\"page_size\": 100}"))
            .willReturn(okJson("{\"tuples\": [], \"continuation_token\": \"\"}")));

    ReadPage page = client.read(ReadRequest.of(null, null, null));

    assertThat(page.tuples()).isEmpty();
    assertThat(page.hasMore()).isFalse();
  }

  @Test
  void writeSendsWritesWithConditionsDeletesWithoutAndTheModelId() {
    server.stubFor(
        post("/stores/" + STORE + "/write")
            .withRequestBody(
                equalToJson(
                    """
                    {"writes": {"tuple_keys": [
                       {"object": "doc:1", "relation": "viewer", "user": "user:anne",
                        "condition": {"name": "in_hours", "context": {"start": 9}}}]},
                     "deletes": {"tuple_keys": [
                       {"object": "doc:2", "relation": "viewer", "user": "user:bob"}]},
                     "authorization_model_id": "%s"}
                    """
                        .formatted(MODEL)))
            .willReturn(okJson("{}")));

    client.write(
        new WriteRequest(
            List.of(
                new TupleKey(
                    "doc:1",
                    "viewer",
                    "user:anne",
                    new TupleCondition("in_hours", Map.of("start", 9)))),
            List.of(TupleKey.of("doc:2", "viewer", "user:bob"))));

    server.verify(1, postRequestedFor(urlEqualTo("/stores/" + STORE + "/write")));
  }

  @Test
  void writeModelSendsModelWithoutIdAndReturnsItWithTheNewId() {
    AuthorizationModel model = ModelDsl.parse(MODEL_DSL);
    server.stubFor(
        post("/stores/" + STORE + "/authorization-models")
            .withRequestBody(
                equalToJson(
                    """
                    {"schema_version": "1.1",
                     "type_definitions": [
                       {"type": "user", "relations": {}, "metadata": null},
                       {"type": "doc", "relations": {"viewer": {"this": {}}},
                        "metadata": {"relations": {"viewer": {
                          "directly_related_user_types": [{"type": "user"}]}}}}]}
                    """))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"authorization_model_id\": \"01HNEWMODEL\"}")));

    AuthorizationModel written = client.writeAuthorizationModel(model.withId("ignored"));

    assertThat(written).isEqualTo(model.withId("01HNEWMODEL"));
  }

  @Test
  void readModelAndLatestModelReadTheModelEnvelope() {
    AuthorizationModel model = ModelDsl.parse(MODEL_DSL).withId("01HM1");
    String json = dev.tandem.core.model.ModelJson.write(model);
    server.stubFor(
        get("/stores/" + STORE + "/authorization-models/01HM1")
            .willReturn(okJson("{\"authorization_model\": " + json + "}")));
    server.stubFor(
        get(urlPathEqualTo("/stores/" + STORE + "/authorization-models"))
            .withQueryParam("page_size", equalTo("1"))
            .willReturn(
                okJson(
                    "{\"authorization_models\": [" + json + "], \"continuation_token\": \"x\"}")));

    assertThat(client.readAuthorizationModel("01HM1")).isEqualTo(model);
    assertThat(client.readLatestAuthorizationModel()).isEqualTo(model);
    server.verify(
        getRequestedFor(urlEqualTo("/stores/" + STORE + "/authorization-models?page_size=1")));
  }

  @Test
  void latestModelOfAStoreWithoutModelsIsAValidationError() {
    server.stubFor(
        get(urlPathEqualTo("/stores/" + STORE + "/authorization-models"))
            .willReturn(okJson("{\"authorization_models\": [], \"continuation_token\": \"\"}")));

    org.assertj.core.api.Assertions.assertThatThrownBy(client::readLatestAuthorizationModel)
        .isInstanceOfSatisfying(
            dev.tandem.core.FgaValidationException.class,
            e ->
                assertThat(e.code())
                    .isEqualTo(dev.tandem.core.ErrorCode.LATEST_AUTHORIZATION_MODEL_NOT_FOUND));
  }

  @Test
  void storesAreCreatedReadListedAcrossPagesAndDeleted() {
    String store =
        """
        {"id": "%s", "name": "%s", "created_at": "2026-01-02T03:04:05.123456Z",
         "updated_at": "2026-01-02T03:04:05.123456Z"}
        """;
    server.stubFor(
        post("/stores")
            .withRequestBody(equalToJson("{\"name\": \"demo\"}"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(store.formatted("01HS1", "demo"))));
    server.stubFor(get("/stores/01HS1").willReturn(okJson(store.formatted("01HS1", "demo"))));
    server.stubFor(
        get("/stores")
            .willReturn(
                okJson(
                    "{\"stores\": ["
                        + store.formatted("01HS1", "demo")
                        + "],"
                        + " \"continuation_token\": \"next\"}")));
    server.stubFor(
        get("/stores?continuation_token=next")
            .willReturn(
                okJson(
                    "{\"stores\": ["
                        + store.formatted("01HS2", "other")
                        + "],"
                        + " \"continuation_token\": \"\"}")));
    server.stubFor(delete("/stores/01HS1").willReturn(aResponse().withStatus(204)));

    Instant created = Instant.parse("2026-01-02T03:04:05.123456Z");
    assertThat(client.createStore("demo")).isEqualTo(new StoreInfo("01HS1", "demo", created));
    assertThat(client.getStore("01HS1")).isEqualTo(new StoreInfo("01HS1", "demo", created));
    assertThat(client.listStores())
        .containsExactly(
            new StoreInfo("01HS1", "demo", created), new StoreInfo("01HS2", "other", created));
    client.deleteStore("01HS1");

    server.verify(deleteRequestedFor(urlEqualTo("/stores/01HS1")));
  }

  @Test
  void pathParametersArePercentEncoded() {
    server.stubFor(
        get("/stores/a%2Fb%3Fc")
            .willReturn(
                okJson(
                    "{\"id\": \"a/b?c\", \"name\": \"n\", \"created_at\": \"2026-01-01T00:00:00Z\"}")));

    assertThat(client.getStore("a/b?c").id()).isEqualTo("a/b?c");
  }

  @Test
  void apiTokenIsSentAsBearer() {
    RemoteOptions options =
        RemoteServer.withCredentials(RemoteServer.fast(server), Credentials.apiToken("s3cret"));
    try (RemoteFgaClient authed = RemoteFgaClient.create(options, STORE, MODEL)) {
      server.stubFor(
          post("/stores/" + STORE + "/check")
              .withHeader("Authorization", equalTo("Bearer s3cret"))
              .willReturn(okJson("{\"allowed\": true}")));

      assertThat(authed.check(CheckRequest.of("doc:1", "viewer", "user:anne")).allowed()).isTrue();
    }
  }
}
