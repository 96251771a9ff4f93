package dev.tandem.core.model;

import dev.tandem.core.model.SourceText.Anchor;
import dev.tandem.core.model.SourceText.Span;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Collects the semantic problems of a model with OpenFGA's messages and error types, positioned in
 * the DSL source when there is one.
 */
final class ValidationProblems {

  static final String SCHEMA_VERSION_REQUIRED = "schema-version-required";
  static final String INVALID_SCHEMA = "invalid-schema";
  static final String RESERVED_TYPE_KEYWORDS = "reserved-type-keywords";
  static final String RESERVED_RELATION_KEYWORDS = "reserved-relation-keywords";
  static final String INVALID_NAME = "invalid-name";
  static final String MISSING_DEFINITION = "missing-definition";
  static final String INVALID_RELATION_TYPE = "invalid-relation-type";
  static final String INVALID_RELATION_ON_TUPLESET = "invalid-relation-on-tupleset";
  static final String INVALID_TYPE = "invalid-type";
  static final String RELATION_NO_ENTRY_POINT = "relation-no-entry-point";
  static final String TUPLEUSERSET_NOT_DIRECT = "tupleuserset-not-direct";
  static final String DUPLICATED_ERROR = "duplicated-error";
  static final String ASSIGNABLE_RELATION_MUST_HAVE_TYPE = "assignable-relation-must-have-type";
  static final String CONDITION_NOT_DEFINED = "condition-not-defined";
  static final String CONDITION_NOT_USED = "condition-not-used";
  static final String DIFFERENT_NESTED_CONDITION_NAME = "different-nested-condition-name";

  private final @Nullable SourceText source;
  private final List<ModelProblem> problems = new ArrayList<>();

