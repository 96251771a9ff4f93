package dev.tandem.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A relation of a type: its rewrite and, for directly assignable relations, the types of user a
 * tuple may name.
 *
 * @param name the relation name
 * @param rewrite how its users are computed
 * @param directlyRelatedUserTypes the type restriction; empty when the relation has no {@link
 *     Rewrite.This} part
 */
public record RelationDefinition(
    String name, Rewrite rewrite, List<RelationReference> directlyRelatedUserTypes) {

  public RelationDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(rewrite, "rewrite");
    directlyRelatedUserTypes = List.copyOf(directlyRelatedUserTypes);
  }
}
