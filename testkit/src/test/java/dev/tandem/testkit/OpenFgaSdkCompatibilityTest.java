package dev.tandem.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openfga.sdk.api.client.ApiClient;
import dev.openfga.sdk.api.client.OpenFgaClient;
import dev.openfga.sdk.api.client.model.ClientBatchCheckItem;
import dev.openfga.sdk.api.client.model.ClientBatchCheckRequest;
import dev.openfga.sdk.api.client.model.ClientBatchCheckSingleResponse;
import dev.openfga.sdk.api.client.model.ClientCheckRequest;
import dev.openfga.sdk.api.client.model.ClientExpandRequest;
import dev.openfga.sdk.api.client.model.ClientListObjectsRequest;
import dev.openfga.sdk.api.client.model.ClientListUsersRequest;
import dev.openfga.sdk.api.client.model.ClientReadRequest;
import dev.openfga.sdk.api.client.model.ClientRelationshipCondition;
import dev.openfga.sdk.api.client.model.ClientTupleKey;
import dev.openfga.sdk.api.client.model.ClientWriteRequest;
import dev.openfga.sdk.api.configuration.ClientConfiguration;
import dev.openfga.sdk.api.model.CreateStoreRequest;
import dev.openfga.sdk.api.model.ErrorCode;
import dev.openfga.sdk.api.model.FgaObject;
import dev.openfga.sdk.api.model.Node;
import dev.openfga.sdk.api.model.UserTypeFilter;
import dev.openfga.sdk.api.model.WriteAuthorizationModelRequest;
import dev.openfga.sdk.errors.FgaApiNotFoundError;
import dev.openfga.sdk.errors.FgaApiValidationError;
import dev.tandem.core.internal.http.AdminJson;
import dev.tandem.core.internal.http.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The official OpenFGA Java SDK against {@link OpenFgaTestServer}: every operation the SDK offers
 * for the endpoints the server serves succeeds, with OpenFGA's answers and errors.
 */
class OpenFgaSdkCompatibilityTest {

  private OpenFgaTestServer server;
  private OpenFgaClient fga;
  private String storeId;
  private String modelId;

  @BeforeEach
  void createStoreWriteModelAndTuplesWithTheSdk() throws Exception {
    server = new OpenFgaTestServer().start();
    fga = new OpenFgaClient(new ClientConfiguration().apiUrl(server.uri().toString()));

    var store = fga.createStore(new CreateStoreRequest().name("sdk")).get();
    assertThat(store.getStatusCode()).isEqualTo(201);
    storeId = store.getId();
    fga.setStoreId(storeId);

    String modelJson =
        Json.write(AdminJson.writeModel(SeedFiles.model("classpath:testkit/model.fga")));
    WriteAuthorizationModelRequest model =
        new ApiClient()
            .getObjectMapper()
            .readValue(modelJson, WriteAuthorizationModelRequest.class);
    var written = fga.writeAuthorizationModel(model).get();
    assertThat(written.getStatusCode()).isEqualTo(201);
    modelId = written.getAuthorizationModelId();
    fga.setAuthorizationModelId(modelId);

    var tuples =
        fga.write(
                ClientWriteRequest.ofWrites(
                    List.of(
                        tuple("group:eng", "member", "user:bob"),
                        tuple("folder:plans", "viewer", "group:eng#member"),
                        tuple("document:roadmap", "parent", "folder:plans"),
                        tuple("document:roadmap", "owner", "user:anne"),
                        tuple("document:budget", "editor", "user:carol")
                            .condition(
                                new ClientRelationshipCondition()
                                    .name("non_expired")
                                    .context(Map.of("expires_at", "2030-01-01T00:00:00Z"))))))
            .get();
    assertThat(tuples.getStatusCode()).isEqualTo(200);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static ClientTupleKey tuple(String object, String relation, String user) {
    return new ClientTupleKey()._object(object).relation(relation).user(user);
  }

  @Test
  void storeAndModelWrittenBySdkThenReadBackBySdk() throws Exception {
    assertThat(fga.getStore().get().getName()).isEqualTo("sdk");
    var model = fga.readAuthorizationModel().get().getAuthorizationModel();
    assertThat(model.getId()).isEqualTo(modelId);
    assertThat(model.getTypeDefinitions())
        .extracting("type")
        .containsExactly("user", "group", "folder", "document");
    assertThat(model.getConditions()).containsKey("non_expired");
    assertThat(fga.readLatestAuthorizationModel().get().getAuthorizationModel().getId())
        .isEqualTo(modelId);
    assertThat(fga.listStores().get().getStores()).extracting("id").containsExactly(storeId);
  }

  @Test
  void checkBySdkThenAnswersWithOpenFgaSemantics() throws Exception {
    assertThat(check("document:roadmap", "viewer", "user:bob", null)).isTrue();
    assertThat(check("document:roadmap", "viewer", "user:eve", null)).isFalse();
    assertThat(check("document:budget", "editor", "user:carol", "2029-06-01T00:00:00Z")).isTrue();
    assertThat(check("document:budget", "editor", "user:carol", "2031-06-01T00:00:00Z")).isFalse();
  }

  private boolean check(String object, String relation, String user, String now) throws Exception {
    ClientCheckRequest request =
        new ClientCheckRequest()._object(object).relation(relation).user(user);
    if (now != null) {
      request.context(Map.of("current_time", now));
    }
    return fga.check(request).get().getAllowed();
  }

  @Test
  void checkBySdkWhenRelationUnknownThenSdkRaisesTheValidationErrorCode() {
    ClientCheckRequest request =
        new ClientCheckRequest()._object("document:roadmap").relation("approver").user("user:a");

    assertThatThrownBy(() -> fga.check(request).get())
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(
            FgaApiValidationError.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(400);
              assertThat(e.getApiErrorCode()).isEqualTo("validation_error");
              assertThat(e.getApiErrorMessage()).contains("approver");
            });
  }

