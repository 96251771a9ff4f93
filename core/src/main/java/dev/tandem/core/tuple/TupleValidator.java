package dev.tandem.core.tuple;

import dev.tandem.core.ErrorCode;
import dev.tandem.core.FgaValidationException;
import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.tuple.Violation.Kind;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Validation of tuples and requests against an {@link AuthorizationModel}, with the error codes
 * OpenFGA returns for each API.
 *
 * <p>OpenFGA checks a request in two passes: first each field on its own (lengths, whitespace,
 * forbidden characters), then the request against the model. The same problem gets a different code
 * depending on the API and on where it occurs:
 *
 * <table>
 *   <caption>Situation and error code, per API</caption>
 *   <tr><th>situation</th><th>write</th><th>check</th><th>list objects</th><th>list users</th></tr>
 *   <tr><td>a field breaks its own rule (length, whitespace, characters)</td>
 *       <td>2000</td><td>2000</td><td>2000; 2047 for {@code type}</td>
 *       <td>2000; 2047 for the object's type and a filter's type</td></tr>
 *   <tr><td>the user, object or relation is malformed, or its type or relation is not in the
 *       model</td><td>2000</td><td>2000</td><td>user: 2000</td><td>-</td></tr>
 *   <tr><td>the requested type is not in the model</td><td>-</td><td>-</td>
 *       <td>2021</td><td>2021 (object or filter)</td></tr>
 *   <tr><td>the requested relation is not on the type</td><td>-</td><td>-</td>
 *       <td>2022</td><td>2022 (object or filter)</td></tr>
 *   <tr><td>a tuple breaks a type restriction or a tupleset rule, is malformed, or names an
 *       unknown type or relation</td><td>2000</td><td>2027 (contextual)</td>
 *       <td>2027 (contextual)</td><td>2027 (contextual)</td></tr>
 *   <tr><td>a tuple's condition is missing, unknown, not allowed, or its context is invalid</td>
 *       <td>2000</td><td>2027 (contextual)</td><td>2000 (contextual)</td>
 *       <td>2000 (contextual)</td></tr>
 *   <tr><td>a tuple whose user is its own object and relation ({@code doc:1#viewer@doc:1#viewer}),
 *       or whose stored context exceeds 32 KiB</td><td>2000</td><td>-</td><td>-</td><td>-</td></tr>
 *   <tr><td>the model's schema version is neither 1.1 nor 1.2</td><td>2000</td><td>-</td>
 *       <td>2000</td><td>-</td></tr>
 * </table>
 *
 * <p>Codes: 2000 {@link ErrorCode#VALIDATION_ERROR}, 2021 {@link ErrorCode#TYPE_NOT_FOUND}, 2022
 * {@link ErrorCode#RELATION_NOT_FOUND}, 2027 {@link ErrorCode#INVALID_TUPLE}, 2047 {@link
 * ErrorCode#TYPE_INVALID_PATTERN}. A check's own tuple is validated loosely: a user the relation's
 * type restrictions do not allow is not an error, the check is simply false. Contextual tuples are
 * validated like written tuples. Expand answers as check does for its object and relation, and as
 * list objects does for contextual tuples. The order of the checks follows OpenFGA, so a request
 * with several problems reports the one OpenFGA reports.
 *
 * <p>Every method throws {@link FgaValidationException} naming the offending value and the rule.
 */
public final class TupleValidator {

  private static final Set<String> SUPPORTED_SCHEMA_VERSIONS = Set.of("1.1", "1.2");

  private TupleValidator() {}

  /**
   * Validates a tuple to be written: identifiers, types and relations, tupleset rules, type
   * restrictions, condition and its stored context.
   */
  public static void validateForWrite(AuthorizationModel model, TupleKey tuple) {
    Violation violation = schemaVersion(model);
    if (violation == null) {
      violation = Identifiers.tupleFields(tuple);
    }
    if (violation == null) {
      violation = againstModel(model, tuple);
    }
    if (violation == null) {
      violation = writeOnly(tuple);
    }
    throwIfPresent(violation, ErrorCode.VALIDATION_ERROR);
  }

  /**
   * Whether a stored tuple still fits {@code model}: its type and relation exist, its user matches
   * a type restriction and its condition that restriction. Identifiers are not re-validated. The
   * engine uses this to ignore tuples written under another model, as OpenFGA does.
   */
  public static boolean isValidForRead(AuthorizationModel model, TupleKey tuple) {
    return ModelChecks.restrictions(model, tuple) == null;
  }

  /** Validates a check request without contextual tuples. */
  public static void validateCheckRequest(
      AuthorizationModel model, String object, String relation, String user) {
    validateCheckRequest(model, object, relation, user, List.of());
  }

  /**
   * Validates a check request: the user, object and relation must be well formed and defined by the
   * model (else {@link ErrorCode#VALIDATION_ERROR}); each contextual tuple must be valid for a
   * write (else {@link ErrorCode#INVALID_TUPLE}).
   */
  public static void validateCheckRequest(
      AuthorizationModel model,
      String object,
      String relation,
      String user,
      List<TupleKey> contextualTuples) {
    Violation violation = Identifiers.checkUserField(user);
    if (violation == null) {
      violation = Identifiers.relationField(relation, false);
    }
    if (violation == null) {
      violation = Identifiers.objectField(object, false);
    }
    throwIfPresent(violation, ErrorCode.VALIDATION_ERROR);
    validateContextualFields(contextualTuples);
    throwIfPresent(
        ModelChecks.userObjectRelation(model, object, relation, user), ErrorCode.VALIDATION_ERROR);
    for (TupleKey tuple : contextualTuples) {
      throwIfPresent(againstModel(model, tuple), ErrorCode.INVALID_TUPLE);
    }
  }

  /**
   * Validates a check request whose user already passed {@link #validateCheckRequest} against the
   * same model: the same checks in the same order, minus those of the user alone, which cannot fail
   * again. For batches, which check one user against many objects.
   */
  public static void validateCheckRequestOfValidUser(
      AuthorizationModel model, String object, String relation, List<TupleKey> contextualTuples) {
    Violation violation = Identifiers.relationField(relation, false);
    if (violation == null) {
      violation = Identifiers.objectField(object, false);
    }
    throwIfPresent(violation, ErrorCode.VALIDATION_ERROR);
    validateContextualFields(contextualTuples);
    throwIfPresent(ModelChecks.objectRelation(model, object, relation), ErrorCode.VALIDATION_ERROR);
    for (TupleKey tuple : contextualTuples) {
      throwIfPresent(againstModel(model, tuple), ErrorCode.INVALID_TUPLE);
    }
  }

  /** Validates a list-objects request without contextual tuples. */
  public static void validateListObjectsRequest(
      AuthorizationModel model, String type, String relation, String user) {
    validateListObjectsRequest(model, type, relation, user, List.of());
  }

  /**
   * Validates a list-objects request: contextual tuples first (as for a write, but {@link
   * ErrorCode#INVALID_TUPLE} unless the problem is the condition), then the type ({@link
   * ErrorCode#TYPE_NOT_FOUND}) and relation ({@link ErrorCode#RELATION_NOT_FOUND}), then the user
   * ({@link ErrorCode#VALIDATION_ERROR}).
   */
  public static void validateListObjectsRequest(
      AuthorizationModel model,
      String type,
      String relation,
      String user,
      List<TupleKey> contextualTuples) {
    throwIfPresent(Identifiers.typeField(type), ErrorCode.TYPE_INVALID_PATTERN);
    Violation violation = Identifiers.relationField(relation, false);
    if (violation == null) {
      violation = Identifiers.listObjectsUserField(user);
    }
    throwIfPresent(violation, ErrorCode.VALIDATION_ERROR);
    validateContextualFields(contextualTuples);
    throwIfPresent(schemaVersion(model), ErrorCode.VALIDATION_ERROR);
    validateContextualTuples(model, contextualTuples);
    validateTypeAndRelation(model, type, relation);
    throwIfPresent(ModelChecks.user(model, user), ErrorCode.VALIDATION_ERROR);
  }

  /** Validates a list-users request without contextual tuples. */
  public static void validateListUsersRequest(
      AuthorizationModel model, String object, String relation, List<String> userFilters) {
    validateListUsersRequest(model, object, relation, userFilters, List.of());
  }

  /**
   * Validates a list-users request: {@code object} is {@code type:id}; {@code userFilters} holds
   * exactly one filter, a type ({@code user}) or a type and relation ({@code group#member}).
   * Contextual tuples come first (codes as for list objects), then the filter, then the object's
   * type and the relation, each answered with {@link ErrorCode#TYPE_NOT_FOUND} or {@link
   * ErrorCode#RELATION_NOT_FOUND}.
   */
  public static void validateListUsersRequest(
      AuthorizationModel model,
      String object,
      String relation,
      List<String> userFilters,
      List<TupleKey> contextualTuples) {
    String objectType = validateListUsersFields(object, relation, userFilters);
    validateContextualFields(contextualTuples);
    validateContextualTuples(model, contextualTuples);
    String filter = userFilters.get(0);
    int hash = filter.indexOf('#');
    String filterType = hash < 0 ? filter : filter.substring(0, hash);
    if (model.type(filterType) == null) {
      throw ModelChecks.typeNotFound(filterType).toException(ErrorCode.TYPE_NOT_FOUND);
    }
    if (hash >= 0 && hash < filter.length() - 1) {
      validateTypeAndRelation(model, filterType, filter.substring(hash + 1));
    }
    validateTypeAndRelation(model, objectType, relation);
  }

  /**
   * Validates an expand request as OpenFGA does: the object and relation must be well formed
   * ({@link ErrorCode#VALIDATION_ERROR}); contextual tuples come next (codes as for list objects);
   * then the object's type and the relation must be defined ({@link ErrorCode#VALIDATION_ERROR}, as
   * for a check).
   */
  public static void validateExpandRequest(
      AuthorizationModel model, String object, String relation, List<TupleKey> contextualTuples) {
    Violation violation = Identifiers.relationField(relation, false);
    if (violation == null) {
      violation = Identifiers.objectField(object, false);
    }
    throwIfPresent(violation, ErrorCode.VALIDATION_ERROR);
    validateContextualFields(contextualTuples);
    validateContextualTuples(model, contextualTuples);
    throwIfPresent(ModelChecks.objectRelation(model, object, relation), ErrorCode.VALIDATION_ERROR);
  }

  /** The field rules of a list-users request; returns the object's type. */
  private static String validateListUsersFields(
      String object, String relation, List<String> userFilters) {
    int colon = object.indexOf(':');
    if (colon < 0) {
      throw new FgaValidationException(
          ErrorCode.VALIDATION_ERROR,
          "object " + Quoting.quote(object) + " is invalid: must be type:id");
    }
    String objectType = object.substring(0, colon);
    throwIfPresent(Identifiers.typeField(objectType), ErrorCode.TYPE_INVALID_PATTERN);
    Violation violation = Identifiers.objectIdField(object, object.substring(colon + 1));
    if (violation == null) {
      violation = Identifiers.relationField(relation, false);
    }
    throwIfPresent(violation, ErrorCode.VALIDATION_ERROR);
    if (userFilters.size() != 1) {
      throw new FgaValidationException(
          ErrorCode.VALIDATION_ERROR,
          "user filters " + userFilters + " are invalid: exactly one filter is required");
    }
    String filter = userFilters.get(0);
    int hash = filter.indexOf('#');
    throwIfPresent(
        Identifiers.typeField(hash < 0 ? filter : filter.substring(0, hash)),
        ErrorCode.TYPE_INVALID_PATTERN);
    if (hash >= 0) {
      throwIfPresent(
          Identifiers.relationField(filter.substring(hash + 1), true), ErrorCode.VALIDATION_ERROR);
    }
    return objectType;
  }

  private static void validateContextualFields(List<TupleKey> contextualTuples) {
    for (TupleKey tuple : contextualTuples) {
      throwIfPresent(Identifiers.tupleFields(tuple), ErrorCode.VALIDATION_ERROR);
    }
  }

  /**
   * Contextual tuples of the list APIs: a bad condition is a validation error, the rest invalid.
   */
  private static void validateContextualTuples(
      AuthorizationModel model, List<TupleKey> contextualTuples) {
    for (TupleKey tuple : contextualTuples) {
      Violation violation = againstModel(model, tuple);
      if (violation != null) {
        throw violation.toException(
            violation.kind() == Kind.CONDITION
                ? ErrorCode.VALIDATION_ERROR
                : ErrorCode.INVALID_TUPLE);
      }
    }
  }

  private static void validateTypeAndRelation(
      AuthorizationModel model, String type, String relation) {
    if (model.type(type) == null) {
      throw ModelChecks.typeNotFound(type).toException(ErrorCode.TYPE_NOT_FOUND);
    }
    if (model.relation(type, relation) == null) {
      throw ModelChecks.relationNotFound(type, relation).toException(ErrorCode.RELATION_NOT_FOUND);
    }
  }

  /** OpenFGA's {@code ValidateTupleForWrite}, for written and contextual tuples. */
  private static @Nullable Violation againstModel(AuthorizationModel model, TupleKey tuple) {
    Violation violation =
        ModelChecks.userObjectRelation(model, tuple.object(), tuple.relation(), tuple.user());
    if (violation == null) {
      violation = ModelChecks.restrictions(model, tuple);
    }
    return violation == null ? null : violation.inTuple(tuple);
  }

  private static @Nullable Violation writeOnly(TupleKey tuple) {
    if (tuple.user().equals(tuple.object() + "#" + tuple.relation())) {
      return new Violation(Kind.RESTRICTION, "a tuple cannot relate a userset to itself")
          .inTuple(tuple);
    }
    TupleCondition condition = tuple.condition();
    if (condition != null) {
      int size = ConditionContexts.protoSize(condition.context());
      if (size > ConditionContexts.MAX_CONTEXT_BYTES) {
        return new Violation(
                Kind.CONDITION,
                "the condition context takes "
                    + size
                    + " bytes, more than the limit of "
                    + ConditionContexts.MAX_CONTEXT_BYTES)
            .inTuple(tuple);
      }
    }
    return null;
  }

  private static @Nullable Violation schemaVersion(AuthorizationModel model) {
    return SUPPORTED_SCHEMA_VERSIONS.contains(model.schemaVersion())
        ? null
        : new Violation(
            Kind.FIELD,
            "schema version "
                + Quoting.quote(model.schemaVersion())
                + " is not supported: use 1.1 or 1.2");
  }

  private static void throwIfPresent(@Nullable Violation violation, ErrorCode code) {
    if (violation != null) {
      throw violation.toException(code);
    }
  }
}
