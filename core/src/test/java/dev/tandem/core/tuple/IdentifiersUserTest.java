package dev.tandem.core.tuple;

import static dev.tandem.core.tuple.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.tandem.core.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Users and whole tuple keys. */
class IdentifiersUserTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"user:anne", "user:*", "group:eng#member", "user:a*b", "user:anne@example.com"})
  void validateUserWhenObjectWildcardOrUsersetThenAccepts(String user) {
    assertThatCode(() -> Identifiers.validateUser(user)).doesNotThrowAnyException();
  }

  @Test
  void validateUserWhenWildcardHasRelationThenRejects() {
    assertRejected(() -> Identifiers.validateUser("group:*#member"), ErrorCode.VALIDATION_ERROR)
        .isEqualTo("user 'group:*#member' is invalid: a typed wildcard cannot be a userset");
  }

  @ParameterizedTest
  @ValueSource(strings = {"anne", "*", ""})
  void validateUserWhenUntypedThenRejects(String user) {
    assertRejected(() -> Identifiers.validateUser(user), ErrorCode.VALIDATION_ERROR)
        .endsWith("is invalid: must be type:id, type:* or type:id#relation");
  }

  @Test
  void validateUserWhenTwoColonsThenRejects() {
    assertRejected(() -> Identifiers.validateUser("a:b:c"), ErrorCode.VALIDATION_ERROR)
        .isEqualTo("user 'a:b:c' is invalid: ':' is not allowed in the id");
  }

  @Test
  void validateUserWhenUsersetIdHasStarThenRejects() {
    assertRejected(() -> Identifiers.validateUser("group:e*g#member"), ErrorCode.VALIDATION_ERROR)
        .isEqualTo("user 'group:e*g#member' is invalid: '*' is not allowed in the id");
  }

  @Test
  void validateUserWhenUsersetRelationEmptyThenRejects() {
    assertRejected(() -> Identifiers.validateUser("group:eng#"), ErrorCode.VALIDATION_ERROR)
        .isEqualTo("user 'group:eng#' is invalid: the relation must not be empty");
  }

  @Test
  void validateUserWhenUsersetHasTwoHashesThenRejects() {
    assertRejected(() -> Identifiers.validateUser("group:eng#a#b"), ErrorCode.VALIDATION_ERROR)
        .isEqualTo("user 'group:eng#a#b' is invalid: '#' is not allowed in the relation");
  }

  @Test
  void validateUserWhenUsersetRelationHas50CharactersThenAccepts() {
    assertThatCode(() -> Identifiers.validateUser("group:eng#" + "r".repeat(50)))
        .doesNotThrowAnyException();
  }

  @Test
  void validateUserWhenUsersetRelationHas51CharactersThenRejects() {
    assertRejected(
            () -> Identifiers.validateUser("group:eng#" + "r".repeat(51)),
            ErrorCode.VALIDATION_ERROR)
        .endsWith("the relation is longer than 50 characters");
  }

  @Test
  void validateUserWhenTypeEmptyThenRejects() {
    assertRejected(() -> Identifiers.validateUser(":anne"), ErrorCode.VALIDATION_ERROR)
        .isEqualTo("user ':anne' is invalid: the type must not be empty");
  }

  @ParameterizedTest
  @ValueSource(strings = {" ", "\t", "\n", "\r", "\f"})
  void validateUserWhenWhitespaceThenRejects(String whitespace) {
    assertRejected(
            () -> Identifiers.validateUser("user:an" + whitespace + "ne"),
            ErrorCode.VALIDATION_ERROR)
        .endsWith("whitespace is not allowed in the id");
  }

  @Test
  void validateUserWhen512BytesOfAsciiThenAccepts() {
    assertThatCode(() -> Identifiers.validateUser("user:" + "a".repeat(507)))
        .doesNotThrowAnyException();
  }

  @Test
  void validateUserWhen513BytesOfAsciiThenRejects() {
    assertRejected(
            () -> Identifiers.validateUser("user:" + "a".repeat(508)), ErrorCode.VALIDATION_ERROR)
        .endsWith("is invalid: longer than 512 bytes of UTF-8");
  }

  @ParameterizedTest
  @ValueSource(strings = {"é", "€", "😀"})
  void validateUserWhen512BytesOfMultibyteCharactersThenAccepts(String character) {
    String user = fill(character, 512);
    assertThat(user.getBytes(StandardCharsets.UTF_8)).hasSize(512);
    assertThatCode(() -> Identifiers.validateUser(user)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"é", "€", "😀"})
  void validateUserWhen513BytesOfMultibyteCharactersThenRejects(String character) {
    String user = fill(character, 513);
    assertThat(user.getBytes(StandardCharsets.UTF_8)).hasSize(513);
    assertRejected(() -> Identifiers.validateUser(user), ErrorCode.VALIDATION_ERROR)
        .endsWith("longer than 512 bytes of UTF-8");
  }

  /** {@code user:} then as many {@code character} as fit, then ASCII up to {@code bytes}. */
  private static String fill(String character, int bytes) {
    int width = character.getBytes(StandardCharsets.UTF_8).length;
    int count = (bytes - 5) / width;
    return "user:" + character.repeat(count) + "a".repeat(bytes - 5 - count * width);
  }

  @Test
  void validateTupleKeyWhenWellFormedThenAccepts() {
    assertThatCode(
            () -> Identifiers.validateTupleKey(TupleKey.of("doc:1", "viewer", "group:eng#member")))
        .doesNotThrowAnyException();
  }

  @Test
  void validateTupleKeyWhenObjectHasWhitespaceThenRejectsNamingTupleAndObject() {
    assertRejected(
            () -> Identifiers.validateTupleKey(TupleKey.of("doc:a b", "viewer", "user:anne")),
            ErrorCode.VALIDATION_ERROR)
        .isEqualTo(
            "invalid tuple 'doc:a b#viewer@user:anne':"
                + " object 'doc:a b' is invalid: whitespace is not allowed");
  }

  @Test
  void validateTupleKeyWhenRelationEmptyThenRejects() {
    assertRejected(
            () -> Identifiers.validateTupleKey(TupleKey.of("doc:1", "", "user:anne")),
            ErrorCode.VALIDATION_ERROR)
        .endsWith("relation '' is invalid: must not be empty");
  }

  @Test
  void validateTupleKeyWhenUserIsWildcardUsersetThenRejects() {
    assertRejected(
            () -> Identifiers.validateTupleKey(TupleKey.of("doc:1", "viewer", "group:*#member")),
            ErrorCode.VALIDATION_ERROR)
        .endsWith("a typed wildcard cannot be a userset");
  }

  @Test
  void validateTupleKeyWhenObjectIsWildcardThenRejects() {
    assertRejected(
            () -> Identifiers.validateTupleKey(TupleKey.of("doc:*", "viewer", "user:anne")),
            ErrorCode.VALIDATION_ERROR)
        .endsWith("a typed wildcard cannot be an object");
  }

  @ParameterizedTest
  @ValueSource(strings = {"c", "in range"})
  void validateTupleKeyWhenConditionNameInvalidThenRejects(String name) {
    TupleKey tuple =
        new TupleKey("doc:1", "viewer", "user:anne", new TupleCondition(name, Map.of()));
    assertRejected(() -> Identifiers.validateTupleKey(tuple), ErrorCode.VALIDATION_ERROR)
        .contains("condition name '" + name + "' is invalid");
  }

  @Test
  void validateTupleKeyWhenSeveralProblemsThenReportsTheFieldRulesFirst() {
    assertRejected(
            () -> Identifiers.validateTupleKey(TupleKey.of("doc:a b", "viewer", "anne")),
            ErrorCode.VALIDATION_ERROR)
        .contains("object 'doc:a b' is invalid");
  }

  @Test
  void messageWhenValueHasNewlineThenEscapesIt() {
    assertRejected(() -> Identifiers.validateObject("doc:a\nb"), ErrorCode.VALIDATION_ERROR)
        .isEqualTo("object 'doc:a\\nb' is invalid: whitespace is not allowed");
  }

  @Test
  void messageWhenValueHasInvisibleCharacterThenEscapesIt() {
    assertRejected(() -> Identifiers.validateUser("anne\u200B"), ErrorCode.VALIDATION_ERROR)
        .startsWith("user 'anne\\u200B' is invalid");
  }
}
