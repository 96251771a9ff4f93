package dev.tandem.core.tuple;

import static dev.tandem.core.tuple.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.tandem.core.ErrorCode;
import dev.tandem.core.FgaValidationException;
import dev.tandem.core.model.AuthorizationModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Check, list-objects and list-users requests: which code each situation gets, and in what order.
 */
class TupleValidatorRequestTest {

  private static final AuthorizationModel MODEL = TupleValidatorWriteTest.MODEL;
  private static final TupleKey GOOD = TupleKey.of("document:2", "owner", "user:anne");
  private static final TupleKey UNKNOWN_TYPE = TupleKey.of("folderx:1", "viewer", "user:anne");
  private static final TupleKey NOT_ALLOWED = TupleKey.of("document:1", "owner", "user:*");
  private static final TupleKey MISSING_CONDITION =
      TupleKey.of("document:1", "editor", "user:anne");
  private static final TupleKey BAD_FIELD = TupleKey.of("document:a b", "owner", "user:anne");

  private static void check(String object, String relation, String user, TupleKey... context) {
    TupleValidator.validateCheckRequest(MODEL, object, relation, user, List.of(context));
  }

  private static void listObjects(String type, String relation, String user, TupleKey... context) {
    TupleValidator.validateListObjectsRequest(MODEL, type, relation, user, List.of(context));
  }

  private static void listUsers(String object, String relation, String filter, TupleKey... ctx) {
    TupleValidator.validateListUsersRequest(MODEL, object, relation, List.of(filter), List.of(ctx));
  }

  @Test
  void validateCheckRequestWhenValidThenAccepts() {
    assertThatCode(() -> check("document:1", "can_view", "user:anne", GOOD))
        .doesNotThrowAnyException();
  }

  @Test
  void validateCheckRequestWhenUserNotAllowedByRestrictionsThenAcceptsBecauseCheckIsLoose() {
    assertThatCode(() -> check("document:1", "owner", "folder:x")).doesNotThrowAnyException();
    assertThatCode(() -> check("document:1", "can_view", "user:*")).doesNotThrowAnyException();
  }

  @Test
  void validateCheckRequestWhenObjectTypeUnknownThenValidationErrorNotTypeNotFound() {
    assertRejected(() -> check("folderx:1", "viewer", "user:anne"), ErrorCode.VALIDATION_ERROR)
        .isEqualTo("type 'folderx' not found");
  }

  @Test
  void validateCheckRequestWhenRelationUnknownThenValidationError() {
    assertRejected(() -> check("document:1", "reader", "user:anne"), ErrorCode.VALIDATION_ERROR)
        .isEqualTo("relation 'document#reader' not found");
  }

  @Test
  void validateCheckRequestWhenObjectIsWildcardThenValidationError() {
    assertRejected(() -> check("document:*", "owner", "user:anne"), ErrorCode.VALIDATION_ERROR)
        .endsWith("a typed wildcard cannot be an object");
  }

  @Test
  void validateCheckRequestWhenUserHasWhitespaceThenValidationError() {
    assertRejected(() -> check("document:1", "owner", "user:a b"), ErrorCode.VALIDATION_ERROR)
        .isEqualTo("user 'user:a b' is invalid: whitespace is not allowed");
  }

  @Test
  void validateCheckRequestWhenUserIsOneCharacterThenValidationError() {
    assertRejected(() -> check("document:1", "owner", "u"), ErrorCode.VALIDATION_ERROR)
        .endsWith("shorter than 2 characters");
  }

  @Test
  void validateCheckRequestWhenUserOver512BytesButUnder512CharactersThenAcceptsAsOpenFgaDoes() {
    assertThatCode(() -> check("document:1", "owner", "user:" + "é".repeat(300)))
        .doesNotThrowAnyException();
  }

  @Test
  void validateCheckRequestWhenUserOver512CharactersThenValidationError() {
    assertRejected(
            () -> check("document:1", "owner", "user:" + "a".repeat(508)),
            ErrorCode.VALIDATION_ERROR)
        .endsWith("longer than 512 characters");
  }

  @Test
  void validateCheckRequestWhenContextualTupleBreaksModelThenInvalidTuple() {
    assertRejected(
            () -> check("document:1", "owner", "user:anne", UNKNOWN_TYPE), ErrorCode.INVALID_TUPLE)
        .isEqualTo("invalid tuple 'folderx:1#viewer@user:anne': type 'folderx' not found");
    assertRejected(
            () -> check("document:1", "owner", "user:anne", NOT_ALLOWED), ErrorCode.INVALID_TUPLE)
        .contains("does not allow the wildcard 'user:*'");
  }

  @Test
  void validateCheckRequestWhenContextualTupleLacksConditionThenInvalidTuple() {
    assertRejected(
            () -> check("document:1", "owner", "user:anne", MISSING_CONDITION),
            ErrorCode.INVALID_TUPLE)
        .contains("only with a condition");
  }

  @Test
  void validateCheckRequestWhenContextualTupleFieldBrokenThenValidationError() {
    assertRejected(
            () -> check("document:1", "owner", "user:anne", BAD_FIELD), ErrorCode.VALIDATION_ERROR)
        .contains("whitespace is not allowed");
  }

