package dev.tandem.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tandem.core.model.ConditionParameterType.TypeName;
import dev.tandem.core.model.Rewrite.ComputedUserset;
import dev.tandem.core.model.Rewrite.Difference;
import dev.tandem.core.model.Rewrite.Intersection;
import dev.tandem.core.model.Rewrite.This;
import dev.tandem.core.model.Rewrite.TupleToUserset;
import dev.tandem.core.model.Rewrite.Union;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link ModelValidator} on models built in code, without DSL source. */
class ModelValidatorTest {

  private static final TypeDefinition USER = type("user");

  @Test
  void validateWhenModelIsSoundThenNoProblems() {
    AuthorizationModel model =
        model(
            USER,
            type(
                "folder",
                direct("owner", RelationReference.direct("user")),
                relation("viewer", new ComputedUserset("owner"))),
            type(
                "doc",
                direct("parent", RelationReference.direct("folder")),
                direct("blocked", RelationReference.direct("user")),
                relation(
                    "viewer",
                    new Difference(new TupleToUserset("parent", "viewer"), cu("blocked")))));

    assertThat(ModelValidator.validate(model, null)).isEmpty();
  }

  @Test
  void validateWithoutSourceThenProblemsAreUnpositioned() {
    AuthorizationModel model = model(USER, type("doc", relation("viewer", cu("editor"))));

    assertThat(ModelValidator.validate(model, null))
        .containsExactly(
            ModelProblem.unpositioned(
                "the relation `editor` does not exist.", "missing-definition", "editor"));
  }

  @Test
  void validateWhenSchemaVersionMissingThenOnlyThatIsReported() {
    AuthorizationModel model =
        new AuthorizationModel(
            "", "", Map.of("doc", type("doc", relation("viewer", cu("nope")))), Map.of());

    assertThat(ModelValidator.validate(model, null))
        .extracting(ModelProblem::errorType, ModelProblem::message)
        .containsExactly(tuple("schema-version-required", "schema version required"));
  }

  @Test
  void validateWhenSchemaVersionUnsupportedThenInvalidSchema() {
    AuthorizationModel model = new AuthorizationModel("", "1.0", Map.of(), Map.of());

    assertThat(ModelValidator.validate(model, null))
        .extracting(ModelProblem::errorType, ModelProblem::message, ModelProblem::symbol)
        .containsExactly(tuple("invalid-schema", "invalid schema 1.0", "1.0"));
  }

  @Test
  void validateWhenNamesAreReservedOrTooLongThenNameProblemsOnly() {
    String longName = "r".repeat(51);
    AuthorizationModel model =
        model(
            type("this", direct("self", RelationReference.direct("nobody"))),
            type("doc", direct(longName, RelationReference.direct("nobody"))));

    assertThat(ModelValidator.validate(model, null))
        .extracting(ModelProblem::errorType, ModelProblem::symbol)
        .containsExactly(
            tuple("reserved-type-keywords", "this"),
            tuple("reserved-relation-keywords", "self"),
            tuple("invalid-name", longName));
  }

  @Test
  void validateWhenRestrictionsNameUnknownThingsThenEachIsReported() {
    AuthorizationModel model =
        model(
            USER,
            type(
                "doc",
                direct(
                    "viewer",
                    RelationReference.direct("group"),
                    RelationReference.userset("user", "member"),
                    RelationReference.direct("user").withCondition("in_office"))));

    assertThat(ModelValidator.validate(model, null))
        .extracting(ModelProblem::errorType, ModelProblem::message)
        .containsExactly(
            tuple("invalid-type", "`group` is not a valid type."),
            tuple("invalid-relation-type", "`member` is not a valid relation for `user`."),
            tuple("condition-not-defined", "`in_office` is not a defined condition in the model."));
  }

  @Test
  void validateWhenTuplesetIsComputedThenTuplesetMustBeDirect() {
    AuthorizationModel model =
        model(
            USER,
            type(
                "folder",
                direct("parent", RelationReference.direct("folder")),
                relation("ancestor", cu("parent")),
                new RelationDefinition(
                    "viewer",
                    union(new This(), new TupleToUserset("ancestor", "viewer")),
                    List.of(RelationReference.direct("user")))));

    assertThat(ModelValidator.validate(model, null))
        .extracting(ModelProblem::errorType, ModelProblem::symbol)
        .containsExactly(tuple("tupleuserset-not-direct", "ancestor"));
  }

