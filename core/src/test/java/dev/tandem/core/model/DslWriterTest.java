package dev.tandem.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.core.model.ConditionParameterType.TypeName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DslWriterTest {

  private static final RelationReference USER = RelationReference.direct("user");

  @Test
  void writeWhenUnionHasDirectAssignmentLastThenItIsWrittenFirst() {
    AuthorizationModel model =
        model(
            relation(
                "viewer",
                new Rewrite.Union(
                    List.of(new Rewrite.ComputedUserset("editor"), new Rewrite.This())),
                USER),
            relation("editor", new Rewrite.This(), USER));

    assertThat(DslWriter.write(model))
        .isEqualTo(
            """
            model
              schema 1.1

            type user

            type doc
              relations
                define editor: [user]
                define viewer: [user] or editor
            """);
  }

  @Test
  void writeWhenOperatorsNestThenOnlyNestedOnesAreParenthesised() {
    Rewrite nested =
        new Rewrite.Difference(
            new Rewrite.Union(
                List.of(
                    new Rewrite.ComputedUserset("a"), new Rewrite.TupleToUserset("parent", "b"))),
            new Rewrite.Intersection(
                List.of(new Rewrite.ComputedUserset("c"), new Rewrite.ComputedUserset("d"))));

    assertThat(DslWriter.write(model(relation("r", nested))))
        .contains("    define r: (a or b from parent) but not (c and d)\n");
  }

  @Test
  void writeWhenDirectAssignmentAppearsTwiceThenRejected() {
    Rewrite twice =
        new Rewrite.Union(
            List.of(
                new Rewrite.This(),
                new Rewrite.Difference(new Rewrite.This(), new Rewrite.ComputedUserset("x"))));

    assertThatThrownBy(() -> DslWriter.write(model(relation("r", twice, USER))))
        .isInstanceOfSatisfying(
            InvalidModelException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .satisfies(
                        p -> {
                          assertThat(p.message())
                              .isEqualTo(
                                  "the 'r' relation definition under the 'doc' type is not"
                                      + " supported by the OpenFGA DSL syntax yet");
                          assertThat(p.symbol()).isEqualTo("r");
                        }));
  }

  @Test
  void writeWhenConditionsAndParametersUnorderedThenSortedByName() {
    Map<String, ConditionParameterType> parameters = new LinkedHashMap<>();
    parameters.put("z", ConditionParameterType.of(TypeName.INT));
    parameters.put(
        "a",
        new ConditionParameterType(
            TypeName.MAP, List.of(ConditionParameterType.of(TypeName.STRING))));
    Map<String, ConditionDefinition> conditions = new LinkedHashMap<>();
    conditions.put("second", new ConditionDefinition("second", "z < 1", parameters));
    conditions.put("first", new ConditionDefinition("first", "true", Map.of()));
    AuthorizationModel model = new AuthorizationModel("", "1.1", Map.of(), conditions);

    assertThat(DslWriter.write(model))
        .isEqualTo(
            """
            model
              schema 1.1

            condition first() {
              true
            }

            condition second(a: map<string>, z: int) {
              z < 1
            }
            """);
  }

  @Test
  void writeWhenConditionKeyDiffersFromItsNameThenRejected() {
    AuthorizationModel model =
        new AuthorizationModel(
            "", "1.1", Map.of(), Map.of("key", new ConditionDefinition("other", "true", Map.of())));

    assertThatThrownBy(() -> DslWriter.write(model))
        .isInstanceOf(InvalidModelException.class)
        .hasMessageContaining("condition key is `key` but nested name property is other");
  }

  private static RelationDefinition relation(
      String name, Rewrite rewrite, RelationReference... directTypes) {
    return new RelationDefinition(name, rewrite, List.of(directTypes));
  }

  private static AuthorizationModel model(RelationDefinition... relations) {
    Map<String, RelationDefinition> byName = new LinkedHashMap<>();
    for (RelationDefinition relation : relations) {
      byName.put(relation.name(), relation);
    }
    Map<String, TypeDefinition> types = new LinkedHashMap<>();
    types.put("user", new TypeDefinition("user", Map.of()));
    types.put("doc", new TypeDefinition("doc", byName));
    return new AuthorizationModel("", "1.1", types, Map.of());
  }
}
