package dev.tandem.core.tuple;

import static dev.tandem.core.tuple.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.tandem.core.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Types, relations and objects; users and tuples are in {@link IdentifiersUserTest}. */
class IdentifiersTest {

  @ParameterizedTest
  @ValueSource(strings = {"document", "iam/identity", "role.approver", "a", "_t-1"})
  void validateTypeWhenNameHasNoForbiddenCharacterThenAccepts(String type) {
    assertThatCode(() -> Identifiers.validateType(type)).doesNotThrowAnyException();
  }

  @Test
  void validateTypeWhen254CharactersThenAccepts() {
    assertThatCode(() -> Identifiers.validateType("t".repeat(254))).doesNotThrowAnyException();
  }

  @Test
  void validateTypeWhen255CharactersThenRejectsAsInvalidPattern() {
    assertRejected(() -> Identifiers.validateType("t".repeat(255)), ErrorCode.TYPE_INVALID_PATTERN)
        .endsWith("is invalid: longer than 254 characters");
  }

  @Test
  void validateTypeWhen254MultibyteCodePointsThenAcceptsCountingCodePoints() {
    assertThatCode(() -> Identifiers.validateType("é".repeat(254))).doesNotThrowAnyException();
    assertThatCode(() -> Identifiers.validateType("😀".repeat(254))).doesNotThrowAnyException();
  }

  @Test
  void validateTypeWhen255MultibyteCodePointsThenRejects() {
    assertRejected(() -> Identifiers.validateType("😀".repeat(255)), ErrorCode.TYPE_INVALID_PATTERN)
        .endsWith("longer than 254 characters");
  }

  @Test
  void validateTypeWhenEmptyThenRejects() {
    assertRejected(() -> Identifiers.validateType(""), ErrorCode.TYPE_INVALID_PATTERN)
        .isEqualTo("type '' is invalid: must not be empty");
  }

  @ParameterizedTest
  @ValueSource(strings = {":", "#", "@"})
  void validateTypeWhenForbiddenCharacterThenRejectsNamingIt(String character) {
    assertRejected(
            () -> Identifiers.validateType("doc" + character + "x"), ErrorCode.TYPE_INVALID_PATTERN)
        .isEqualTo("type 'doc" + character + "x' is invalid: '" + character + "' is not allowed");
  }

  @ParameterizedTest
  @ValueSource(strings = {" ", "\t", "\n", "\r", "\f"})
  void validateTypeWhenWhitespaceThenRejects(String whitespace) {
    assertRejected(
            () -> Identifiers.validateType("do" + whitespace + "c"), ErrorCode.TYPE_INVALID_PATTERN)
        .endsWith("is invalid: whitespace is not allowed");
  }

  /** OpenFGA's {@code \s} is ASCII-only: it accepts these, so Tandem must too. */
  @ParameterizedTest
  @ValueSource(strings = {"\u000B", "\u00A0", "\u2003", "\u3000"})
  void validateTypeWhenWhitespaceOutsideGoClassThenAcceptsAsOpenFgaDoes(String space) {
    assertThatCode(() -> Identifiers.validateType("do" + space + "c")).doesNotThrowAnyException();
  }

  @Test
  void validateRelationWhen50CharactersThenAccepts() {
    assertThatCode(() -> Identifiers.validateRelation("r".repeat(50))).doesNotThrowAnyException();
  }

  @Test
  void validateRelationWhen51CharactersThenRejects() {
    assertRejected(() -> Identifiers.validateRelation("r".repeat(51)), ErrorCode.VALIDATION_ERROR)
        .endsWith("is invalid: longer than 50 characters");
  }

  @Test
  void validateRelationWhen50MultibyteCodePointsThenAccepts() {
    assertThatCode(() -> Identifiers.validateRelation("ß".repeat(50))).doesNotThrowAnyException();
  }

  @Test
  void validateRelationWhen51MultibyteCodePointsThenRejects() {
    assertRejected(() -> Identifiers.validateRelation("ß".repeat(51)), ErrorCode.VALIDATION_ERROR)
        .endsWith("longer than 50 characters");
  }

  @ParameterizedTest
  @ValueSource(strings = {":", "#", "@", " ", "\t", "\n"})
  void validateRelationWhenForbiddenCharacterThenRejects(String character) {
    assertRejected(
            () -> Identifiers.validateRelation("can" + character + "view"),
            ErrorCode.VALIDATION_ERROR)
        .startsWith("relation 'can");
  }

