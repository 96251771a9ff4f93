package dev.tandem.core.model;

import dev.tandem.core.model.Rewrite.ComputedUserset;
import dev.tandem.core.model.Rewrite.Difference;
import dev.tandem.core.model.Rewrite.Intersection;
import dev.tandem.core.model.Rewrite.This;
import dev.tandem.core.model.Rewrite.TupleToUserset;
import dev.tandem.core.model.Rewrite.Union;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether a relation has an entry point: some tuple could ever make a user hold it. A relation with
 * none is impossible; when the search ran into a relation already on its path, the cause is likely
 * a loop. This follows OpenFGA's algorithm, including its blind spots (a union with one direct
 * child always has an entry point, so some loops through unions are not reported).
 */
final class EntryPoints {

  /** The outcome for one relation. */
  record Result(boolean hasEntry, boolean loop) {
    static final Result ENTRY = new Result(true, false);
    static final Result NONE = new Result(false, false);
    static final Result LOOP = new Result(false, true);
  }

  private final AuthorizationModel model;

  EntryPoints(AuthorizationModel model) {
    this.model = model;
  }

  /** Whether {@code type#relation} has an entry point. */
  Result of(String type, String relation) {
    RelationDefinition definition = model.relation(type, relation);
    return definition == null
        ? Result.NONE
        : search(type, relation, definition.rewrite(), Set.of());
  }

  /**
   * Searches {@code rewrite}, a part of {@code type#relation}'s definition. {@code path} holds the
   * relations being resolved above this one, as {@code type#relation}.
   */
  private Result search(String type, String relation, Rewrite rewrite, Set<String> path) {
    RelationDefinition definition = model.relation(type, relation);
    if (definition == null) {
      return Result.NONE;
    }
    Set<String> visited = new HashSet<>(path);
    visited.add(type + "#" + relation);
    if (rewrite instanceof This) {
      return direct(definition, visited);
    }
    if (rewrite instanceof ComputedUserset computed) {
      RelationDefinition target = model.relation(type, computed.relation());
      if (target == null) {
        return Result.NONE;
      }
      if (visited.contains(type + "#" + computed.relation())) {
        return Result.LOOP;
      }
      return search(type, computed.relation(), target.rewrite(), visited);
    }
    if (rewrite instanceof TupleToUserset ttu) {
      return tupleToUserset(type, ttu, visited);
    }
    if (rewrite instanceof Union union) {
      boolean loop = false;
      for (Rewrite child : union.children()) {
        Result result = search(type, relation, child, visited);
        if (result.hasEntry()) {
          return Result.ENTRY;
        }
        loop = loop || result.loop();
      }
      return new Result(false, loop);
    }
    if (rewrite instanceof Intersection intersection) {
      for (Rewrite child : intersection.children()) {
        Result result = search(type, relation, child, visited);
        if (!result.hasEntry()) {
          return result;
        }
      }
      return Result.ENTRY;
    }
    Difference difference = (Difference) rewrite;
    Result base = search(type, relation, difference.base(), visited);
    if (!base.hasEntry()) {
      return base;
    }
    Result subtract = search(type, relation, difference.subtract(), visited);
    return subtract.hasEntry() ? Result.ENTRY : subtract;
  }

  /** A direct part: a plain or wildcard restriction is an entry; a userset one, if it has one. */
  private Result direct(RelationDefinition definition, Set<String> visited) {
    for (RelationReference restriction : definition.directlyRelatedUserTypes()) {
      String userset = restriction.relation();
      if (userset == null || restriction.wildcard()) {
        return Result.ENTRY;
      }
      RelationDefinition target = model.relation(restriction.type(), userset);
      if (target == null) {
        return Result.NONE;
      }
      if (visited.contains(restriction.type() + "#" + userset)) {
        continue;
      }
      if (search(restriction.type(), userset, target.rewrite(), visited).hasEntry()) {
        return Result.ENTRY;
      }
    }
    return Result.NONE;
  }

  private Result tupleToUserset(String type, TupleToUserset ttu, Set<String> visited) {
    RelationDefinition tupleset = model.relation(type, ttu.tupleset());
    if (tupleset == null) {
      return Result.NONE;
    }
    for (RelationReference restriction : tupleset.directlyRelatedUserTypes()) {
      String parentType = restriction.type();
      RelationDefinition target = model.relation(parentType, ttu.computedRelation());
      if (target == null || visited.contains(parentType + "#" + ttu.computedRelation())) {
        continue;
      }
      if (search(parentType, ttu.computedRelation(), target.rewrite(), visited).hasEntry()) {
        return Result.ENTRY;
      }
    }
    return Result.NONE;
  }
}
