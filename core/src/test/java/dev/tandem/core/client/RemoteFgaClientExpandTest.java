package dev.tandem.core.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.tandem.core.client.RemoteServer.MODEL;
import static dev.tandem.core.client.RemoteServer.STORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.tandem.core.FgaUnavailableException;
import dev.tandem.core.engine.ExpandRequest;
import dev.tandem.core.engine.UsersetTree;
import dev.tandem.core.tuple.TupleKey;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The exact JSON the remote client sends to Expand, and how strictly it reads the tree. */
class RemoteFgaClientExpandTest {

  private static final String PATH = "/stores/" + STORE + "/expand";

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
  void expandSendsTupleKeyContextualTuplesModelAndConsistency() {
    server.stubFor(
        post(PATH)
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    """
                    {"tuple_key": {"object": "doc:1", "relation": "viewer"},
                     "contextual_tuples": {"tuple_keys": [
                       {"object": "doc:1", "relation": "parent", "user": "folder:1"}]},
                     "authorization_model_id": "%s",
                     "consistency": "HIGHER_CONSISTENCY"}
                    """
                        .formatted(MODEL)))
            .willReturn(
                okJson(
                    """
                    {"tree": {"root": {"name": "doc:1#viewer",
                      "leaf": {"users": {"users": ["user:anne"]}}}}}
                    """)));

    UsersetTree tree =
        client.expand(
            new ExpandRequest(
                "doc:1", "viewer", List.of(TupleKey.of("doc:1", "parent", "folder:1"))),
            Consistency.HIGHER_CONSISTENCY);

    assertThat(tree).isEqualTo(new UsersetTree.Users("doc:1#viewer", List.of("user:anne")));
  }

  @Test
  void expandReadsEveryNodeKindOfOpenFgasTree() {
    server.stubFor(
        post(PATH)
            .withRequestBody(
                equalToJson(
                    """
                    {"tuple_key": {"object": "doc:1", "relation": "reader"},
                     "authorization_model_id": "%s"}
                    """
                        .formatted(MODEL)))
            .willReturn(
                okJson(
                    """
                    {"tree": {"root": {"name": "doc:1#reader", "difference": {
                      "base": {"name": "doc:1#reader", "union": {"nodes": [
                        {"name": "doc:1#reader", "leaf": {"users": {"users": []}}},
                        {"name": "doc:1#reader", "leaf": {"tupleToUserset": {
                          "tupleset": "doc:1#parent",
                          "computed": [{"userset": "folder:1#viewer"}]}}}]}},
                      "subtract": {"name": "doc:1#reader", "intersection": {"nodes": [
                        {"name": "doc:1#reader", "leaf": {"computed": {"userset": "doc:1#a"}}},
                        {"name": "doc:1#reader", "leaf": {"users": {}}}]}}}}}}
                    """)));

    String name = "doc:1#reader";
    assertThat(client.expand(ExpandRequest.of("doc:1", "reader")))
        .isEqualTo(
            new UsersetTree.Difference(
                name,
                new UsersetTree.Union(
                    name,
                    List.of(
                        new UsersetTree.Users(name, List.of()),
                        new UsersetTree.TupleToUserset(
                            name, "doc:1#parent", List.of("folder:1#viewer")))),
                new UsersetTree.Intersection(
                    name,
                    List.of(
                        new UsersetTree.Computed(name, "doc:1#a"),
                        new UsersetTree.Users(name, List.of())))));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "{\"tree\": {}}",
        "{\"tree\": {\"root\": {\"name\": \"doc:1#viewer\"}}}",
        "{\"tree\": {\"root\": {\"leaf\": {\"users\": {\"users\": []}}}}}",
        "{\"tree\": {\"root\": {\"name\": \"doc:1#viewer\", \"leaf\": {}}}}",
        "{\"tree\": {\"root\": {\"name\": \"doc:1#viewer\", \"leaf\": {\"users\": {\"users\": [1]}}}}}",
        "{\"tree\": {\"root\": {\"name\": \"doc:1#viewer\", \"leaf\": {\"computed\": {}}}}}",
        "{\"tree\": {\"root\": {\"name\": \"x\", \"leaf\": {\"users\": {}}, \"union\": {\"nodes\": []}}}}",
        "{\"tree\": {\"root\": {\"name\": \"x\", \"union\": {\"nodes\": []}}}}",
        "{\"tree\": {\"root\": {\"name\": \"x\", \"difference\": {\"base\": {}}}}}",
        "{\"tree\": {\"root\": {\"name\": \"x\", \"leaf\": {\"tuple_to_userset\": {}}}}}",
        "not json"
      })
  void expandWhenTreeIsMalformedThenUnavailableAndNotRetried(String body) {
    server.stubFor(post(PATH).willReturn(okJson(body)));

    assertThatThrownBy(() -> client.expand(ExpandRequest.of("doc:1", "viewer")))
        .isInstanceOf(FgaUnavailableException.class)
        .hasMessageContaining("malformed");
    assertThat(RemoteServer.posts(server, PATH)).isEqualTo(1);
  }

  @Test
  void expandWhenServerFailsOnceWith500ThenRetriedAndAnswered() {
    server.stubFor(
        post(PATH)
            .inScenario("flaky")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(500))
            .willSetStateTo("recovered"));
    server.stubFor(
        post(PATH)
            .inScenario("flaky")
            .whenScenarioStateIs("recovered")
            .willReturn(
                okJson(
                    """
                    {"tree": {"root": {"name": "doc:1#viewer",
                      "leaf": {"computed": {"userset": "doc:1#editor"}}}}}
                    """)));

    assertThat(client.expand(ExpandRequest.of("doc:1", "viewer")))
        .isEqualTo(new UsersetTree.Computed("doc:1#viewer", "doc:1#editor"));
    assertThat(RemoteServer.posts(server, PATH)).isEqualTo(2);
  }
}
