package dev.tandem.core.tuple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.core.ErrorCode;
import dev.tandem.core.FgaValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link TupleStore}, run once for every implementation by a subclass. */
abstract class TupleStoreContractTest {

  static final TupleKey ANNE_VIEWS_README = TupleKey.of("doc:readme", "viewer", "user:anne");
  static final TupleKey BOB_VIEWS_README = TupleKey.of("doc:readme", "viewer", "user:bob");
  static final TupleKey ANNE_OWNS_README = TupleKey.of("doc:readme", "owner", "user:anne");
  static final TupleKey ANNE_VIEWS_PLAN = TupleKey.of("doc:plan", "viewer", "user:anne");
  static final TupleKey ENG_VIEWS_PLAN = TupleKey.of("doc:plan", "viewer", "group:eng#member");
  static final TupleKey EVERYONE_VIEWS_FAQ = TupleKey.of("doc:faq", "viewer", "user:*");
  static final TupleKey ANNE_IN_ENG = TupleKey.of("group:eng", "member", "user:anne");

  TupleStore store;

  abstract TupleStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  void write(TupleKey... tuples) {
    store.write(List.of(tuples), List.of());
  }

  @Test
  void findByObjectWhenTuplesWrittenThenReturnsTheUsersOfThatRelationOnly() {
    write(ANNE_VIEWS_README, BOB_VIEWS_README, ANNE_OWNS_README, ANNE_VIEWS_PLAN);

    assertThat(store.findByObject("doc:readme", "viewer"))
        .containsExactlyInAnyOrder(ANNE_VIEWS_README, BOB_VIEWS_README);
    assertThat(store.findByObject("doc:readme", "owner")).containsExactly(ANNE_OWNS_README);
    assertThat(store.findByObject("doc:readme", "editor")).isEmpty();
    assertThat(store.findByObject("doc:unknown", "viewer")).isEmpty();
  }

  @Test
  void findWhenTupleStoredThenReturnsItAndNothingForOtherUsersRelationsOrObjects() {
    write(ANNE_VIEWS_README, BOB_VIEWS_README, ANNE_OWNS_README, ENG_VIEWS_PLAN);

    assertThat(store.find("doc:readme", "viewer", "user:anne")).isEqualTo(ANNE_VIEWS_README);
    assertThat(store.find("doc:readme", "owner", "user:anne")).isEqualTo(ANNE_OWNS_README);
    assertThat(store.find("doc:plan", "viewer", "group:eng#member")).isEqualTo(ENG_VIEWS_PLAN);
    assertThat(store.find("doc:readme", "owner", "user:bob")).isNull();
    assertThat(store.find("doc:readme", "editor", "user:anne")).isNull();
    assertThat(store.find("doc:plan", "viewer", "group:eng")).isNull();
    assertThat(store.find("doc:unknown", "viewer", "user:anne")).isNull();
    assertThat(store.find("doc:readme", "viewer", "user:nobody")).isNull();
  }

  @Test
  void findWhenWildcardStoredThenFoundOnlyAsWritten() {
    write(EVERYONE_VIEWS_FAQ);

    assertThat(store.find("doc:faq", "viewer", "user:*")).isEqualTo(EVERYONE_VIEWS_FAQ);
    assertThat(store.find("doc:faq", "viewer", "user:anne")).isNull();
  }

  @Test
  void findWhenConditionStoredThenReturnedWithIt() {
    TupleCondition inOffice = new TupleCondition("in_office", Map.of("strict", true));
    TupleKey conditional = new TupleKey("doc:readme", "viewer", "user:anne", inOffice);
    write(conditional, BOB_VIEWS_README);

    assertThat(store.find("doc:readme", "viewer", "user:anne")).isEqualTo(conditional);
    assertThat(store.find("doc:readme", "viewer", "user:bob")).isEqualTo(BOB_VIEWS_README);
  }