  @Test
  void validateWhenTargetMissingOnEveryTuplesetTypeThenOneProblemPerType() {
    TypeDefinition withViewer = type("team", direct("viewer", RelationReference.direct("user")));
    AuthorizationModel missingEverywhere =
        model(
            USER,
            type("org"),
            type("group"),
            type(
                "doc",
                direct(
                    "parent", RelationReference.direct("org"), RelationReference.direct("group")),
                relation("viewer", new TupleToUserset("parent", "viewer"))));
    AuthorizationModel presentOnOne =
        model(
            USER,
            type("org"),
            withViewer,
            type(
                "doc",
                direct("parent", RelationReference.direct("org"), RelationReference.direct("team")),
                relation("viewer", new TupleToUserset("parent", "viewer"))));

    assertThat(ModelValidator.validate(missingEverywhere, null))
        .extracting(ModelProblem::message)
        .containsExactly(
            "the `viewer` relation definition on type `doc` is not valid: `viewer` does not exist"
                + " on `parent`, which is of type `org`.",
            "the `viewer` relation definition on type `doc` is not valid: `viewer` does not exist"
                + " on `parent`, which is of type `group`.");
    assertThat(ModelValidator.validate(presentOnOne, null)).isEmpty();
  }

  @Test
  void validateWhenRelationsOnlyReferToEachOtherThenPotentialLoop() {
    AuthorizationModel model =
        model(type("doc", relation("reader", cu("writer")), relation("writer", cu("reader"))));

    assertThat(ModelValidator.validate(model, null))
        .extracting(ModelProblem::message)
        .containsExactly(
            "`reader` is an impossible relation for `doc` (potential loop).",
            "`writer` is an impossible relation for `doc` (potential loop).");
  }

  @Test
  void validateWhenIntersectionNeedsItselfThenNoEntryPoint() {
    AuthorizationModel model =
        model(
            USER,
            type(
                "doc",
                direct("editor", RelationReference.direct("user")),
                new RelationDefinition(
                    "viewer",
                    new Intersection(List.of(new This(), cu("editor"))),
                    List.of(RelationReference.userset("doc", "viewer")))));

    assertThat(ModelValidator.validate(model, null))
        .extracting(ModelProblem::message)
        .containsExactly("`viewer` is an impossible relation for `doc` (no entrypoint).");
  }

  @Test
  void validateWhenUnionHasDirectChildThenSelfReferenceIsAllowed() {
    AuthorizationModel model =
        model(
            USER,
            type(
                "doc",
                direct("editor", RelationReference.direct("user")),
                new RelationDefinition(
                    "viewer",
                    union(new This(), cu("editor")),
                    List.of(RelationReference.userset("doc", "viewer")))));

    assertThat(ModelValidator.validate(model, null)).isEmpty();
  }

  @Test
  void validateWhenDefinitionRepeatsItselfThenDuplicates() {
    AuthorizationModel model =
        model(
            USER,
            type(
                "doc",
                direct(
                    "owner",
                    RelationReference.wildcard("user"),
                    RelationReference.wildcard("user")),
                relation("viewer", union(cu("owner"), cu("owner")))));

    assertThat(ModelValidator.validate(model, null))
        .extracting(ModelProblem::message)
        .containsExactly(
            "the type restriction `user:*` is a duplicate in the relation `owner`.",
            "the partial relation definition `owner` is a duplicate in the relation `viewer`.");
  }

  @Test
  void validateWhenConditionUnusedOrMisnamedThenConditionProblems() {
    ConditionDefinition lessThan =
        new ConditionDefinition(
            "less_than", "x < 10", Map.of("x", ConditionParameterType.of(TypeName.INT)));
    AuthorizationModel types =
        model(USER, type("doc", direct("viewer", RelationReference.direct("user"))));
    AuthorizationModel model =
        new AuthorizationModel("", "1.1", types.types(), Map.of("small", lessThan));

    assertThat(ModelValidator.validate(model, null))
        .extracting(ModelProblem::errorType, ModelProblem::message)
        .containsExactly(
            tuple(
                "different-nested-condition-name",
                "condition key is `small` but nested name property is less_than"),
            tuple("condition-not-used", "`small` condition is not used in the model."));
  }

  private static ComputedUserset cu(String relation) {
    return new ComputedUserset(relation);
  }

  private static Union union(Rewrite... children) {
    return new Union(Arrays.asList(children));
  }

  private static RelationDefinition relation(String name, Rewrite rewrite) {
    return new RelationDefinition(name, rewrite, List.of());
  }

  private static RelationDefinition direct(String name, RelationReference... restrictions) {
    return new RelationDefinition(name, new This(), Arrays.asList(restrictions));
  }

  private static TypeDefinition type(String name, RelationDefinition... relations) {
    Map<String, RelationDefinition> map = new LinkedHashMap<>();
    for (RelationDefinition relation : relations) {
      map.put(relation.name(), relation);
    }
    return new TypeDefinition(name, map);
  }

  private static AuthorizationModel model(TypeDefinition... types) {
    Map<String, TypeDefinition> map = new LinkedHashMap<>();
    for (TypeDefinition type : types) {
      map.put(type.name(), type);
    }
    return new AuthorizationModel("", "1.1", map, Map.of());
  }
}
