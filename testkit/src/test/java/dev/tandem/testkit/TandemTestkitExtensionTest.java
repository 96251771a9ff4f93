package dev.tandem.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.client.FgaClient;
import dev.tandem.core.client.WriteRequest;
import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.tuple.TupleKey;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

@TandemTest(model = "classpath:testkit/model.fga", tuples = "classpath:testkit/tuples.yaml")
class TandemTestkitExtensionTest {

  @Test
  void embeddedClientWhenInjectedThenAnswersFromTheSeededModelAndTuples(FgaClient fga) {
    assertThat(fga.check(CheckRequest.of("document:roadmap", "viewer", "user:bob")).allowed())
        .isTrue();
    assertThat(fga.check(CheckRequest.of("document:roadmap", "viewer", "user:eve")).allowed())
        .isFalse();
  }

  @Test
  void embeddedClientWhenInjectedThenCarriesTheTuplesConditions(FgaClient fga) {
    CheckRequest beforeExpiry =
        new CheckRequest(
            "document:budget",
            "editor",
            "user:carol",
            java.util.List.of(),
            Map.of("current_time", "2029-06-01T00:00:00Z"));

    assertThat(fga.check(beforeExpiry).allowed()).isTrue();
  }

  @Test
  void serverWhenInjectedThenServesTheTestsStoreOverHttp(
      OpenFgaTestServer server, TestStore store) {
    Http.Response response =
        new Http(server.uri())
            .post(
                "/stores/" + store.id() + "/check",
                """
                {"tuple_key": {"object": "document:roadmap", "relation": "viewer",
                               "user": "user:anne"},
                 "authorization_model_id": "%s"}"""
                    .formatted(store.modelId()));

    assertThat(response.json().get("allowed").asBoolean()).isTrue();
  }

  @Test
  void embeddedClientAndServerOfOneTestThenShareTheStore(
      FgaClient fga, OpenFgaTestServer server, TestStore store) {
    fga.write(WriteRequest.writes(TupleKey.of("document:memo", "owner", "user:zoe")));

    Http.Response response =
        new Http(server.uri())
            .post(
                "/stores/" + store.id() + "/check",
                """
                {"tuple_key": {"object": "document:memo", "relation": "viewer",
                               "user": "user:zoe"}}""");

    assertThat(fga.storeId()).isEqualTo(store.id());
    assertThat(response.json().get("allowed").asBoolean()).isTrue();
  }

  @RepeatedTest(2)
  void eachTestWhenItWritesThenTheNextTestDoesNotSeeIt(FgaClient fga) {
    CheckRequest scratch = CheckRequest.of("document:scratch", "owner", "user:x");

    assertThat(fga.check(scratch).allowed()).isFalse();
    fga.write(WriteRequest.writes(TupleKey.of("document:scratch", "owner", "user:x")));
    assertThat(fga.check(scratch).allowed()).isTrue();
  }

  @Test
  @TandemTest(model = "classpath:testkit/model.json", tuples = "classpath:testkit/tuples.json")
  void methodAnnotationWhenPresentThenReplacesTheClassAnnotation(FgaClient fga) {
    assertThat(fga.check(CheckRequest.of("document:readme", "viewer", "user:dave")).allowed())
        .isTrue();
  }

  @Test
  @TandemTest
  void annotationWithoutModelThenTheStoreHasNoModel(TestStore store, OpenFgaTestServer server) {
    assertThat(store.modelId()).isNull();
    assertThat(server.stores().models(store.id())).isEmpty();
  }
}
