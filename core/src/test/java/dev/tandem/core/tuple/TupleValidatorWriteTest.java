package dev.tandem.core.tuple;

import static dev.tandem.core.model.ConditionParameterType.TypeName.INT;
import static dev.tandem.core.model.ConditionParameterType.TypeName.STRING;
import static dev.tandem.core.tuple.Rejections.assertRejected;
import static dev.tandem.core.tuple.TestModels.butNot;
import static dev.tandem.core.tuple.TestModels.condition;
import static dev.tandem.core.tuple.TestModels.direct;
import static dev.tandem.core.tuple.TestModels.from;
import static dev.tandem.core.tuple.TestModels.model;
import static dev.tandem.core.tuple.TestModels.param;
import static dev.tandem.core.tuple.TestModels.relation;
import static dev.tandem.core.tuple.TestModels.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.tandem.core.ErrorCode;
import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.model.Rewrite;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link TupleValidator#validateForWrite}: every failure is OpenFGA's {@code validation_error}. */
class TupleValidatorWriteTest {

  static final AuthorizationModel MODEL =
      model(
          List.of(
              type("user"),
              type("group", direct("member", "user", "user:*", "group#member")),
              type("folder", direct("viewer", "user")),
              type(
                  "document",
                  direct("parent", "folder"),
                  direct("owner", "user", "group#member"),
                  direct("viewer", "user", "user:*"),
                  direct("editor", "user with in_range"),
                  direct("commenter", "user", "user with in_range"),
                  butNot("writer", "viewer", "user"),
                  relation(
                      "can_view",
                      new Rewrite.Union(
                          List.of(
                              new Rewrite.ComputedUserset("owner"),
                              new Rewrite.ComputedUserset("viewer")))),
                  from("inherited", "viewer", "parent"))),
          List.of(
              condition("in_range", "x", param(INT), "note", param(STRING)),
              condition("unused", "y", param(STRING))));

  private static void write(TupleKey tuple) {
    TupleValidator.validateForWrite(MODEL, tuple);
  }

  private static void write(String object, String relation, String user) {
    write(TupleKey.of(object, relation, user));
  }

  private static TupleKey conditional(
      String object, String relation, String user, String condition, Map<String, Object> context) {
    return new TupleKey(object, relation, user, new TupleCondition(condition, context));
  }

  @Test
  void validateForWriteWhenUserMatchesTypeRestrictionThenAccepts() {
    assertThatCode(() -> write("document:1", "owner", "user:anne")).doesNotThrowAnyException();
  }

  @Test
  void validateForWriteWhenUsersetMatchesTypeRestrictionThenAccepts() {
    assertThatCode(() -> write("document:1", "owner", "group:eng#member"))
        .doesNotThrowAnyException();
  }

  @Test
  void validateForWriteWhenRelationHasDirectPartInDifferenceThenAccepts() {
    assertThatCode(() -> write("document:1", "writer", "user:anne")).doesNotThrowAnyException();
  }

  @Test
  void validateForWriteWhenObjectTypeUnknownThenRejectsAsValidationError() {
    assertRejected(() -> write("folderx:1", "viewer", "user:anne"), ErrorCode.VALIDATION_ERROR)
        .isEqualTo("invalid tuple 'folderx:1#viewer@user:anne': type 'folderx' not found");
  }

  @Test
  void validateForWriteWhenRelationUnknownThenRejects() {
    assertRejected(() -> write("document:1", "reader", "user:anne"), ErrorCode.VALIDATION_ERROR)
        .endsWith("relation 'document#reader' not found");
  }

  @Test
  void validateForWriteWhenUserTypeUnknownThenRejects() {
    assertRejected(() -> write("document:1", "owner", "employee:x"), ErrorCode.VALIDATION_ERROR)
        .endsWith("type 'employee' not found");
  }

  @Test
  void validateForWriteWhenUsersetRelationUnknownThenRejects() {
    assertRejected(
            () -> write("document:1", "owner", "group:eng#admin"), ErrorCode.VALIDATION_ERROR)
        .endsWith("relation 'group#admin' not found");
  }

  @Test
  void validateForWriteWhenRelationNotDirectlyAssignableThenRejects() {
    assertRejected(() -> write("document:1", "can_view", "user:anne"), ErrorCode.VALIDATION_ERROR)
        .endsWith("relation 'document#can_view' cannot be assigned directly");
  }