  @Test
  void validateRelationWhenEmptyThenRejects() {
    assertRejected(() -> Identifiers.validateRelation(""), ErrorCode.VALIDATION_ERROR)
        .isEqualTo("relation '' is invalid: must not be empty");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "document:roadmap",
        "doc:user@example.com",
        "doc:a,b",
        "doc:*abc",
        "doc:a*",
        "doc:café",
        "iam/identity:x",
        "doc:\u00A0"
      })
  void validateObjectWhenTypeAndIdAreWellFormedThenAccepts(String object) {
    assertThatCode(() -> Identifiers.validateObject(object)).doesNotThrowAnyException();
  }

  @Test
  void validateObjectWhenIdHasWhitespaceThenRejectsNamingIt() {
    assertRejected(() -> Identifiers.validateObject("doc:a b"), ErrorCode.VALIDATION_ERROR)
        .isEqualTo("object 'doc:a b' is invalid: whitespace is not allowed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\t", "\n", "\r", "\f"})
  void validateObjectWhenIdHasControlWhitespaceThenRejectsWithEscapedValue(String whitespace) {
    assertRejected(
            () -> Identifiers.validateObject("doc:a" + whitespace + "b"),
            ErrorCode.VALIDATION_ERROR)
        .endsWith("is invalid: whitespace is not allowed")
        .doesNotContain(whitespace);
  }

  @Test
  void validateObjectWhenIdHasVerticalTabThenAcceptsAsOpenFgaDoes() {
    assertThatCode(() -> Identifiers.validateObject("doc:a\u000Bb")).doesNotThrowAnyException();
  }

  @Test
  void validateObjectWhen256CharactersThenAccepts() {
    assertThatCode(() -> Identifiers.validateObject("doc:" + "x".repeat(252)))
        .doesNotThrowAnyException();
  }

  @Test
  void validateObjectWhen257CharactersThenRejects() {
    assertRejected(
            () -> Identifiers.validateObject("doc:" + "x".repeat(253)), ErrorCode.VALIDATION_ERROR)
        .endsWith("is invalid: longer than 256 characters");
  }

  @Test
  void validateObjectWhen256MultibyteCodePointsThenAccepts() {
    assertThatCode(() -> Identifiers.validateObject("doc:" + "€".repeat(252)))
        .doesNotThrowAnyException();
  }

  @Test
  void validateObjectWhen257MultibyteCodePointsThenRejects() {
    assertRejected(
            () -> Identifiers.validateObject("doc:" + "😀".repeat(253)), ErrorCode.VALIDATION_ERROR)
        .endsWith("longer than 256 characters");
  }

  @Test
  void validateObjectWhenMessageWouldBeLongThenCutsTheValue() {
    assertRejected(
            () -> Identifiers.validateObject("doc:" + "x".repeat(253)), ErrorCode.VALIDATION_ERROR)
        .contains("...'")
        .hasSizeLessThan(120);
  }

  @Test
  void validateObjectWhenNoColonThenRejects() {
    assertRejected(() -> Identifiers.validateObject("document"), ErrorCode.VALIDATION_ERROR)
        .isEqualTo("object 'document' is invalid: must be type:id");
  }

  @Test
  void validateObjectWhenTypeEmptyThenRejects() {
    assertRejected(() -> Identifiers.validateObject(":doc123"), ErrorCode.VALIDATION_ERROR)
        .isEqualTo("object ':doc123' is invalid: the type must not be empty");
  }

  @Test
  void validateObjectWhenIdEmptyThenRejects() {
    assertRejected(() -> Identifiers.validateObject("doc:"), ErrorCode.VALIDATION_ERROR)
        .isEqualTo("object 'doc:' is invalid: the id must not be empty");
  }

  @Test
  void validateObjectWhenSecondColonThenRejects() {
    assertRejected(() -> Identifiers.validateObject("doc:a:b"), ErrorCode.VALIDATION_ERROR)
        .isEqualTo("object 'doc:a:b' is invalid: ':' is not allowed in the id");
  }

  @Test
  void validateObjectWhenIdHasHashThenRejects() {
    assertRejected(() -> Identifiers.validateObject("doc:a#b"), ErrorCode.VALIDATION_ERROR)
        .isEqualTo("object 'doc:a#b' is invalid: '#' is not allowed in the id");
  }

  @Test
  void validateObjectWhenTypeHasAtSignThenRejects() {
    assertRejected(() -> Identifiers.validateObject("do@c:1"), ErrorCode.VALIDATION_ERROR)
        .isEqualTo("object 'do@c:1' is invalid: '@' is not allowed in the type");
  }

  @Test
  void validateObjectWhenIdIsWildcardThenRejects() {
    assertRejected(() -> Identifiers.validateObject("doc:*"), ErrorCode.VALIDATION_ERROR)
        .isEqualTo("object 'doc:*' is invalid: a typed wildcard cannot be an object");
  }

  @Test
  void validateObjectWhenSingleCharacterThenRejects() {
    assertRejected(() -> Identifiers.validateObject("d"), ErrorCode.VALIDATION_ERROR)
        .isEqualTo("object 'd' is invalid: shorter than 2 characters");
  }

  @Test
  void validateObjectWhenEmptyThenRejects() {
    assertRejected(() -> Identifiers.validateObject(""), ErrorCode.VALIDATION_ERROR)
        .isEqualTo("object '' is invalid: must not be empty");
  }

  @ParameterizedTest
  @ValueSource(strings = {"document1", "3fa85f64-5717-4562-b3fc-2c963f66afa6", "a/b", "x"})
  void isValidObjectIdWhenPortableCharactersThenTrue(String id) {
    assertThat(Identifiers.isValidObjectId(id)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "café", "a b", "a\tb", "a:b", "*a", "a%20b", "\u202Eabc", "éa", "#a", ":a"})
  void isValidObjectIdWhenOutsidePortableAlphabetThenFalse(String id) {
    assertThat(Identifiers.isValidObjectId(id)).isFalse();
  }
}
