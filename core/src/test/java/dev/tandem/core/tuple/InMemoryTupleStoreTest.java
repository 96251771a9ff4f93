package dev.tandem.core.tuple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.core.ErrorCode;
import dev.tandem.core.FgaValidationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class InMemoryTupleStoreTest extends TupleStoreContractTest {

  @Override
  TupleStore newStore() {
    return new InMemoryTupleStore();
  }

  @Test
  void writeWhenLimitConfiguredThenThatLimitApplies() {
    InMemoryTupleStore small = new InMemoryTupleStore(2);
    small.write(List.of(ANNE_VIEWS_README, BOB_VIEWS_README), List.of());

    assertThatThrownBy(
            () -> small.write(List.of(ANNE_VIEWS_PLAN, ANNE_IN_ENG), List.of(BOB_VIEWS_README)))
        .isInstanceOfSatisfying(
            FgaValidationException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.EXCEEDED_ENTITY_LIMIT))
        .hasMessageEndingWith("allowed limit of 2");
    assertThat(small.size()).isEqualTo(2);
  }

  @Test
  void constructWhenLimitBelowOneThenRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new InMemoryTupleStore(0))
        .withMessageContaining("maxTuplesPerWrite is 0");
  }

  @Test
  void deleteWhenLastTupleOfAStringGoneThenTheStringIsDropped() {
    InMemoryTupleStore store = new InMemoryTupleStore();
    store.write(List.of(ANNE_VIEWS_README, BOB_VIEWS_README, ANNE_VIEWS_PLAN), List.of());
    assertThat(store.distinctStrings()).isEqualTo(4);

    store.write(List.of(), List.of(BOB_VIEWS_README, ANNE_VIEWS_PLAN));
    assertThat(store.distinctStrings()).isEqualTo(2);

    store.write(List.of(), List.of(ANNE_VIEWS_README));
    assertThat(store.distinctStrings()).isZero();
  }

  @Test
  void writeWhenManyTuplesChurnThenStoreMatchesAReferenceModel() {
    InMemoryTupleStore store = new InMemoryTupleStore();
    Map<TupleKey, TupleKey> reference = new HashMap<>();
    Random random = new Random(42);
    for (int round = 0; round < 400; round++) {
      List<TupleKey> writes = new ArrayList<>();
      List<TupleKey> deletes = new ArrayList<>();
      Map<TupleKey, Boolean> touched = new HashMap<>();
      for (int i = 0; i < 50; i++) {
        TupleKey tuple = randomTuple(random);
        TupleKey identity = tuple.withoutCondition();
        if (touched.putIfAbsent(identity, true) != null) {
          continue;
        }
        if (reference.containsKey(identity)) {
          deletes.add(identity);
        } else {
          writes.add(tuple);
        }
      }
      store.write(writes, deletes);
      deletes.forEach(reference::remove);
      writes.forEach(t -> reference.put(t.withoutCondition(), t));
    }

    assertThat(store.size()).isEqualTo(reference.size());
    assertThat(store.read(null, null, null))
        .containsExactlyElementsOf(
            reference.values().stream().sorted(TupleIndex.ORDER).collect(Collectors.toList()));
    for (int doc = 0; doc < 60; doc++) {
      String object = "doc:" + doc;
      assertThat(store.findByObject(object, "viewer"))
          .containsExactlyInAnyOrderElementsOf(
              reference.values().stream()
                  .filter(t -> t.object().equals(object) && t.relation().equals("viewer"))
                  .collect(Collectors.toList()));
    }
    for (int user = 0; user < 300; user++) {
      String subject = "user:" + user;
      assertThat(store.findByUser("doc", "editor", subject))
          .containsExactlyInAnyOrderElementsOf(
              reference.values().stream()
                  .filter(t -> t.user().equals(subject) && t.relation().equals("editor"))
                  .collect(Collectors.toList()));
    }
  }

  @Test
  void deleteWhenEverythingDeletedThenStoreIsEmptyAndReusable() {
    InMemoryTupleStore store = new InMemoryTupleStore();
    List<List<TupleKey>> batches = new ArrayList<>();
    for (int b = 0; b < 50; b++) {
      List<TupleKey> batch = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        batch.add(TupleKey.of("project:p" + (b * 100 + i) % 7, "member", "user:u" + b + "-" + i));
      }
      store.write(batch, List.of());
      batches.add(batch);
    }
    assertThat(store.findByObject("project:p3", "member")).hasSize(5000 / 7);

    batches.forEach(batch -> store.write(List.of(), batch));

    assertThat(store.size()).isZero();
    assertThat(store.distinctStrings()).isZero();
    assertThat(store.read(null, null, null)).isEmpty();
    store.write(List.of(ANNE_VIEWS_README), List.of());
    assertThat(store.findByUser("doc", "viewer", "user:anne")).containsExactly(ANNE_VIEWS_README);
  }

  private static TupleKey randomTuple(Random random) {
    String object = "doc:" + random.nextInt(60);
    String relation = random.nextBoolean() ? "viewer" : "editor";
    // a skewed user distribution makes both one-element and large sets
    String user = "user:" + (random.nextBoolean() ? random.nextInt(5) : random.nextInt(300));
    TupleCondition condition =
        random.nextInt(4) == 0 ? new TupleCondition("c", Map.of("n", random.nextInt(9))) : null;
    return new TupleKey(object, relation, user, condition);
  }
}