  @Test
  void validateCheckRequestWhenContextualFieldAndRequestModelBothBrokenThenReportsFieldFirst() {
    assertRejected(
            () -> check("folderx:1", "owner", "user:anne", BAD_FIELD), ErrorCode.VALIDATION_ERROR)
        .startsWith("invalid tuple 'document:a b#owner@user:anne'");
  }

  @Test
  void validateCheckRequestWhenRequestAndContextualTupleBothBrokenThenReportsRequestFirst() {
    assertRejected(
            () -> check("folderx:1", "owner", "user:anne", NOT_ALLOWED), ErrorCode.VALIDATION_ERROR)
        .isEqualTo("type 'folderx' not found");
  }

  @Test
  void validateCheckRequestOfValidUserWhenUserValidThenSameOutcomeAsFullValidation() {
    List<List<Object>> requests =
        List.of(
            List.of("document:1", "can_view", List.of(GOOD)),
            List.of("folderx:1", "viewer", List.of()),
            List.of("document:1", "reader", List.of()),
            List.of("document:*", "owner", List.of()),
            List.of("document:a b", "owner", List.of()),
            List.of("document:1", "own er", List.of()),
            List.of("document:1", "owner", List.of(UNKNOWN_TYPE)),
            List.of("document:1", "owner", List.of(MISSING_CONDITION)),
            List.of("document:1", "owner", List.of(BAD_FIELD)),
            List.of("folderx:1", "owner", List.of(BAD_FIELD)),
            List.of("folderx:1", "owner", List.of(NOT_ALLOWED)));
    for (List<Object> request : requests) {
      String object = (String) request.get(0);
      String relation = (String) request.get(1);
      @SuppressWarnings("unchecked")
      List<TupleKey> context = (List<TupleKey>) request.get(2);

      assertThat(
              outcome(() -> check(object, relation, "user:anne", context.toArray(TupleKey[]::new))))
          .as("%s", request)
          .isEqualTo(
              outcome(
                  () ->
                      TupleValidator.validateCheckRequestOfValidUser(
                          MODEL, object, relation, context)));
    }
  }

  /** The code and message a validation throws, or "valid". */
  private static String outcome(Runnable validation) {
    try {
      validation.run();
      return "valid";
    } catch (FgaValidationException e) {
      return e.code() + ": " + e.getMessage();
    }
  }

  @Test
  void validateListObjectsRequestWhenValidThenAccepts() {
    assertThatCode(() -> listObjects("document", "can_view", "group:eng#member", GOOD))
        .doesNotThrowAnyException();
  }

  @Test
  void validateListObjectsRequestWhenTypeMalformedThenTypeInvalidPattern() {
    assertRejected(
            () -> listObjects("docu ment", "owner", "user:anne"), ErrorCode.TYPE_INVALID_PATTERN)
        .isEqualTo("type 'docu ment' is invalid: whitespace is not allowed");
  }

  @Test
  void validateListObjectsRequestWhenTypeUnknownThenTypeNotFound() {
    assertRejected(() -> listObjects("folderx", "owner", "user:anne"), ErrorCode.TYPE_NOT_FOUND)
        .isEqualTo("type 'folderx' not found");
  }

  @Test
  void validateListObjectsRequestWhenRelationUnknownThenRelationNotFound() {
    assertRejected(
            () -> listObjects("document", "reader", "user:anne"), ErrorCode.RELATION_NOT_FOUND)
        .isEqualTo("relation 'document#reader' not found");
  }

  @Test
  void validateListObjectsRequestWhenRelationMalformedThenValidationError() {
    assertRejected(() -> listObjects("document", "own er", "user:anne"), ErrorCode.VALIDATION_ERROR)
        .isEqualTo("relation 'own er' is invalid: whitespace is not allowed");
  }

  @Test
  void validateListObjectsRequestWhenUserInvalidThenValidationError() {
    assertRejected(() -> listObjects("document", "owner", "a:b:c"), ErrorCode.VALIDATION_ERROR);
    assertRejected(() -> listObjects("document", "owner", "employee:x"), ErrorCode.VALIDATION_ERROR)
        .isEqualTo("type 'employee' not found");
    assertRejected(
            () -> listObjects("document", "owner", "group:x#admin"), ErrorCode.VALIDATION_ERROR)
        .isEqualTo("relation 'group#admin' not found");
    assertRejected(() -> listObjects("document", "owner", ""), ErrorCode.VALIDATION_ERROR)
        .isEqualTo("user '' is invalid: must not be empty");
  }

  @Test
  void validateListObjectsRequestWhenUserAndTypeBothUnknownThenReportsTypeFirst() {
    assertRejected(() -> listObjects("folderx", "owner", "employee:x"), ErrorCode.TYPE_NOT_FOUND);
  }

  @Test
  void validateListObjectsRequestWhenContextualTupleInvalidThenInvalidTupleBeforeTypeCheck() {
    assertRejected(
        () -> listObjects("folderx", "owner", "user:anne", NOT_ALLOWED), ErrorCode.INVALID_TUPLE);
  }

