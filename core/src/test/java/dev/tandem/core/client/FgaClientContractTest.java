package dev.tandem.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.core.FgaValidationException;
import dev.tandem.core.engine.BatchCheckItem;
import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.engine.CheckResult;
import dev.tandem.core.engine.ListObjectsRequest;
import dev.tandem.core.engine.ListUsersRequest;
import dev.tandem.core.model.ModelDsl;
import dev.tandem.core.tuple.TupleCondition;
import dev.tandem.core.tuple.TupleKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract of {@link FgaClient}, run once per implementation by a subclass, whatever the
 * backend: every test starts from a fresh store and writes its model through the client. The expand
 * tests are in {@link ExpandContract}.
 */
@Timeout(60)
abstract class FgaClientContractTest implements ExpandContract {

  static final String MODEL =
      """
      model
        schema 1.1
      type user
      type group
        relations
          define member: [user]
      type folder
        relations
          define viewer: [user, group#member]
      type doc
        relations
          define parent: [folder]
          define owner: [user]
          define editor: [user, user with in_region] or owner
          define viewer: [user, user:*, group#member] or editor or viewer from parent
      condition in_region(region: string, allowed: list<string>) {
        region in allowed
      }
      """;

  /** The same types, but {@code doc#viewer} no longer admits users directly. */
  static final String MODEL_WITHOUT_DIRECT_VIEWERS =
      MODEL.replace("[user, user:*, group#member]", "[group#member]");

  FgaClient client;

  /** A client bound to a fresh, empty store without a model. */
  abstract FgaClient newClient();

  @Override
  public FgaClient contractClient() {
    return client;
  }