  @Test
  void validateForWriteWhenUserTypeNotInRestrictionsThenRejectsListingThem() {
    assertRejected(() -> write("document:1", "owner", "folder:x"), ErrorCode.VALIDATION_ERROR)
        .endsWith(
            "relation 'document#owner' does not allow users of type 'folder';"
                + " it allows [user, group#member]");
  }

  @Test
  void validateForWriteWhenUsersetNotInRestrictionsThenRejects() {
    assertRejected(
            () -> write("document:1", "viewer", "group:eng#member"), ErrorCode.VALIDATION_ERROR)
        .contains("does not allow usersets 'group#member'");
  }

  @Test
  void validateForWriteWhenWildcardAllowedThenAccepts() {
    assertThatCode(() -> write("document:1", "viewer", "user:*")).doesNotThrowAnyException();
  }

  @Test
  void validateForWriteWhenWildcardNotAllowedThenRejects() {
    assertRejected(() -> write("document:1", "owner", "user:*"), ErrorCode.VALIDATION_ERROR)
        .contains("does not allow the wildcard 'user:*'");
  }

  @Test
  void validateForWriteWhenPlainTypeAllowedButOnlyWildcardGivenThenDoesNotConfuseThem() {
    assertRejected(() -> write("folder:1", "viewer", "user:*"), ErrorCode.VALIDATION_ERROR)
        .contains("does not allow the wildcard 'user:*'");
  }

  @Test
  void validateForWriteWhenWildcardHasRelationThenRejectsAsMalformed() {
    assertRejected(() -> write("group:1", "member", "group:*#member"), ErrorCode.VALIDATION_ERROR)
        .endsWith("user 'group:*#member' is invalid: a typed wildcard cannot be a userset");
  }

  @Test
  void validateForWriteWhenTuplesetHoldsWildcardThenRejects() {
    assertRejected(() -> write("document:1", "parent", "folder:*"), ErrorCode.VALIDATION_ERROR)
        .endsWith("tupleset relation 'document#parent' cannot hold the wildcard 'folder:*'");
  }

  @Test
  void validateForWriteWhenTuplesetHoldsUsersetThenRejects() {
    AuthorizationModel model =
        model(
            type("user"),
            type("folder", direct("viewer", "user")),
            type(
                "document",
                direct("parent", "folder", "folder#viewer"),
                from("viewer", "viewer", "parent")));
    assertRejected(
            () ->
                TupleValidator.validateForWrite(
                    model, TupleKey.of("document:1", "parent", "folder:1#viewer")),
            ErrorCode.VALIDATION_ERROR)
        .endsWith(
            "tupleset relation 'document#parent' can only hold objects, not 'folder:1#viewer'");
  }

  @Test
  void validateForWriteWhenTuplesetHoldsObjectThenAccepts() {
    assertThatCode(() -> write("document:1", "parent", "folder:1")).doesNotThrowAnyException();
  }

  @Test
  void validateForWriteWhenRequiredConditionMissingThenRejects() {
    assertRejected(() -> write("document:1", "editor", "user:anne"), ErrorCode.VALIDATION_ERROR)
        .endsWith(
            "relation 'document#editor' allows users of type 'user' only with a condition:"
                + " [user with in_range]");
  }

  @Test
  void validateForWriteWhenRequiredConditionGivenThenAccepts() {
    assertThatCode(
            () -> write(conditional("document:1", "editor", "user:anne", "in_range", Map.of())))
        .doesNotThrowAnyException();
  }

  @Test
  void validateForWriteWhenConditionOptionalThenAcceptsWithAndWithout() {
    assertThatCode(() -> write("document:1", "commenter", "user:anne")).doesNotThrowAnyException();
    assertThatCode(
            () ->
                write(
                    conditional(
                        "document:1", "commenter", "user:anne", "in_range", Map.of("x", 3))))
        .doesNotThrowAnyException();
  }

  @Test
  void validateForWriteWhenConditionGivenWhereRestrictionHasNoneThenRejects() {
    assertRejected(
            () -> write(conditional("document:1", "owner", "user:anne", "in_range", Map.of())),
            ErrorCode.VALIDATION_ERROR)
        .endsWith(
            "relation 'document#owner' does not allow users of type 'user'"
                + " with condition 'in_range'; it allows [user]");
  }