  ValidationProblems(@Nullable SourceText source) {
    this.source = source;
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  List<ModelProblem> list() {
    return List.copyOf(problems);
  }

  void schemaVersionRequired() {
    add("schema version required", SCHEMA_VERSION_REQUIRED, "", source == null ? -1 : 0, null);
  }

  void invalidSchema(String version) {
    int line = source == null ? -1 : source.schemaLine(version);
    add("invalid schema " + version, INVALID_SCHEMA, version, line, Anchor.SCHEMA_VERSION);
  }

  void reservedTypeName(String type) {
    add(
        "a type cannot be named 'self' or 'this'.",
        RESERVED_TYPE_KEYWORDS,
        type,
        typeLine(type),
        Anchor.TYPE_NAME);
  }

  void invalidTypeName(String type, String rule) {
    add(
        "type '" + type + "' does not match naming rule: '" + rule + "'.",
        INVALID_NAME,
        type,
        typeLine(type),
        Anchor.TYPE_NAME);
  }

  void reservedRelationName(String type, String relation) {
    add(
        "a relation cannot be named 'self' or 'this'.",
        RESERVED_RELATION_KEYWORDS,
        relation,
        relationLine(type, relation),
        Anchor.RELATION_NAME);
  }

  void invalidRelationName(String type, String relation, String rule) {
    add(
        "relation '"
            + relation
            + "' of type '"
            + type
            + "' does not match naming rule: '"
            + rule
            + "'.",
        INVALID_NAME,
        relation,
        relationLine(type, relation),
        Anchor.RELATION_NAME);
  }

  /**
   * A relation defined twice in one type block. Upstream's parser reports this as a syntax error,
   * without an error type; a parsed model cannot hold it, so it is found in the source text.
   */
  void repeatedRelation(String type, String relation, int line) {
    add(
        "'" + relation + "' is already defined in '" + type + "'",
        null,
        relation,
        line,
        Anchor.RELATION_NAME);
  }

  /** A condition declared twice; a syntax error upstream, found in the source text. */
  void repeatedCondition(String condition, int line) {
    add(
        "condition '" + condition + "' is already defined in the model",
        null,
        condition,
        line,
        Anchor.CONDITION_NAME);
  }

  void missingDefinition(String type, String relation, String target) {
    add(
        "the relation `" + target + "` does not exist.",
        MISSING_DEFINITION,
        target,
        relationLine(type, relation),
        Anchor.DEFINITION);
  }

  void assignableRelationMustHaveTypes(String type, String relation) {
    int line = relationLine(type, relation);
    String written = "";
    if (line >= 0) {
      String raw = source().raw(line);
      int open = raw.indexOf('[');
      written = open < 0 ? "self" : raw.substring(open, Math.max(open, raw.lastIndexOf(']') + 1));
    }
    add(
        "assignable relation '" + written + "' must have types",
        ASSIGNABLE_RELATION_MUST_HAVE_TYPE,
        written,
        line,
        Anchor.DEFINITION);
  }

  void invalidType(String type, String relation, String restrictedType) {
    add(
        "`" + restrictedType + "` is not a valid type.",
        INVALID_TYPE,
        restrictedType,
        relationLine(type, relation),
        Anchor.RESTRICTIONS);
  }

  void conditionNotDefined(String type, String relation, String condition) {
    add(
        "`" + condition + "` is not a defined condition in the model.",
        CONDITION_NOT_DEFINED,
        condition,
        relationLine(type, relation),
        Anchor.RESTRICTIONS);
  }

  /** A userset restriction {@code [t#r]} whose relation {@code r} does not exist on {@code t}. */
  void invalidRestrictionRelation(
      String type, String relation, String restrictedType, String restrictedRelation) {
    add(
        "`" + restrictedRelation + "` is not a valid relation for `" + restrictedType + "`.",
        INVALID_RELATION_TYPE,
        restrictedType + "#" + restrictedRelation,
        relationLine(type, relation),
        Anchor.RESTRICTIONS);
  }

  /** {@code target from tupleset} where {@code tupleset} is not a relation of {@code type}. */
  void invalidTupleset(String type, String relation, String target, String tupleset) {
    add(
        "`" + tupleset + "` is not a valid relation for `" + type + "`.",
        INVALID_RELATION_TYPE,
        target + " from " + tupleset,
        relationLine(type, relation),
        Anchor.DEFINITION);
  }

  void tuplesetNotDirect(String type, String relation, String tupleset) {
    add(
        "`" + tupleset + "` relation used inside from allows only direct relation.",
        TUPLEUSERSET_NOT_DIRECT,
        tupleset,
        relationLine(type, relation),
        Anchor.TUPLESET);
  }

  void invalidRelationOnTupleset(
      String type, String relation, String target, String tupleset, String tuplesetType) {
    add(
        "the `"
            + target
            + "` relation definition on type `"
            + type
            + "` is not valid: `"
            + target
            + "` does not exist on `"
            + tupleset
            + "`, which is of type `"
            + tuplesetType
            + "`.",
        INVALID_RELATION_ON_TUPLESET,
        target + " from " + tupleset,
        relationLine(type, relation),
        Anchor.DEFINITION);
  }

  /** A type declared twice; positioned, like upstream, at its first declaration. */
  void duplicateType(String type) {
    add(
        "the type `" + type + "` is a duplicate.",
        DUPLICATED_ERROR,
        type,
        typeLine(type),
        Anchor.TYPE_NAME);
  }

  void duplicateRestriction(String type, String relation, String restriction) {
    add(
        "the type restriction `"
            + restriction
            + "` is a duplicate in the relation `"
            + relation
            + "`.",
        DUPLICATED_ERROR,
        restriction,
        relationLine(type, relation),
        Anchor.RESTRICTIONS);
  }

  void duplicatePartialDefinition(String type, String relation, String partial) {
    add(
        "the partial relation definition `"
            + partial
            + "` is a duplicate in the relation `"
            + relation
            + "`.",
        DUPLICATED_ERROR,
        partial,
        relationLine(type, relation),
        Anchor.DEFINITION);
  }

  void noEntryPoint(String type, String relation, boolean loop) {
    add(
        "`"
            + relation
            + "` is an impossible relation for `"
            + type
            + (loop ? "` (potential loop)." : "` (no entrypoint)."),
        RELATION_NO_ENTRY_POINT,
        relation,
        relationLine(type, relation),
        Anchor.RELATION_NAME);
  }

  void unusedCondition(String condition) {
    add(
        "`" + condition + "` condition is not used in the model.",
        CONDITION_NOT_USED,
        condition,
        source == null ? -1 : source.conditionLine(condition),
        Anchor.CONDITION_NAME);
  }

  /** A JSON model whose {@code conditions} key differs from the condition's own name. */
  void differentNestedConditionName(String key, String name) {
    add(
        "condition key is `" + key + "` but nested name property is " + name,
        DIFFERENT_NESTED_CONDITION_NAME,
        name,
        -1,
        null);
  }

  private int typeLine(String type) {
    return source == null ? -1 : source.typeLine(type);
  }

  private int relationLine(String type, String relation) {
    return source == null ? -1 : source.relationLine(type, relation);
  }

  private SourceText source() {
    if (source == null) {
      throw new IllegalStateException("no source text");
    }
    return source;
  }

  private void add(
      String message,
      @Nullable String errorType,
      String symbol,
      int line,
      @Nullable Anchor anchor) {
    if (line < 0) {
      problems.add(ModelProblem.unpositioned(message, errorType, symbol));
      return;
    }
    Span span = anchor == null ? new Span(0, 0) : source().span(line, symbol, anchor);
    problems.add(new ModelProblem(message, line, span.start(), span.end(), errorType, symbol));
  }
}
