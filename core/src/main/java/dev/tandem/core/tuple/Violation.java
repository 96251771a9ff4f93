package dev.tandem.core.tuple;

import dev.tandem.core.ErrorCode;
import dev.tandem.core.FgaValidationException;

/**
 * One broken rule, before it is given the error code of the API that found it: OpenFGA answers the
 * same problem with different codes depending on where it occurs (a bad user is {@code
 * validation_error} in a check but {@code invalid_tuple} in a contextual tuple).
 *
 * @param kind which family of rules was broken
 * @param message names the offending value and the rule
 */
record Violation(Kind kind, String message) {

  /** The families of rules, in the order OpenFGA applies them. */
  enum Kind {
    /** A request field's own rule: length, whitespace, forbidden characters. */
    FIELD,
    /** The shape of an identifier: {@code type:id}, {@code type:id#relation}, {@code type:*}. */
    FORMAT,
    /** A type the model does not define. */
    TYPE_NOT_FOUND,
    /** A relation the type does not define. */
    RELATION_NOT_FOUND,
    /** A well-formed tuple that the model's type restrictions or tuplesets do not allow. */
    RESTRICTION,
    /** A condition that is missing, unknown, not allowed here, or given a bad context. */
    CONDITION
  }

  static Violation field(String message) {
    return new Violation(Kind.FIELD, message);
  }

  static Violation format(String message) {
    return new Violation(Kind.FORMAT, message);
  }

  /** The same rule, described as a problem of {@code tuple}. */
  Violation inTuple(TupleKey tuple) {
    return new Violation(kind, "invalid tuple " + Quoting.quote(tuple.toString()) + ": " + message);
  }

  FgaValidationException toException(ErrorCode code) {
    return new FgaValidationException(code, message);
  }
}