  @Test
  void sdkWhenStoreIsMissingThenRaisesNotFound() {
    fga.setStoreId(OpenFgaTestServerStoresTest.MISSING_STORE);

    assertThatThrownBy(() -> fga.getStore().get())
        .cause()
        .isInstanceOfSatisfying(
            FgaApiNotFoundError.class,
            e -> assertThat(e.getApiErrorCode()).isEqualTo("store_id_not_found"));
  }

  @Test
  void batchCheckBySdkThenAnswersEveryCorrelationIdIncludingPerItemErrors() throws Exception {
    List<ClientBatchCheckItem> checks =
        List.of(
            item("document:roadmap", "viewer", "user:bob", "bob"),
            item("document:roadmap", "viewer", "user:eve", "eve"),
            item("document:roadmap", "approver", "user:bob", "unknown-relation"));

    List<ClientBatchCheckSingleResponse> results =
        fga.batchCheck(ClientBatchCheckRequest.ofChecks(checks)).get().getResult();

    Map<String, ClientBatchCheckSingleResponse> byId =
        results.stream()
            .collect(Collectors.toMap(ClientBatchCheckSingleResponse::getCorrelationId, r -> r));
    assertThat(byId.get("bob").isAllowed()).isTrue();
    assertThat(byId.get("eve").isAllowed()).isFalse();
    assertThat(byId.get("eve").getError()).isNull();
    assertThat(byId.get("unknown-relation").getError().getInputError())
        .isEqualTo(ErrorCode.VALIDATION_ERROR);
    assertThat(server.requestCount(OpenFgaEndpoint.BATCH_CHECK)).isEqualTo(1);
  }

  @Test
  void batchCheckBySdkWhenOverFiftyChecksThenSdkSendsChunksTheServerAccepts() throws Exception {
    List<ClientBatchCheckItem> checks =
        IntStream.range(0, 120)
            .mapToObj(i -> item("document:roadmap", "viewer", "user:u" + i, "c" + i))
            .collect(Collectors.toList());

    List<ClientBatchCheckSingleResponse> results =
        fga.batchCheck(ClientBatchCheckRequest.ofChecks(checks)).get().getResult();

    assertThat(results).hasSize(120).allSatisfy(r -> assertThat(r.getError()).isNull());
    assertThat(server.requestCount(OpenFgaEndpoint.BATCH_CHECK)).isEqualTo(3);
  }

  private static ClientBatchCheckItem item(
      String object, String relation, String user, String correlationId) {
    return new ClientBatchCheckItem()
        ._object(object)
        .relation(relation)
        .user(user)
        .correlationId(correlationId);
  }

