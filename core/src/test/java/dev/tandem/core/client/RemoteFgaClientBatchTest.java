package dev.tandem.core.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.tandem.core.client.RemoteServer.MODEL;
import static dev.tandem.core.client.RemoteServer.STORE;
import static dev.tandem.core.client.RemoteServer.assertAllFailed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.tandem.core.ErrorCode;
import dev.tandem.core.FgaNotFoundException;
import dev.tandem.core.FgaUnavailableException;
import dev.tandem.core.FgaValidationException;
import dev.tandem.core.engine.BatchCheckItem;
import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.internal.http.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Batch check: correlation ids, splitting, per-item failures and the one-by-one fallback. */
class RemoteFgaClientBatchTest {

  private static final String BATCH = "/stores/" + STORE + "/batch-check";
  private static final String CHECK = "/stores/" + STORE + "/check";

  private WireMockServer server;
  private RemoteFgaClient client;

  @BeforeEach
  void start() {
    server = RemoteServer.start(new BatchAnswers());
    client = RemoteFgaClient.create(RemoteServer.fast(server), STORE, MODEL);
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop();
  }

  private void answerBatches() {
    server.stubFor(post(BATCH).willReturn(aResponse().withTransformers(BatchAnswers.NAME)));
  }

  private static CheckRequest check(String object) {
    return CheckRequest.of(object, "viewer", "user:anne");
  }

  private int calls(String path) {
    return RemoteServer.posts(server, path);
  }

  @Test
  void batchCheckSendsEachCheckWithACorrelationIdAndTheOptionsOnce() {
    server.stubFor(
        post(BATCH)
            .withRequestBody(
                equalToJson(
                    """
                    {"checks": [
                       {"tuple_key": {"user": "user:anne", "relation": "viewer",
                                      "object": "doc:allowed"},
                        "correlation_id": "${json-unit.any-string}"},
                       {"tuple_key": {"user": "user:anne", "relation": "viewer",
                                      "object": "doc:denied"},
                        "context": {"x": true},
                        "correlation_id": "${json-unit.any-string}"}],
                     "authorization_model_id": "%s",
                     "consistency": "HIGHER_CONSISTENCY"}
                    """
                        .formatted(MODEL)))
            .willReturn(aResponse().withTransformers(BatchAnswers.NAME)));

    List<BatchCheckItem> items =
        client.batchCheck(
            List.of(
                check("doc:allowed"),
                new CheckRequest(
                    "doc:denied", "viewer", "user:anne", List.of(), Map.of("x", true))),
            Consistency.HIGHER_CONSISTENCY);

    assertThat(items).extracting(BatchCheckItem::allowed).containsExactly(true, false);
    JsonNode sent =
        Json.parseObject(
            server.findAll(postRequestedFor(urlEqualTo(BATCH))).get(0).getBodyAsString());
    String first = sent.get("checks").get(0).get("correlation_id").asString();
    String second = sent.get("checks").get(1).get("correlation_id").asString();
    assertThat(first).isNotEqualTo(second).matches("[A-Za-z0-9-]{1,36}");
  }