  @Test
  void findWhenTupleDeletedThenNull() {
    write(ANNE_VIEWS_README, BOB_VIEWS_README);

    store.write(List.of(), List.of(ANNE_VIEWS_README));

    assertThat(store.find("doc:readme", "viewer", "user:anne")).isNull();
    assertThat(store.find("doc:readme", "viewer", "user:bob")).isEqualTo(BOB_VIEWS_README);
  }

  @Test
  void findUsersetsWhenMixedUsersStoredThenOnlyUsersetsWithTheirConditions() {
    TupleKey conditionalTeam =
        new TupleKey("doc:plan", "viewer", "team:ops#member", TupleCondition.of("in_office"));
    write(ANNE_VIEWS_PLAN, ENG_VIEWS_PLAN, conditionalTeam, ANNE_VIEWS_README);
    write(TupleKey.of("doc:plan", "viewer", "user:*"), TupleKey.of("doc:plan", "owner", "g:x#m"));

    assertThat(store.findUsersets("doc:plan", "viewer"))
        .containsExactlyInAnyOrder(ENG_VIEWS_PLAN, conditionalTeam);
    assertThat(store.findUsersets("doc:readme", "viewer")).isEmpty();
    assertThat(store.findUsersets("doc:plan", "editor")).isEmpty();
    assertThat(store.findUsersets("doc:unknown", "viewer")).isEmpty();
  }

  @Test
  void findUsersetsWhenIdentifiersUseNonLatinCharactersThenReturnedUnchanged() {
    TupleKey wide = TupleKey.of("doc:報告書", "viewer", "グループ:開発#member");
    TupleKey narrow = TupleKey.of("doc:報告書", "viewer", "group:zoë#member");
    write(wide, narrow, TupleKey.of("doc:報告書", "viewer", "user:報#"));

    assertThat(store.findUsersets("doc:報告書", "viewer"))
        .contains(wide, narrow)
        .allSatisfy(t -> assertThat(t.user()).contains("#"));
    assertThat(store.find("doc:報告書", "viewer", "グループ:開発#member")).isEqualTo(wide);
  }

  @Test
  void findByUserWhenTuplesWrittenThenMatchesTheExactUserTypeAndRelation() {
    write(ANNE_VIEWS_README, ANNE_VIEWS_PLAN, ANNE_OWNS_README, ENG_VIEWS_PLAN, ANNE_IN_ENG);

    assertThat(store.findByUser("doc", "viewer", "user:anne"))
        .containsExactlyInAnyOrder(ANNE_VIEWS_README, ANNE_VIEWS_PLAN);
    assertThat(store.findByUser("group", "member", "user:anne")).containsExactly(ANNE_IN_ENG);
    assertThat(store.findByUser("doc", "viewer", "group:eng#member"))
        .containsExactly(ENG_VIEWS_PLAN);
    assertThat(store.findByUser("doc", "viewer", "group:eng")).isEmpty();
    assertThat(store.findByUser("folder", "viewer", "user:anne")).isEmpty();
  }

  @Test
  void findByUserWhenWildcardStoredThenOnlyTheWildcardUserFindsIt() {
    write(EVERYONE_VIEWS_FAQ);

    assertThat(store.findByUser("doc", "viewer", "user:*")).containsExactly(EVERYONE_VIEWS_FAQ);
    assertThat(store.findByUser("doc", "viewer", "user:anne")).isEmpty();
  }