  @Test
  void listObjectsBySdkThenAnswersTheViewableObjects() throws Exception {
    var response =
        fga.listObjects(
                new ClientListObjectsRequest().type("document").relation("viewer").user("user:bob"))
            .get();

    assertThat(response.getObjects()).containsExactly("document:roadmap");
  }

  @Test
  void listUsersBySdkThenAnswersUserObjectsAndUsersets() throws Exception {
    var users =
        fga.listUsers(
                new ClientListUsersRequest()
                    ._object(new FgaObject().type("document").id("roadmap"))
                    .relation("viewer")
                    .userFilters(List.of(new UserTypeFilter().type("user"))))
            .get()
            .getUsers();
    var groups =
        fga.listUsers(
                new ClientListUsersRequest()
                    ._object(new FgaObject().type("folder").id("plans"))
                    .relation("viewer")
                    .userFilters(List.of(new UserTypeFilter().type("group").relation("member"))))
            .get()
            .getUsers();

    assertThat(users)
        .extracting(u -> u.getObject().getId())
        .containsExactlyInAnyOrder("anne", "bob");
    assertThat(groups).extracting(u -> u.getUserset().getId()).containsExactly("eng");
  }

  @Test
  void readBySdkThenAnswersTheStoredTuplesWithTheirConditions() throws Exception {
    var all = fga.read(new ClientReadRequest()).get().getTuples();
    var budget = fga.read(new ClientReadRequest()._object("document:budget")).get().getTuples();

    assertThat(all).hasSize(5);
    List<String> users = new ArrayList<>();
    all.forEach(t -> users.add(t.getKey().getUser()));
    assertThat(users).contains("user:anne", "group:eng#member", "folder:plans");
    assertThat(budget).hasSize(1);
    assertThat(budget.get(0).getKey().getCondition().getName()).isEqualTo("non_expired");
    assertThat(budget.get(0).getTimestamp()).isNotNull();
  }

  @Test
  void deleteBySdkThenTheTupleIsGone() throws Exception {
    fga.deleteTuples(
            List.of(
                new dev.openfga.sdk.api.client.model.ClientTupleKeyWithoutCondition()
                    ._object("document:roadmap")
                    .relation("owner")
                    .user("user:anne")))
        .get();

    assertThat(check("document:roadmap", "viewer", "user:anne", null)).isFalse();
  }

  @Test
  void expandBySdkThenReadsOneLevelOfTheUsersetTree() throws Exception {
    var response =
        fga.expand(new ClientExpandRequest()._object("document:roadmap").relation("viewer")).get();

    assertThat(response.getStatusCode()).isEqualTo(200);
    Node root = response.getTree().getRoot();
    assertThat(root.getName()).isEqualTo("document:roadmap#viewer");
    List<Node> branches = root.getUnion().getNodes();
    assertThat(branches).hasSize(3).extracting(Node::getName).containsOnly(root.getName());
    assertThat(branches.get(0).getLeaf().getUsers().getUsers()).isEmpty();
    assertThat(branches.get(1).getLeaf().getComputed().getUserset())
        .isEqualTo("document:roadmap#editor");
    var parents = branches.get(2).getLeaf().getTupleToUserset();
    assertThat(parents.getTupleset()).isEqualTo("document:roadmap#parent");
    assertThat(parents.getComputed()).extracting("userset").containsExactly("folder:plans#viewer");

    var folder =
        fga.expand(new ClientExpandRequest()._object("folder:plans").relation("viewer")).get();
    List<Node> folderBranches = folder.getTree().getRoot().getUnion().getNodes();
    assertThat(folderBranches.get(0).getLeaf().getUsers().getUsers())
        .containsExactly("group:eng#member");
    assertThat(folderBranches.get(1).getLeaf().getComputed().getUserset())
        .isEqualTo("folder:plans#owner");
  }

  @Test
  void expandBySdkWhenRelationUnknownThenValidationError() {
    assertThatThrownBy(
            () ->
                fga.expand(new ClientExpandRequest()._object("document:roadmap").relation("nope"))
                    .get())
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(
            FgaApiValidationError.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(400);
              assertThat(e.getApiErrorCode()).isEqualTo("validation_error");
            });
  }

  @Test
  void deleteStoreBySdkThenTheStoreIsGone() throws Exception {
    assertThat(fga.deleteStore().get().getStatusCode()).isEqualTo(204);

    assertThat(server.stores().list()).isEmpty();
  }
}