  @Test
  void batchCheckMapsResultsBackByCorrelationIdAndFailsBadItemsAlone() {
    answerBatches();

    List<BatchCheckItem> items =
        client.batchCheck(
            List.of(
                check("doc:denied"),
                check("doc:invalid"),
                check("doc:allowed"),
                check("doc:internal"),
                check("doc:missing"),
                check("doc:string"),
                check("doc:allowed-2")));

    assertThat(items)
        .extracting(BatchCheckItem::allowed)
        .containsExactly(false, false, true, false, false, false, true);
    assertThat(items.get(0)).isInstanceOf(BatchCheckItem.Evaluated.class);
    assertThat(((BatchCheckItem.Failed) items.get(1)).error())
        .isInstanceOfSatisfying(
            FgaValidationException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RELATION_NOT_FOUND));
    assertThat(((BatchCheckItem.Failed) items.get(3)).error())
        .isInstanceOf(FgaUnavailableException.class);
    assertThat(((BatchCheckItem.Failed) items.get(4)).error())
        .isInstanceOf(FgaUnavailableException.class)
        .hasMessageContaining("no result");
    assertThat(((BatchCheckItem.Failed) items.get(5)).error())
        .isInstanceOf(FgaUnavailableException.class);
  }

  @Test
  void batchCheckOfMoreThanFiftySplitsIntoCallsOfAtMostFiftyAndKeepsOrder() {
    answerBatches();
    List<CheckRequest> requests =
        IntStream.range(0, 120)
            .mapToObj(i -> check(i % 3 == 0 ? "doc:allowed-" + i : "doc:denied-" + i))
            .toList();

    List<BatchCheckItem> items = client.batchCheck(requests);

    assertThat(items).hasSize(120);
    for (int i = 0; i < 120; i++) {
      assertThat(items.get(i).allowed()).as("item %d", i).isEqualTo(i % 3 == 0);
    }
    List<LoggedRequest> sent = server.findAll(postRequestedFor(urlEqualTo(BATCH)));
    assertThat(sent).hasSize(3);
    Set<String> ids = new HashSet<>();
    List<Integer> sizes = new ArrayList<>();
    for (LoggedRequest request : sent) {
      JsonNode checks = Json.parseObject(request.getBodyAsString()).get("checks");
      sizes.add(checks.size());
      checks.forEach(c -> ids.add(c.get("correlation_id").asString()));
    }
    assertThat(sizes).containsExactlyInAnyOrder(50, 50, 20);
    assertThat(ids).hasSize(120);
  }

  @Test
  void batchCheckWhenOneCallResetsThenOnlyItsItemsFail() {
    answerBatches();
    server.stubFor(
        post(BATCH)
            .withRequestBody(
                matchingJsonPath("$.checks[0].tuple_key.object", equalTo("doc:allowed-50")))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    List<CheckRequest> requests =
        IntStream.range(0, 100).mapToObj(i -> check("doc:allowed-" + i)).toList();

    List<BatchCheckItem> items = client.batchCheck(requests);

    assertThat(items.subList(0, 50)).allMatch(BatchCheckItem::allowed);
    assertAllFailed(items.subList(50, 100));
  }

  @Test
  void batchCheckWhenTheOnlyCallFailsThenThrowsUnavailable() {
    server.stubFor(post(BATCH).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> client.batchCheck(List.of(check("doc:allowed"))))
        .isInstanceOf(FgaUnavailableException.class);
  }

  @Test
  void batchCheckWhenAnswerIsMalformedThenThrowsUnavailable() {
    server.stubFor(post(BATCH).willReturn(okJson("{\"result\": [true]}")));

    assertThatThrownBy(() -> client.batchCheck(List.of(check("doc:allowed"))))
        .isInstanceOf(FgaUnavailableException.class);
  }

  @Test
  void batchCheckWhenStoreMissingThenNotFoundAndNoFallback() {
    server.stubFor(
        post(BATCH)
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withBody("{\"code\": \"store_id_not_found\", \"message\": \"no store\"}")));

    assertThatThrownBy(() -> client.batchCheck(List.of(check("doc:allowed"))))
        .isInstanceOf(FgaNotFoundException.class);
    assertThat(calls(CHECK)).isZero();
  }

  @Test
  void batchCheckWhenServerLacksBatchCheckThenParallelChecksAndRemembers() {
    server.stubFor(
        post(BATCH)
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withBody("{\"code\": 5, \"message\": \"Not Found\", \"details\": []}")));
    server.stubFor(
        post(CHECK)
            .withRequestBody(matchingJsonPath("$.tuple_key.object", equalTo("doc:allowed")))
            .willReturn(okJson("{\"allowed\": true}")));
    server.stubFor(
        post(CHECK)
            .withRequestBody(matchingJsonPath("$.tuple_key.object", equalTo("doc:denied")))
            .willReturn(okJson("{\"allowed\": false}")));
    server.stubFor(
        post(CHECK)
            .withRequestBody(matchingJsonPath("$.tuple_key.object", equalTo("doc:invalid")))
            .willReturn(aResponse().withStatus(400).withBody("{\"code\": \"type_not_found\"}")));
    server.stubFor(
        post(CHECK)
            .withRequestBody(matchingJsonPath("$.tuple_key.object", equalTo("doc:string")))
            .willReturn(okJson("{\"allowed\": \"true\"}")));

    List<CheckRequest> requests =
        List.of(
            check("doc:allowed"), check("doc:denied"), check("doc:invalid"), check("doc:string"));
    List<BatchCheckItem> first = client.batchCheck(requests);
    List<BatchCheckItem> second = client.batchCheck(requests);

    for (List<BatchCheckItem> items : List.of(first, second)) {
      assertThat(items)
          .extracting(BatchCheckItem::allowed)
          .containsExactly(true, false, false, false);
      assertThat(((BatchCheckItem.Failed) items.get(2)).error())
          .isInstanceOfSatisfying(
              FgaValidationException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.TYPE_NOT_FOUND));
      assertThat(((BatchCheckItem.Failed) items.get(3)).error())
          .isInstanceOf(FgaUnavailableException.class);
    }
    assertThat(calls(BATCH)).isEqualTo(1);
    assertThat(calls(CHECK)).isEqualTo(8);
  }

  @Test
  void batchCheckWhenServerAnswers501ThenFallsBackToChecks() {
    server.stubFor(post(BATCH).willReturn(aResponse().withStatus(501)));
    server.stubFor(post(CHECK).willReturn(okJson("{\"allowed\": true}")));

    List<BatchCheckItem> items = client.batchCheck(List.of(check("doc:a"), check("doc:b")));

    assertThat(items).allMatch(BatchCheckItem::allowed);
    assertThat(calls(BATCH)).isEqualTo(1);
    assertThat(calls(CHECK)).isEqualTo(2);
  }

  @Test
  void batchCheckFallbackWhenEveryCheckFailsThenThrowsUnavailable() {
    server.stubFor(post(BATCH).willReturn(aResponse().withStatus(501)));
    server.stubFor(post(CHECK).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> client.batchCheck(List.of(check("doc:a"), check("doc:b"))))
        .isInstanceOf(FgaUnavailableException.class);
  }

  @Test
  void batchCheckOfNothingSendsNothing() {
    assertThat(client.batchCheck(List.of())).isEmpty();
    assertThat(server.getAllServeEvents()).isEmpty();
  }
}
