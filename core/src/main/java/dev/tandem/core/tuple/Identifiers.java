package dev.tandem.core.tuple;

import dev.tandem.core.ErrorCode;
import dev.tandem.core.FgaValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Syntactic validation of OpenFGA identifiers, with OpenFGA's rules and error codes.
 *
 * <ul>
 *   <li>type: 1 to 254 characters, no {@code :}, {@code #}, {@code @} or whitespace;
 *   <li>relation: 1 to 50 characters, no {@code :}, {@code #}, {@code @} or whitespace;
 *   <li>object: {@code type:id}, 2 to 256 characters, the id non-empty without {@code #}, {@code :}
 *       or whitespace, and not the wildcard {@code *};
 *   <li>user: {@code type:id}, the wildcard {@code type:*}, or the userset {@code type:id#relation}
 *       (whose id may not contain {@code *}), at most 512 bytes of UTF-8.
 * </ul>
 *
 * <p>"Whitespace" is what OpenFGA's Go regular expressions mean by {@code \s}: space, tab, line
 * feed, form feed and carriage return. OpenFGA accepts other characters, such as the vertical tab
 * or the no-break space, and so does this class. Lengths are counted in Unicode code points, except
 * the user's, which is counted in UTF-8 bytes.
 *
 * <p>Every method throws {@link FgaValidationException} with {@link ErrorCode#VALIDATION_ERROR},
 * the code OpenFGA returns when such a value arrives in a check or a write, except {@link
 * #validateType} which uses {@link ErrorCode#TYPE_INVALID_PATTERN}, as OpenFGA does for the {@code
 * type} of a list-objects request. Messages name the value and the rule, e.g. {@code object 'doc:a
 * b' is invalid: whitespace is not allowed}.
 *
 * <p>Whether a type or relation exists is a question for the model: see {@link TupleValidator}.
 */
public final class Identifiers {

  /** The longest type name, in code points. */
  public static final int MAX_TYPE_LENGTH = 254;

  /** The longest relation name, in code points. */
  public static final int MAX_RELATION_LENGTH = 50;

  /** The longest object, {@code type:id}, in code points. */
  public static final int MAX_OBJECT_LENGTH = 256;

  /** The longest user, in bytes of UTF-8. */
  public static final int MAX_USER_BYTES = 512;

  private static final String NAME_FORBIDDEN = ":#@";
  private static final String ID_FORBIDDEN = "#:";
  private static final String USERSET_ID_FORBIDDEN = "#:*";
  private static final String USERSET_RELATION_FORBIDDEN = ":#@*";
  private static final String PORTABLE_ID_PUNCTUATION = "_|*@.+/-";
  private static final int MAX_CONDITION_NAME_LENGTH = 256;
  private static final int MAX_CHECK_USER_LENGTH = 512;

  private Identifiers() {}

  /** Validates a type name such as {@code document}. */
  public static void validateType(String type) {
    throwIfPresent(typeField(type), ErrorCode.TYPE_INVALID_PATTERN);
  }

  /** Validates a relation name such as {@code viewer}. */
  public static void validateRelation(String relation) {
    throwIfPresent(relationField(relation, false), ErrorCode.VALIDATION_ERROR);
  }

  /** Validates an object such as {@code document:roadmap}. */
  public static void validateObject(String object) {
    if (plain(object, MAX_OBJECT_LENGTH, false)) {
      return;
    }
    Violation violation = objectField(object, false);
    throwIfPresent(
        violation != null ? violation : objectFormat(object), ErrorCode.VALIDATION_ERROR);
  }

  /**
   * Validates a user: an object ({@code user:anne}), a typed wildcard ({@code user:*}) or a userset
   * ({@code group:eng#member}). A wildcard cannot be a userset: {@code group:*#member} is invalid.
   */
  public static void validateUser(String user) {
    if (plain(user, MAX_USER_BYTES, true)) {
      return;
    }
    Violation violation = tupleUserField(user);
    throwIfPresent(violation != null ? violation : userFormat(user), ErrorCode.VALIDATION_ERROR);
  }

  /**
   * Validates the identifiers of a tuple (user, relation, object and condition name), without a
   * model; OpenFGA answers a write of such a tuple with {@link ErrorCode#VALIDATION_ERROR}.
   */
  public static void validateTupleKey(TupleKey tuple) {
    Violation violation = tupleFields(tuple);
    throwIfPresent(violation != null ? violation : tupleFormat(tuple), ErrorCode.VALIDATION_ERROR);
  }

  /**
   * Whether {@code id} is an object id by the portable rule of OpenFGA's language tooling (CLI, IDE
   * plugins, the Go, JS and Java validators): only ASCII letters, digits and {@code _ | * @ . + /
   * -}, not starting with {@code *}.
   *
   * <p>Upstream lets any first character other than {@code #}, {@code :}, {@code *} or whitespace
   * through; Tandem also holds the first character to the portable set, so that invisible or
   * direction-changing characters (such as U+202E) cannot lead an id from untrusted input.
   *
   * <p>This is stricter than the server, which accepts any id without {@code #}, {@code :} or
   * whitespace (see {@link #validateObject}); it suits ids taken from untrusted input, such as a
   * path variable, before they are put into an object.
   */
  public static boolean isValidObjectId(String id) {
    if (id.isEmpty()) {
      return false;
    }
    if (id.charAt(0) == '*') {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean alphanumeric =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alphanumeric && PORTABLE_ID_PUNCTUATION.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  // Field rules: the checks OpenFGA's API applies to each request field before anything else.

  static @Nullable Violation typeField(String type) {
    return violation(Violation.Kind.FIELD, "type", type, nameProblem(type, MAX_TYPE_LENGTH));
  }

  static @Nullable Violation relationField(String relation, boolean emptyAllowed) {
    if (emptyAllowed && relation.isEmpty()) {
      return null;
    }
    return violation(
        Violation.Kind.FIELD, "relation", relation, nameProblem(relation, MAX_RELATION_LENGTH));
  }

  static @Nullable Violation objectField(String object, boolean emptyAllowed) {
    if (emptyAllowed && object.isEmpty()) {
      return null;
    }
    String problem;
    if (object.isEmpty()) {
      problem = "must not be empty";
    } else if (containsWhitespace(object)) {
      problem = "whitespace is not allowed";
    } else if (object.codePointCount(0, object.length()) < 2) {
      problem = "shorter than 2 characters";
    } else if (object.codePointCount(0, object.length()) > MAX_OBJECT_LENGTH) {
      problem = "longer than " + MAX_OBJECT_LENGTH + " characters";
    } else {
      return null;
    }
    return violation(Violation.Kind.FIELD, "object", object, problem);
  }

  /** The id of an object given as type and id (list users): non-empty, no #, : or whitespace. */
  static @Nullable Violation objectIdField(String object, String id) {
    return violation(
        Violation.Kind.FIELD,
        "object",
        object,
        partProblem(id, ID_FORBIDDEN, Integer.MAX_VALUE, "the id"));
  }

  /** The user of a tuple: at most 512 bytes. */
  static @Nullable Violation tupleUserField(String user) {
    return utf8Length(user) > MAX_USER_BYTES
        ? violation(
            Violation.Kind.FIELD, "user", user, "longer than " + MAX_USER_BYTES + " bytes of UTF-8")
        : null;
  }

  /** The user of a check request: 2 to 512 characters, no whitespace. */
  static @Nullable Violation checkUserField(String user) {
    String problem;
    int length = user.codePointCount(0, user.length());
    if (containsWhitespace(user)) {
      problem = "whitespace is not allowed";
    } else if (length < 2) {
      problem = "shorter than 2 characters";
    } else if (length > MAX_CHECK_USER_LENGTH) {
      problem = "longer than " + MAX_CHECK_USER_LENGTH + " characters";
    } else {
      return null;
    }
    return violation(Violation.Kind.FIELD, "user", user, problem);
  }

  /** The user of a list-objects request: 1 to 512 bytes. */
  static @Nullable Violation listObjectsUserField(String user) {
    return user.isEmpty()
        ? violation(Violation.Kind.FIELD, "user", user, "must not be empty")
        : tupleUserField(user);
  }

  static @Nullable Violation tupleFields(TupleKey tuple) {
    Violation violation = tupleUserField(tuple.user());
    if (violation == null) {
      violation = relationField(tuple.relation(), true);
    }
    if (violation == null) {
      violation = objectField(tuple.object(), true);
    }
    if (violation == null && tuple.condition() != null) {
      violation = conditionNameField(tuple.condition().name());
    }
    return violation == null ? null : violation.inTuple(tuple);
  }

  private static @Nullable Violation conditionNameField(String name) {
    String problem = null;
    int length = name.codePointCount(0, name.length());
    if (containsWhitespace(name)) {
      problem = "whitespace is not allowed";
    } else if (length < 2) {
      problem = "shorter than 2 characters";
    } else if (length > MAX_CONDITION_NAME_LENGTH) {
      problem = "longer than " + MAX_CONDITION_NAME_LENGTH + " characters";
    }
    return violation(Violation.Kind.FIELD, "condition name", name, problem);
  }

  // Format rules: the shape of identifiers, which OpenFGA checks once the request is accepted.

  static @Nullable Violation userFormat(String user) {
    int colon = user.indexOf(':');
    if (colon < 0) {
      return Violation.format(
          "user "
              + Quoting.quote(user)
              + " is invalid: must be type:id, type:* or type:id#relation");
    }
    String type = user.substring(0, colon);
    String rest = user.substring(colon + 1);
    String problem = partProblem(type, NAME_FORBIDDEN, MAX_TYPE_LENGTH, "the type");
    int hash = rest.indexOf('#');
    if (problem == null && hash < 0 && !rest.equals("*")) {
      problem = partProblem(rest, ID_FORBIDDEN, Integer.MAX_VALUE, "the id");
    } else if (problem == null && hash >= 0) {
      String id = rest.substring(0, hash);
      problem =
          id.equals("*")
              ? "a typed wildcard cannot be a userset"
              : partProblem(id, USERSET_ID_FORBIDDEN, Integer.MAX_VALUE, "the id");
      if (problem == null) {
        problem =
            partProblem(
                rest.substring(hash + 1),
                USERSET_RELATION_FORBIDDEN,
                MAX_RELATION_LENGTH,
                "the relation");
      }
    }
    return violation(Violation.Kind.FORMAT, "user", user, problem);
  }

  static @Nullable Violation objectFormat(String object) {
    int colon = object.indexOf(':');
    String problem;
    if (colon < 0) {
      problem = "must be type:id";
    } else {
      String id = object.substring(colon + 1);
      problem =
          partProblem(object.substring(0, colon), NAME_FORBIDDEN, MAX_TYPE_LENGTH, "the type");
      if (problem == null) {
        problem =
            id.equals("*")
                ? "a typed wildcard cannot be an object"
                : partProblem(id, ID_FORBIDDEN, Integer.MAX_VALUE, "the id");
      }
    }
    return violation(Violation.Kind.FORMAT, "object", object, problem);
  }

  static @Nullable Violation relationFormat(String relation) {
    return violation(
        Violation.Kind.FORMAT, "relation", relation, nameProblem(relation, MAX_RELATION_LENGTH));
  }

  /** The format rules of a tuple, in OpenFGA's order: user, object, relation. */
  static @Nullable Violation tupleFormat(TupleKey tuple) {
    Violation violation = userFormat(tuple.user());
    if (violation == null) {
      violation = objectFormat(tuple.object());
    }
    if (violation == null) {
      violation = relationFormat(tuple.relation());
    }
    return violation == null ? null : violation.inTuple(tuple);
  }

  // Helpers.

  /**
   * Whether {@code value} is plainly a valid {@code type:id}: printable ASCII, one colon with a
   * type and an id on either side, no {@code #}, no {@code @} in the type, at most {@code
   * maxLength} characters, and not a wildcard unless {@code wildcardAllowed}. Such a value passes
   * both the object and the user rules without the work of finding out what is wrong; false means
   * only "look closer": the full rules decide.
   */
  private static boolean plain(String value, int maxLength, boolean wildcardAllowed) {
    int length = value.length();
    if (length < 3 || length > maxLength) {
      return false;
    }
    int colon = -1;
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c > '@') {
        // Letters and the rest of printable ASCII have no meaning here.
        if (c >= 0x7f) {
          return false;
        }
      } else if (c <= ' ' || c == '#') {
        return false;
      } else if (c == ':') {
        if (colon >= 0) {
          return false;
        }
        colon = i;
      } else if (c == '@' && colon < 0) {
        return false;
      }
    }
    return colon > 0
        && colon <= MAX_TYPE_LENGTH
        && colon < length - 1
        && (wildcardAllowed || colon != length - 2 || value.charAt(length - 1) != '*');
  }

  /** Go's {@code \s}: the only whitespace OpenFGA rejects. */
  static boolean isWhitespace(int c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }

  private static boolean containsWhitespace(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (isWhitespace(value.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** What is wrong with a type or relation name, or null. */
  private static @Nullable String nameProblem(String name, int maxLength) {
    return partProblem(name, NAME_FORBIDDEN, maxLength, null);
  }

  /**
   * What is wrong with an identifier or one part of it ({@code part} is e.g. "the id"; null for the
   * whole value), or null.
   */
  private static @Nullable String partProblem(
      String value, String forbidden, int maxLength, @Nullable String part) {
    if (value.isEmpty()) {
      return part == null ? "must not be empty" : part + " must not be empty";
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      // Whitespace and every forbidden character ({@code # * : @}) sort at or below '@'.
      if (c <= '@') {
        if (isWhitespace(c)) {
          return "whitespace is not allowed" + in(part);
        }
        if (forbidden.indexOf(c) >= 0) {
          return "'" + c + "' is not allowed" + in(part);
        }
      }
    }
    if (value.codePointCount(0, value.length()) > maxLength) {
      return (part == null ? "" : part + " is ") + "longer than " + maxLength + " characters";
    }
    return null;
  }

  private static String in(@Nullable String part) {
    return part == null ? "" : " in " + part;
  }

  private static @Nullable Violation violation(
      Violation.Kind kind, String what, String value, @Nullable String problem) {
    return problem == null
        ? null
        : new Violation(kind, what + " " + Quoting.quote(value) + " is invalid: " + problem);
  }

  private static void throwIfPresent(@Nullable Violation violation, ErrorCode code) {
    if (violation != null) {
      throw violation.toException(code);
    }
  }

  /** The length of {@code value} in UTF-8, counting an unpaired surrogate as U+FFFD. */
  static int utf8Length(String value) {
    int bytes = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
