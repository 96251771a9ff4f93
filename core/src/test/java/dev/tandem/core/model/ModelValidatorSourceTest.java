package dev.tandem.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/**
 * {@link ModelValidator} with DSL source: positions, and what only the source text shows.
 * Upstream's own cases are in {@link DslSemanticValidationConformanceTest}.
 */
class ModelValidatorSourceTest {

  @Test
  void validateWhenRelationDefinedTwiceThenReportedAtTheSecondDefinitionOnly() {
    String dsl =
        """
        model
          schema 1.1
        type user
        type document
          relations
            define viewer: [user]
            define viewer: [nobody]
        """;

    assertThat(ModelValidator.validate(DslParser.parse(dsl), dsl))
        .extracting(ModelProblem::message, ModelProblem::line, ModelProblem::column)
        .containsExactly(tuple("'viewer' is already defined in 'document'", 6, 11));
  }

  @Test
  void validateWhenConditionDeclaredTwiceThenReportedAtTheSecondDeclaration() {
    String dsl =
        """
        model
          schema 1.1
        type user
        type document
          relations
            define viewer: [user with ok]
        condition ok(x: int) {
          x < 1
        }
        condition ok(x: int) {
          x < 2
        }
        """;

    assertThat(ModelValidator.validate(DslParser.parse(dsl), dsl))
        .extracting(ModelProblem::message, ModelProblem::line, ModelProblem::column)
        .containsExactly(tuple("condition 'ok' is already defined in the model", 9, 10));
  }

  @Test
  void validateWhenOperandHasTheRelationsOwnNameThenColumnPointsIntoTheDefinition() {
    String dsl =
        """
        model
          schema 1.1
        type user
        type document
          relations
            define viewer: viewer or  viewer
        """;

    assertThat(ModelValidator.validate(DslParser.parse(dsl), dsl))
        .extracting(ModelProblem::errorType, ModelProblem::line, ModelProblem::column)
        .containsExactly(tuple("duplicated-error", 5, 19));
  }

  @Test
  void validateWhenSymbolSpansSeveralSpacesThenEndColumnCoversIt() {
    String dsl =
        """
        model
          schema 1.1
        type user
        type group
          relations
            define parent: [group]
            define viewer: reader  from parent
        """;

    assertThat(ModelValidator.validate(DslParser.parse(dsl), dsl))
        .extracting(ModelProblem::errorType, ModelProblem::column, ModelProblem::endColumn)
        .containsExactly(tuple("invalid-relation-on-tupleset", 19, 38));
  }

  @Test
  void validateWhenTypeNameIsPrefixOfAnotherThenLineOfTheExactType() {
    String dsl =
        """
        model
          schema 1.1
        type user
        type doc-archive
          relations
            define viewer: [user]
        type doc
          relations
            define viewer: [usr]
        """;

    assertThat(ModelValidator.validate(DslParser.parse(dsl), dsl))
        .extracting(ModelProblem::line, ModelProblem::column)
        .containsExactly(tuple(8, 20));
  }

  @Test
  void parseWhenModelIsSemanticallyInvalidThenThrowsWithPositionedProblems() {
    String dsl =
        """
        model
          schema 1.1
        type user
        type doc
          relations
            define viewer: editor
        """;

    assertThatThrownBy(() -> ModelDsl.parse(dsl))
        .isInstanceOfSatisfying(
            InvalidModelException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ModelProblem::errorType, ModelProblem::line, ModelProblem::column)
                    .containsExactly(tuple("missing-definition", 5, 19)))
        .hasMessageContaining(
            "validation error at line=5, column=19: the relation `editor` does not exist.");
  }
}