  @BeforeEach
  void createClient() {
    client = newClient();
    client.writeAuthorizationModel(ModelDsl.parse(MODEL));
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  void write(TupleKey... tuples) {
    client.write(WriteRequest.writes(tuples));
  }

  boolean allowed(String object, String relation, String user) {
    return client.check(CheckRequest.of(object, relation, user)).allowed();
  }

  @Test
  void checkWhenTupleWrittenThenAllowed() {
    write(TupleKey.of("doc:readme", "viewer", "user:anne"));

    assertThat(allowed("doc:readme", "viewer", "user:anne")).isTrue();
  }

  @Test
  void checkWhenNoTupleThenDenied() {
    write(TupleKey.of("doc:readme", "viewer", "user:anne"));

    assertThat(allowed("doc:readme", "viewer", "user:bob")).isFalse();
    assertThat(allowed("doc:plan", "viewer", "user:anne")).isFalse();
  }

  @Test
  void checkWhenGrantedThroughGroupAndFolderThenAllowed() {
    write(
        TupleKey.of("group:eng", "member", "user:anne"),
        TupleKey.of("folder:specs", "viewer", "group:eng#member"),
        TupleKey.of("doc:design", "parent", "folder:specs"));

    assertThat(allowed("doc:design", "viewer", "user:anne")).isTrue();
    assertThat(allowed("doc:design", "editor", "user:anne")).isFalse();
  }

  @Test
  void checkWhenContextualTupleGrantsThenAllowedForThatRequestOnly() {
    CheckRequest withTuple =
        new CheckRequest(
            "doc:readme",
            "viewer",
            "user:anne",
            List.of(TupleKey.of("doc:readme", "owner", "user:anne")),
            Map.of());

    assertThat(client.check(withTuple).allowed()).isTrue();
    assertThat(allowed("doc:readme", "viewer", "user:anne")).isFalse();
  }

  @Test
  void checkWhenConditionContextMatchesThenAllowedElseDenied() {
    write(
        new TupleKey(
            "doc:readme",
            "editor",
            "user:anne",
            new TupleCondition("in_region", Map.of("allowed", List.of("eu", "us")))));

    assertThat(check("doc:readme", "editor", "user:anne", Map.of("region", "eu"))).isTrue();
    assertThat(check("doc:readme", "editor", "user:anne", Map.of("region", "apac"))).isFalse();
    assertThat(check("doc:readme", "editor", "user:anne", Map.of("region", "us"))).isTrue();
  }

  private boolean check(String object, String relation, String user, Map<String, Object> context) {
    return client.check(new CheckRequest(object, relation, user, List.of(), context)).allowed();
  }

  @Test
  void batchCheckReturnsItemsInRequestOrder() {
    write(TupleKey.of("doc:a", "viewer", "user:anne"), TupleKey.of("doc:c", "viewer", "user:anne"));

    List<BatchCheckItem> items =
        client.batchCheck(
            List.of(
                CheckRequest.of("doc:a", "viewer", "user:anne"),
                CheckRequest.of("doc:b", "viewer", "user:anne"),
                CheckRequest.of("doc:c", "viewer", "user:anne"),
                CheckRequest.of("doc:a", "viewer", "user:bob")));

    assertThat(items).extracting(BatchCheckItem::allowed).containsExactly(true, false, true, false);
  }

  @Test
  void batchCheckWhenOneItemInvalidThenOnlyThatItemFails() {
    write(TupleKey.of("doc:a", "viewer", "user:anne"));

    List<BatchCheckItem> items =
        client.batchCheck(
            List.of(
                CheckRequest.of("doc:a", "viewer", "user:anne"),
                CheckRequest.of("doc:a", "no_such_relation", "user:anne"),
                CheckRequest.of("doc:a", "viewer", "user:bob")));

    assertThat(items).hasSize(3);
    assertThat(items.get(0).allowed()).isTrue();
    assertThat(items.get(1)).isInstanceOf(BatchCheckItem.Failed.class);
    assertThat(((BatchCheckItem.Failed) items.get(1)).error())
        .isInstanceOf(FgaValidationException.class);
    assertThat(items.get(2)).isEqualTo(new BatchCheckItem.Evaluated(new CheckResult(false, false)));
  }

  @Test
  void listObjectsReturnsTheObjectsTheUserReaches() {
    write(
        TupleKey.of("doc:a", "viewer", "user:anne"),
        TupleKey.of("doc:b", "owner", "user:anne"),
        TupleKey.of("doc:c", "viewer", "user:bob"));

    assertThat(client.listObjects(ListObjectsRequest.of("doc", "viewer", "user:anne")))
        .containsExactlyInAnyOrder("doc:a", "doc:b");
  }

  @Test
  void listUsersReturnsTheUsersWithTheRelation() {
    write(
        TupleKey.of("doc:a", "viewer", "user:anne"),
        TupleKey.of("doc:a", "owner", "user:bob"),
        TupleKey.of("doc:b", "viewer", "user:carl"));

    assertThat(client.listUsers(ListUsersRequest.of("doc:a", "viewer", "user")))
        .containsExactlyInAnyOrder("user:anne", "user:bob");
  }

  @Test
  void readPagesThroughEveryMatchingTuple() {
    List<TupleKey> written = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      written.add(TupleKey.of("doc:readme", "viewer", "user:u" + i));
    }
    write(written.toArray(TupleKey[]::new));
    write(TupleKey.of("doc:other", "viewer", "user:u0"));

    List<TupleKey> read = new ArrayList<>();
    ReadRequest request = new ReadRequest("doc:readme", "viewer", null, 2, null);
    int pages = 0;
    while (true) {
      ReadPage page = client.read(request);
      pages++;
      assertThat(page.tuples()).hasSizeLessThanOrEqualTo(2);
      read.addAll(page.tuples());
      if (!page.hasMore()) {
        break;
      }
      request = request.next(page);
    }

    assertThat(read).containsExactlyInAnyOrderElementsOf(written);
    assertThat(pages).isGreaterThanOrEqualTo(3);
  }

  @Test
  void checkWhenWriteGrantsThenAllowedAtOnce() {
    assertThat(allowed("doc:readme", "viewer", "user:anne")).isFalse();

    write(TupleKey.of("doc:readme", "viewer", "user:anne"));

    assertThat(allowed("doc:readme", "viewer", "user:anne")).isTrue();
  }

  @Test
  void checkWhenDeleteRevokesThenDeniedAtOnce() {
    TupleKey grant = TupleKey.of("doc:readme", "viewer", "user:anne");
    write(grant);
    assertThat(allowed("doc:readme", "viewer", "user:anne")).isTrue();

    client.write(WriteRequest.deletes(grant));

    assertThat(allowed("doc:readme", "viewer", "user:anne")).isFalse();
  }

  @Test
  void checkWhenGroupMembershipRevokedThenAccessThroughTheGroupIsGone() {
    TupleKey membership = TupleKey.of("group:eng", "member", "user:anne");
    write(membership, TupleKey.of("doc:design", "viewer", "group:eng#member"));
    assertThat(allowed("doc:design", "viewer", "user:anne")).isTrue();

    client.write(WriteRequest.deletes(membership));

    assertThat(allowed("doc:design", "viewer", "user:anne")).isFalse();
  }