  @Test
  void validateListObjectsRequestWhenContextualTupleLacksConditionThenValidationError() {
    assertRejected(
            () -> listObjects("document", "owner", "user:anne", MISSING_CONDITION),
            ErrorCode.VALIDATION_ERROR)
        .contains("only with a condition");
  }

  @Test
  void validateListObjectsRequestWhenContextualConditionContextInvalidThenValidationError() {
    TupleKey tuple =
        new TupleKey(
            "document:1",
            "editor",
            "user:anne",
            new TupleCondition("in_range", Map.of("x", "not a number")));
    assertRejected(
            () -> listObjects("document", "owner", "user:anne", tuple), ErrorCode.VALIDATION_ERROR)
        .contains("parameter 'x' must be int");
  }

  @Test
  void validateListObjectsRequestWhenSchemaVersionUnsupportedThenValidationError() {
    AuthorizationModel old = new AuthorizationModel("", "1.0", MODEL.types(), Map.of());
    assertRejected(
            () -> TupleValidator.validateListObjectsRequest(old, "document", "owner", "user:a"),
            ErrorCode.VALIDATION_ERROR)
        .contains("schema version '1.0'");
  }

  @Test
  void validateListUsersRequestWhenValidThenAccepts() {
    assertThatCode(() -> listUsers("document:1", "can_view", "user", GOOD))
        .doesNotThrowAnyException();
    assertThatCode(() -> listUsers("document:1", "owner", "group#member"))
        .doesNotThrowAnyException();
  }

  @Test
  void validateListUsersRequestWhenObjectTypeUnknownThenTypeNotFound() {
    assertRejected(() -> listUsers("folderx:1", "viewer", "user"), ErrorCode.TYPE_NOT_FOUND)
        .isEqualTo("type 'folderx' not found");
  }

  @Test
  void validateListUsersRequestWhenRelationUnknownThenRelationNotFound() {
    assertRejected(() -> listUsers("document:1", "reader", "user"), ErrorCode.RELATION_NOT_FOUND)
        .isEqualTo("relation 'document#reader' not found");
  }

  @Test
  void validateListUsersRequestWhenFilterTypeUnknownThenTypeNotFound() {
    assertRejected(() -> listUsers("document:1", "owner", "employee"), ErrorCode.TYPE_NOT_FOUND)
        .isEqualTo("type 'employee' not found");
  }

  @Test
  void validateListUsersRequestWhenFilterRelationUnknownThenRelationNotFound() {
    assertRejected(
            () -> listUsers("document:1", "owner", "group#admin"), ErrorCode.RELATION_NOT_FOUND)
        .isEqualTo("relation 'group#admin' not found");
  }

  @Test
  void validateListUsersRequestWhenFilterAndObjectBothUnknownThenReportsFilterFirst() {
    assertRejected(() -> listUsers("folderx:1", "viewer", "employee"), ErrorCode.TYPE_NOT_FOUND)
        .isEqualTo("type 'employee' not found");
  }

  @Test
  void validateListUsersRequestWhenContextualTupleInvalidThenInvalidTupleBeforeFilters() {
    assertRejected(
        () -> listUsers("document:1", "owner", "employee", NOT_ALLOWED), ErrorCode.INVALID_TUPLE);
  }

  @Test
  void validateListUsersRequestWhenContextualTupleLacksConditionThenValidationError() {
    assertRejected(
        () -> listUsers("document:1", "owner", "user", MISSING_CONDITION),
        ErrorCode.VALIDATION_ERROR);
  }

  @Test
  void validateListUsersRequestWhenNotExactlyOneFilterThenValidationError() {
    assertRejected(
            () -> TupleValidator.validateListUsersRequest(MODEL, "document:1", "owner", List.of()),
            ErrorCode.VALIDATION_ERROR)
        .endsWith("exactly one filter is required");
    assertRejected(
        () ->
            TupleValidator.validateListUsersRequest(
                MODEL, "document:1", "owner", List.of("user", "group#member")),
        ErrorCode.VALIDATION_ERROR);
  }

  @Test
  void validateListUsersRequestWhenFieldsMalformedThenPatternCodes() {
    assertRejected(() -> listUsers("document", "owner", "user"), ErrorCode.VALIDATION_ERROR)
        .isEqualTo("object 'document' is invalid: must be type:id");
    assertRejected(() -> listUsers("docu ment:1", "owner", "user"), ErrorCode.TYPE_INVALID_PATTERN);
    assertRejected(() -> listUsers("document:a b", "owner", "user"), ErrorCode.VALIDATION_ERROR)
        .isEqualTo("object 'document:a b' is invalid: whitespace is not allowed in the id");
    assertRejected(() -> listUsers("document:1", "ow ner", "user"), ErrorCode.VALIDATION_ERROR);
    assertRejected(() -> listUsers("document:1", "owner", "us er"), ErrorCode.TYPE_INVALID_PATTERN);
    assertRejected(
        () -> listUsers("document:1", "owner", "group#mem ber"), ErrorCode.VALIDATION_ERROR);
  }
}