  @Test
  void writeWhenDeletesAndWritesGivenThenAppliesBoth() {
    write(ANNE_VIEWS_README);

    store.write(List.of(BOB_VIEWS_README), List.of(ANNE_VIEWS_README));

    assertThat(store.findByObject("doc:readme", "viewer")).containsExactly(BOB_VIEWS_README);
    assertThat(store.findByUser("doc", "viewer", "user:anne")).isEmpty();
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void writeWhenTupleDeletedThenItCanBeWrittenAgain() {
    write(ANNE_VIEWS_README);
    store.write(List.of(), List.of(ANNE_VIEWS_README));

    write(ANNE_VIEWS_README);

    assertThat(store.read(null, null, null)).containsExactly(ANNE_VIEWS_README);
  }

  @Test
  void writeWhenTupleAlreadyExistsThenRejectedAndNothingChanges() {
    write(ANNE_VIEWS_README);

    assertThatThrownBy(() -> write(BOB_VIEWS_README, ANNE_VIEWS_README))
        .isInstanceOfSatisfying(
            FgaValidationException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.WRITE_FAILED_DUE_TO_INVALID_INPUT))
        .hasMessageContaining("cannot write a tuple which already exists")
        .hasMessageContaining("user: 'user:anne', relation: 'viewer', object: 'doc:readme'");
    assertThat(store.read(null, null, null)).containsExactly(ANNE_VIEWS_README);
  }

