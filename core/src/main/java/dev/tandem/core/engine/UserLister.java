package dev.tandem.core.engine;

import dev.tandem.core.model.RelationDefinition;
import dev.tandem.core.model.Rewrite;
import dev.tandem.core.tuple.TupleKey;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Expands {@code object#relation} forward into the users of one kind ({@code type} or {@code
 * type#relation}) that hold it, with OpenFGA's list-users semantics: public grants are reported as
 * {@code type:*}, intersections and exclusions apply to wildcards through {@link UserSet}, a
 * userset always contains itself, and a cycle contributes nothing.
 */
final class UserLister {

  private final Evaluation evaluation;
  private final String filterType;
  private final @Nullable String filterRelation;
  private final Set<String> path = new HashSet<>();

  UserLister(Evaluation evaluation, String filterType, @Nullable String filterRelation) {
    this.evaluation = evaluation;
    this.filterType = filterType;
    this.filterRelation = filterRelation;
  }

  Set<String> list(String object, String relation) {
    return expand(object, relation, 0).toStrings();
  }

  private UserSet expand(String object, String relation, int depth) {
    if (depth >= Evaluation.MAX_DEPTH) {
      throw Evaluation.tooComplex();
    }
    UserSet users = UserSet.empty();
    if (Users.type(object).equals(filterType) && relation.equals(filterRelation)) {
      users.add(object + "#" + relation);
    }
    RelationDefinition definition = evaluation.types().relation(Users.type(object), relation);
    String key = object + "#" + relation;
    if (definition == null || !path.add(key)) {
      return users;
    }
    try {
      return users.union(rewrite(object, relation, definition.rewrite(), depth));
    } finally {
      path.remove(key);
    }
  }

  private UserSet rewrite(String object, String relation, Rewrite rewrite, int depth) {
    if (rewrite instanceof Rewrite.This) {
      return direct(object, relation, depth);
    }
    if (rewrite instanceof Rewrite.ComputedUserset computed) {
      return expand(object, computed.relation(), depth + 1);
    }
    if (rewrite instanceof Rewrite.TupleToUserset ttu) {
      UserSet users = UserSet.empty();
      for (TupleKey tuple : evaluation.read(object, ttu.tupleset())) {
        String parent = tuple.user();
        if (!Users.isUserset(parent)
            && !Users.isWildcard(parent)
            && evaluation.types().relation(Users.type(parent), ttu.computedRelation()) != null
            && evaluation.conditionHolds(tuple)) {
          users = users.union(expand(parent, ttu.computedRelation(), depth + 1));
        }
      }
      return users;
    }
    if (rewrite instanceof Rewrite.Union union) {
      UserSet users = UserSet.empty();
      for (Rewrite child : union.children()) {
        users = users.union(rewrite(object, relation, child, depth));
      }
      return users;
    }
    if (rewrite instanceof Rewrite.Intersection intersection) {
      UserSet users = null;
      for (Rewrite child : intersection.children()) {
        UserSet next = rewrite(object, relation, child, depth);
        users = users == null ? next : users.intersect(next);
        if (users.isEmpty()) {
          return users;
        }
      }
      return users == null ? UserSet.empty() : users;
    }
    Rewrite.Difference difference = (Rewrite.Difference) rewrite;
    UserSet base = rewrite(object, relation, difference.base(), depth);
    if (base.isEmpty()) {
      return base;
    }
    return base.minus(rewrite(object, relation, difference.subtract(), depth));
  }

  private UserSet direct(String object, String relation, int depth) {
    UserSet users = UserSet.empty();
    for (TupleKey tuple : evaluation.read(object, relation)) {
      String user = tuple.user();
      if (!evaluation.conditionHolds(tuple)) {
        continue;
      }
      if (Users.isUserset(user)) {
        users =
            users.union(expand(Users.usersetObject(user), Users.usersetRelation(user), depth + 1));
      } else if (filterRelation == null && Users.type(user).equals(filterType)) {
        users.add(user);
      }
    }
    return users;
  }
}
