package dev.tandem.core.model;

import dev.tandem.core.model.Rewrite.ComputedUserset;
import dev.tandem.core.model.Rewrite.Difference;
import dev.tandem.core.model.Rewrite.Intersection;
import dev.tandem.core.model.Rewrite.This;
import dev.tandem.core.model.Rewrite.TupleToUserset;
import dev.tandem.core.model.Rewrite.Union;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Checks that everything a relation definition names exists: restricted types, userset relations
 * and conditions of its direct part, computed relations, and the tupleset and target relation of
 * {@code X from Y}, which OpenFGA requires to be a purely direct relation.
 */
final class ReferenceRules {

  private final AuthorizationModel model;
  private final ValidationProblems problems;

  ReferenceRules(AuthorizationModel model, ValidationProblems problems) {
    this.model = model;
    this.problems = problems;
  }

  /** Checks the leaves of {@code relation}'s rewrite breadth first, as upstream does. */
  void check(TypeDefinition type, RelationDefinition relation) {
    Deque<Rewrite> pending = new ArrayDeque<>();
    pending.add(relation.rewrite());
    while (!pending.isEmpty()) {
      Rewrite rewrite = pending.poll();
      if (rewrite instanceof Union union) {
        pending.addAll(union.children());
      } else if (rewrite instanceof Intersection intersection) {
        pending.addAll(intersection.children());
      } else if (rewrite instanceof Difference difference) {
        pending.add(difference.base());
        pending.add(difference.subtract());
      } else if (rewrite instanceof This) {
        checkDirect(type, relation);
      } else if (rewrite instanceof ComputedUserset computed) {
        if (type.relation(computed.relation()) == null) {
          problems.missingDefinition(type.name(), relation.name(), computed.relation());
        }
      } else if (rewrite instanceof TupleToUserset ttu) {
        checkTupleToUserset(type, relation, ttu);
      }
    }
  }

  private void checkDirect(TypeDefinition type, RelationDefinition relation) {
    List<RelationReference> restrictions = relation.directlyRelatedUserTypes();
    if (restrictions.isEmpty()) {
      problems.assignableRelationMustHaveTypes(type.name(), relation.name());
    }
    for (RelationReference restriction : restrictions) {
      TypeDefinition restricted = model.type(restriction.type());
      if (restricted == null) {
        problems.invalidType(type.name(), relation.name(), restriction.type());
      }
      String condition = restriction.condition();
      if (condition != null && model.condition(condition) == null) {
        problems.conditionNotDefined(type.name(), relation.name(), condition);
      }
      String userset = restriction.relation();
      if (userset != null && (restricted == null || restricted.relation(userset) == null)) {
        problems.invalidRestrictionRelation(
            type.name(), relation.name(), restriction.type(), userset);
      }
    }
  }

  private void checkTupleToUserset(
      TypeDefinition type, RelationDefinition relation, TupleToUserset ttu) {
    RelationDefinition tupleset = type.relation(ttu.tupleset());
    if (tupleset == null) {
      problems.invalidTupleset(
          type.name(), relation.name(), ttu.computedRelation(), ttu.tupleset());
      return;
    }
    if (!(tupleset.rewrite() instanceof This)) {
      problems.tuplesetNotDirect(type.name(), relation.name(), ttu.tupleset());
      return;
    }
    List<RelationReference> parents = tupleset.directlyRelatedUserTypes();
    List<String> typesLackingTarget = new ArrayList<>();
    for (RelationReference parent : parents) {
      if (parent.wildcard() || parent.relation() != null) {
        problems.tuplesetNotDirect(type.name(), relation.name(), ttu.tupleset());
      } else {
        TypeDefinition parentType = model.type(parent.type());
        if (parentType != null && parentType.relation(ttu.computedRelation()) == null) {
          typesLackingTarget.add(parent.type());
        }
      }
    }
    // The target needs to exist on one of the tupleset's types only.
    if (typesLackingTarget.size() == parents.size()) {
      for (String parentType : typesLackingTarget) {
        problems.invalidRelationOnTupleset(
            type.name(), relation.name(), ttu.computedRelation(), ttu.tupleset(), parentType);
      }
    }
  }
}