  @Test
  void writeWhenTupleExistsWithAnotherConditionThenStillADuplicate() {
    write(ANNE_VIEWS_README);
    TupleKey conditional =
        new TupleKey("doc:readme", "viewer", "user:anne", TupleCondition.of("in_office"));

    assertThatThrownBy(() -> write(conditional))
        .isInstanceOfSatisfying(
            FgaValidationException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.WRITE_FAILED_DUE_TO_INVALID_INPUT));
    assertThat(store.findByObject("doc:readme", "viewer")).containsExactly(ANNE_VIEWS_README);
  }

  @Test
  void writeWhenDeletedTupleMissingThenRejectedAndNothingChanges() {
    write(ANNE_VIEWS_README);

    assertThatThrownBy(() -> store.write(List.of(ANNE_VIEWS_PLAN), List.of(BOB_VIEWS_README)))
        .isInstanceOfSatisfying(
            FgaValidationException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.WRITE_FAILED_DUE_TO_INVALID_INPUT))
        .hasMessageContaining("cannot delete a tuple which does not exist")
        .hasMessageContaining("user: 'user:bob', relation: 'viewer', object: 'doc:readme'");
    assertThat(store.read(null, null, null)).containsExactly(ANNE_VIEWS_README);
  }

  @Test
  void writeWhenLaterDeleteMissingThenEarlierDeletesAreNotApplied() {
    write(ANNE_VIEWS_README, BOB_VIEWS_README);

    assertThatThrownBy(() -> store.write(List.of(), List.of(ANNE_VIEWS_README, ANNE_VIEWS_PLAN)))
        .isInstanceOf(FgaValidationException.class);
    assertThat(store.size()).isEqualTo(2);
    assertThat(store.findByUser("doc", "viewer", "user:anne")).containsExactly(ANNE_VIEWS_README);
  }

  @Test
  void writeWhenSameTupleTwiceInOneCallThenRejectedAsDuplicate() {
    TupleKey conditional =
        new TupleKey("doc:readme", "viewer", "user:anne", TupleCondition.of("in_office"));

    assertThatThrownBy(() -> write(ANNE_VIEWS_README, conditional))
        .isInstanceOfSatisfying(
            FgaValidationException.class,
            e ->
                assertThat(e.code())
                    .isEqualTo(ErrorCode.CANNOT_ALLOW_DUPLICATE_TUPLES_IN_ONE_REQUEST))
        .hasMessageContaining("duplicate tuple in write");
    assertThat(store.size()).isZero();
  }

  @Test
  void writeWhenTupleBothDeletedAndWrittenThenRejectedAsDuplicate() {
    write(ANNE_VIEWS_README);

    assertThatThrownBy(() -> store.write(List.of(ANNE_VIEWS_README), List.of(ANNE_VIEWS_README)))
        .isInstanceOfSatisfying(
            FgaValidationException.class,
            e ->
                assertThat(e.code())
                    .isEqualTo(ErrorCode.CANNOT_ALLOW_DUPLICATE_TUPLES_IN_ONE_REQUEST));
    assertThat(store.read(null, null, null)).containsExactly(ANNE_VIEWS_README);
  }

  @Test
  void writeWhenMoreThanOneHundredTuplesThenExceedsEntityLimit() {
    List<TupleKey> writes = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      writes.add(TupleKey.of("doc:" + i, "viewer", "user:anne"));
    }
    List<TupleKey> deletes = new ArrayList<>();
    for (int i = 0; i < 41; i++) {
      deletes.add(TupleKey.of("doc:" + i, "viewer", "user:bob"));
    }

    assertThatThrownBy(() -> store.write(writes, deletes))
        .isInstanceOfSatisfying(
            FgaValidationException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.EXCEEDED_ENTITY_LIMIT))
        .hasMessage("The number of write operations exceeds the allowed limit of 100");
    assertThat(store.size()).isZero();
  }

  @Test
  void writeWhenExactlyOneHundredTuplesThenAccepted() {
    List<TupleKey> writes = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      writes.add(TupleKey.of("doc:" + i, "viewer", "user:anne"));
    }

    store.write(writes, List.of());

    assertThat(store.size()).isEqualTo(100);
    assertThat(store.findByUser("doc", "viewer", "user:anne")).hasSize(100);
  }

  @Test
  void readWhenConditionStoredThenReturnedWithItsContext() {
    TupleCondition inOffice =
        new TupleCondition("in_office", Map.of("cidrs", List.of("10.0.0.0/8"), "strict", true));
    TupleKey conditional = new TupleKey("doc:readme", "viewer", "user:anne", inOffice);
    write(conditional, BOB_VIEWS_README);

    assertThat(store.findByObject("doc:readme", "viewer"))
        .containsExactlyInAnyOrder(conditional, BOB_VIEWS_README);
    assertThat(store.findByUser("doc", "viewer", "user:anne")).containsExactly(conditional);
    assertThat(store.read("doc:readme", "viewer", "user:anne"))
        .singleElement()
        .satisfies(t -> assertThat(t.condition()).isEqualTo(inOffice));
  }

  @Test
  void deleteWhenConditionalTupleDeletedWithoutConditionThenItIsGone() {
    TupleKey conditional =
        new TupleKey("doc:readme", "viewer", "user:anne", TupleCondition.of("in_office"));
    write(conditional);

    store.write(List.of(), List.of(ANNE_VIEWS_README));
    write(ANNE_VIEWS_README);

    assertThat(store.findByObject("doc:readme", "viewer")).containsExactly(ANNE_VIEWS_README);
  }

  @Test
  void readWhenNoFilterThenAllTuplesOrderedByObjectRelationUser() {
    write(ANNE_VIEWS_README, ENG_VIEWS_PLAN, EVERYONE_VIEWS_FAQ, ANNE_IN_ENG);
    write(BOB_VIEWS_README, ANNE_OWNS_README, ANNE_VIEWS_PLAN);

    assertThat(store.read(null, null, null))
        .containsExactly(
            EVERYONE_VIEWS_FAQ,
            ENG_VIEWS_PLAN,
            ANNE_VIEWS_PLAN,
            ANNE_OWNS_README,
            ANNE_VIEWS_README,
            BOB_VIEWS_README,
            ANNE_IN_ENG);
    assertThat(store.size()).isEqualTo(7);
  }

  @Test
  void readWhenObjectGivenThenOnlyThatObjectAndOptionallyRelationAndUser() {
    write(ANNE_VIEWS_README, BOB_VIEWS_README, ANNE_OWNS_README, ANNE_VIEWS_PLAN);

    assertThat(store.read("doc:readme", null, null))
        .containsExactly(ANNE_OWNS_README, ANNE_VIEWS_README, BOB_VIEWS_README);
    assertThat(store.read("doc:readme", "viewer", null))
        .containsExactly(ANNE_VIEWS_README, BOB_VIEWS_README);
    assertThat(store.read("doc:readme", null, "user:anne"))
        .containsExactly(ANNE_OWNS_README, ANNE_VIEWS_README);
    assertThat(store.read("doc:readme", "viewer", "user:bob")).containsExactly(BOB_VIEWS_README);
    assertThat(store.read("doc:readme", "viewer", "user:carl")).isEmpty();
    assertThat(store.read("doc:other", null, null)).isEmpty();
  }

  @Test
  void readWhenTypeOnlyObjectGivenThenAllObjectsOfThatType() {
    write(ANNE_VIEWS_README, ANNE_IN_ENG, ENG_VIEWS_PLAN, TupleKey.of("docs:x", "viewer", "u:1"));

    assertThat(store.read("doc:", null, null)).containsExactly(ENG_VIEWS_PLAN, ANNE_VIEWS_README);
    assertThat(store.read("doc:", "viewer", "user:anne")).containsExactly(ANNE_VIEWS_README);
    assertThat(store.read("group:", null, "user:anne")).containsExactly(ANNE_IN_ENG);
    assertThat(store.read("folder:", null, null)).isEmpty();
    assertThat(store.read("folder:", null, "user:anne")).isEmpty();
  }

  @Test
  void readWhenOnlyUserOrRelationGivenThenFiltersAcrossObjects() {
    write(ANNE_VIEWS_README, BOB_VIEWS_README, ANNE_OWNS_README, ANNE_IN_ENG, ENG_VIEWS_PLAN);

    assertThat(store.read(null, null, "user:anne"))
        .containsExactly(ANNE_OWNS_README, ANNE_VIEWS_README, ANNE_IN_ENG);
    assertThat(store.read(null, "viewer", "user:anne")).containsExactly(ANNE_VIEWS_README);
    assertThat(store.read(null, "viewer", null))
        .containsExactly(ENG_VIEWS_PLAN, ANNE_VIEWS_README, BOB_VIEWS_README);
    assertThat(store.read(null, "editor", null)).isEmpty();
    assertThat(store.read(null, null, "user:nobody")).isEmpty();
  }

  @Test
  void readWhenWrittenInAnotherOrderThenSameOrder() {
    TupleStore other = newStore();
    write(ANNE_VIEWS_README, BOB_VIEWS_README, ANNE_VIEWS_PLAN, ANNE_IN_ENG);
    other.write(
        List.of(ANNE_IN_ENG, ANNE_VIEWS_PLAN, BOB_VIEWS_README, ANNE_VIEWS_README), List.of());

    assertThat(other.read(null, null, null)).isEqualTo(store.read(null, null, null));
    assertThat(other.read(null, null, "user:anne")).isEqualTo(store.read(null, null, "user:anne"));
  }

  @Test
  void sizeWhenWritesAndDeletesThenCountsStoredTuples() {
    assertThat(store.size()).isZero();
    write(ANNE_VIEWS_README, BOB_VIEWS_README, ANNE_IN_ENG);
    store.write(List.of(EVERYONE_VIEWS_FAQ), List.of(BOB_VIEWS_README, ANNE_IN_ENG));

    assertThat(store.size()).isEqualTo(2);
  }

  @Test
  void writeWhenEmptyThenNothingChanges() {
    write(ANNE_VIEWS_README);

    store.write(List.of(), List.of());

    assertThat(store.read(null, null, null)).containsExactly(ANNE_VIEWS_README);
  }

  @Test
  void findWhenIdentifiersUseNonLatinCharactersThenReturnedUnchanged() {
    TupleKey unicode = TupleKey.of("doc:報告書", "viewer", "user:zoë\uD83D\uDE00\uD800");
    write(unicode, TupleKey.of("doc:報告書", "viewer", "user:zoë??"));

    assertThat(store.findByObject("doc:報告書", "viewer")).contains(unicode).hasSize(2);
    assertThat(store.findByUser("doc", "viewer", "user:zoë\uD83D\uDE00\uD800"))
        .containsExactly(unicode);
  }
}