  @Test
  void checkWhenNewModelWrittenThenTheLatestModelAnswers() {
    write(TupleKey.of("doc:readme", "viewer", "user:anne"));
    assertThat(allowed("doc:readme", "viewer", "user:anne")).isTrue();

    client.writeAuthorizationModel(ModelDsl.parse(MODEL_WITHOUT_DIRECT_VIEWERS));

    assertThat(allowed("doc:readme", "viewer", "user:anne")).isFalse();
  }

  @Test
  void checkWithHigherConsistencySeesEveryCompletedWrite() {
    assertThat(allowed("doc:readme", "viewer", "user:anne")).isFalse();
    write(TupleKey.of("doc:readme", "viewer", "user:anne"));

    assertThat(
            client
                .check(
                    CheckRequest.of("doc:readme", "viewer", "user:anne"),
                    Consistency.HIGHER_CONSISTENCY)
                .allowed())
        .isTrue();
  }

  @Test
  void checkWhenRelationUnknownThenValidationException() {
    assertThatThrownBy(() -> allowed("doc:readme", "no_such_relation", "user:anne"))
        .isInstanceOf(FgaValidationException.class);
  }

  @Test
  void checkWhenObjectMalformedThenValidationException() {
    assertThatThrownBy(() -> allowed("doc:read me", "viewer", "user:anne"))
        .isInstanceOf(FgaValidationException.class);
    assertThatThrownBy(() -> allowed("no_such_type:readme", "viewer", "user:anne"))
        .isInstanceOf(FgaValidationException.class);
  }

  @Test
  void writeWhenTupleBreaksTheModelThenValidationExceptionAndNothingWritten() {
    assertThatThrownBy(
            () ->
                write(
                    TupleKey.of("doc:readme", "viewer", "user:anne"),
                    TupleKey.of("doc:readme", "parent", "user:anne")))
        .isInstanceOf(FgaValidationException.class);

    assertThat(allowed("doc:readme", "viewer", "user:anne")).isFalse();
  }

  @Test
  void checkFromManyThreadsGivesEachCallerItsOwnAnswer() throws Exception {
    int users = 200;
    List<TupleKey> grants = new ArrayList<>();
    for (int i = 0; i < users; i += 2) {
      grants.add(TupleKey.of("doc:readme", "viewer", "user:u" + i));
    }
    write(grants.subList(0, 50).toArray(TupleKey[]::new));
    write(grants.subList(50, 100).toArray(TupleKey[]::new));

    ExecutorService pool = Executors.newFixedThreadPool(32);
    try {
      List<Future<Boolean>> answers = new ArrayList<>();
      for (int round = 0; round < 3; round++) {
        for (int i = 0; i < users; i++) {
          String user = "user:u" + i;
          answers.add(pool.submit(() -> allowed("doc:readme", "viewer", user)));
        }
      }
      for (int i = 0; i < answers.size(); i++) {
        assertThat(answers.get(i).get()).as("answer %d", i).isEqualTo(i % 2 == 0);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void checkAsyncFromOneThreadGivesEachCheckItsOwnAnswer() throws Exception {
    int users = 200;
    List<TupleKey> grants = new ArrayList<>();
    for (int i = 0; i < users; i += 2) {
      grants.add(TupleKey.of("doc:readme", "viewer", "user:u" + i));
    }
    write(grants.subList(0, 50).toArray(TupleKey[]::new));
    write(grants.subList(50, 100).toArray(TupleKey[]::new));

    List<CompletableFuture<CheckResult>> answers = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < users; i++) {
        answers.add(client.checkAsync(CheckRequest.of("doc:readme", "viewer", "user:u" + i)));
      }
    }
    for (int i = 0; i < answers.size(); i++) {
      assertThat(answers.get(i).get().allowed()).as("answer %d", i).isEqualTo(i % 2 == 0);
    }
  }

  @Test
  void checkAsyncWhenWriteGrantsThenAllowedAtOnce() throws Exception {
    CheckRequest anne = CheckRequest.of("doc:readme", "viewer", "user:anne");
    assertThat(client.checkAsync(anne).get().allowed()).isFalse();

    write(TupleKey.of("doc:readme", "viewer", "user:anne"));

    assertThat(client.checkAsync(anne).get().allowed()).isTrue();
    assertThat(client.checkAsync(anne, Consistency.HIGHER_CONSISTENCY).get().allowed()).isTrue();
  }

  @Test
  void checkAsyncWhenRelationUnknownThenTheFutureFailsWithAValidationException() {
    CompletableFuture<CheckResult> answer =
        client.checkAsync(CheckRequest.of("doc:readme", "no_such_relation", "user:anne"));

    assertThatThrownBy(answer::get)
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(FgaValidationException.class);
  }
}