  @Test
  void validateForWriteWhenConditionUndefinedThenRejects() {
    assertRejected(
            () -> write(conditional("document:1", "editor", "user:anne", "nope", Map.of())),
            ErrorCode.VALIDATION_ERROR)
        .endsWith("condition 'nope' is not defined in the model");
  }

  @Test
  void validateForWriteWhenConditionDefinedButNotInRestrictionThenRejects() {
    assertRejected(
            () -> write(conditional("document:1", "editor", "user:anne", "unused", Map.of())),
            ErrorCode.VALIDATION_ERROR)
        .contains("with condition 'unused'");
  }

  @Test
  void validateForWriteWhenContextValueHasWrongTypeThenRejects() {
    TupleKey tuple = conditional("document:1", "editor", "user:anne", "in_range", Map.of("x", "a"));
    assertRejected(() -> write(tuple), ErrorCode.VALIDATION_ERROR)
        .endsWith(
            "the context of condition 'in_range' is invalid:"
                + " parameter 'x' must be int: found string 'a'");
  }

  @Test
  void validateForWriteWhenContextHasUndeclaredKeyThenRejects() {
    TupleKey tuple = conditional("document:1", "editor", "user:anne", "in_range", Map.of("y", 1));
    assertRejected(() -> write(tuple), ErrorCode.VALIDATION_ERROR)
        .endsWith("the condition declares no parameter 'y'");
  }

  @Test
  void validateForWriteWhenContextIntegerGivenAsWholeDoubleThenAccepts() {
    TupleKey tuple = conditional("document:1", "editor", "user:anne", "in_range", Map.of("x", 5.0));
    assertThatCode(() -> write(tuple)).doesNotThrowAnyException();
  }

  @Test
  void validateForWriteWhenContextExceeds32KibThenRejects() {
    String note = "n".repeat(ConditionContexts.MAX_CONTEXT_BYTES);
    TupleKey tuple =
        conditional("document:1", "editor", "user:anne", "in_range", Map.of("note", note));
    assertRejected(() -> write(tuple), ErrorCode.VALIDATION_ERROR)
        .contains("more than the limit of 32768");
  }

  @Test
  void validateForWriteWhenTupleRelatesUsersetToItselfThenRejects() {
    assertRejected(
            () -> write("group:eng", "member", "group:eng#member"), ErrorCode.VALIDATION_ERROR)
        .endsWith("a tuple cannot relate a userset to itself");
  }

  @Test
  void validateForWriteWhenIdentifierMalformedThenRejectsBeforeLookingAtModel() {
    assertRejected(() -> write("document:a b", "nope", "user:anne"), ErrorCode.VALIDATION_ERROR)
        .endsWith("object 'document:a b' is invalid: whitespace is not allowed");
  }

  @Test
  void validateForWriteWhenSchemaVersionUnsupportedThenRejects() {
    AuthorizationModel old = new AuthorizationModel("", "1.0", MODEL.types(), Map.of());
    assertRejected(
            () ->
                TupleValidator.validateForWrite(old, TupleKey.of("document:1", "owner", "user:a")),
            ErrorCode.VALIDATION_ERROR)
        .isEqualTo("schema version '1.0' is not supported: use 1.1 or 1.2");
  }

  @Test
  void isValidForReadWhenTupleFitsModelThenTrue() {
    assertThat(TupleValidator.isValidForRead(MODEL, TupleKey.of("document:1", "owner", "user:a")))
        .isTrue();
  }

  @Test
  void isValidForReadWhenRelationNoLongerExistsThenFalse() {
    assertThat(TupleValidator.isValidForRead(MODEL, TupleKey.of("document:1", "gone", "user:a")))
        .isFalse();
    assertThat(TupleValidator.isValidForRead(MODEL, TupleKey.of("gone:1", "owner", "user:a")))
        .isFalse();
  }

  @Test
  void isValidForReadWhenTypeRestrictionChangedThenFalse() {
    assertThat(TupleValidator.isValidForRead(MODEL, TupleKey.of("document:1", "owner", "user:*")))
        .isFalse();
  }

  @Test
  void isValidForReadWhenConditionNoLongerAllowedThenFalse() {
    TupleKey tuple = conditional("document:1", "owner", "user:anne", "in_range", Map.of());
    assertThat(TupleValidator.isValidForRead(MODEL, tuple)).isFalse();
  }
}
