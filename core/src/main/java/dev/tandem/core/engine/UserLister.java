package dev.tandem.core.engine;

import dev.tandem.core.model.RelationDefinition;
import dev.tandem.core.model.Rewrite;
import dev.tandem.core.tuple.TupleKey;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Expands {@code object#relation} forward into the users of one kind ({@code type} or {@code
 * type#relation}) that hold it, with OpenFGA's list-users semantics: wildcards are returned as
 * {@code type:*}, intersections and exclusions treat a wildcard as covering every id of its type,
 * and a cycle contributes nothing.
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
    return expand(object, relation, 0);
  }

  private Set<String> expand(String object, String relation, int depth) {
    if (depth >= Evaluation.MAX_DEPTH) {
      throw Evaluation.tooComplex();
    }
    Set<String> users = new LinkedHashSet<>();
    if (filterRelation != null
        && Users.type(object).equals(filterType)
        && relation.equals(filterRelation)) {
      users.add(object + "#" + relation);
    }
    RelationDefinition definition = evaluation.types().relation(Users.type(object), relation);
    String key = object + "#" + relation;
    if (definition == null || !path.add(key)) {
      return users;
    }
    try {
      users.addAll(rewrite(object, relation, definition.rewrite(), depth));
      return users;
    } finally {
      path.remove(key);
    }
  }

  private Set<String> rewrite(String object, String relation, Rewrite rewrite, int depth) {
    if (rewrite instanceof Rewrite.This) {
      return direct(object, relation, depth);
    }
    if (rewrite instanceof Rewrite.ComputedUserset computed) {
      return expand(object, computed.relation(), depth + 1);
    }
    if (rewrite instanceof Rewrite.TupleToUserset ttu) {
      Set<String> users = new LinkedHashSet<>();
      for (TupleKey tuple : evaluation.read(object, ttu.tupleset())) {
        String parent = tuple.user();
        if (!Users.isUserset(parent)
            && !Users.isWildcard(parent)
            && evaluation.types().relation(Users.type(parent), ttu.computedRelation()) != null
            && evaluation.conditionHolds(tuple)) {
          users.addAll(expand(parent, ttu.computedRelation(), depth + 1));
        }
      }
      return users;
    }
    if (rewrite instanceof Rewrite.Union union) {
      Set<String> users = new LinkedHashSet<>();
      for (Rewrite child : union.children()) {
        users.addAll(rewrite(object, relation, child, depth));
      }
      return users;
    }
    if (rewrite instanceof Rewrite.Intersection intersection) {
      Set<String> users = null;
      for (Rewrite child : intersection.children()) {
        Set<String> next = rewrite(object, relation, child, depth);
        users = users == null ? next : intersect(users, next);
      }
      return users == null ? Set.of() : users;
    }
    Rewrite.Difference difference = (Rewrite.Difference) rewrite;
    Set<String> base = rewrite(object, relation, difference.base(), depth);
    if (base.isEmpty()) {
      return base;
    }
    Set<String> subtract = rewrite(object, relation, difference.subtract(), depth);
    Set<String> users = new LinkedHashSet<>();
    for (String user : base) {
      if (!covers(subtract, user)) {
        users.add(user);
      }
    }
    return users;
  }

  private Set<String> direct(String object, String relation, int depth) {
    Set<String> users = new LinkedHashSet<>();
    for (TupleKey tuple : evaluation.read(object, relation)) {
      String user = tuple.user();
      if (!evaluation.conditionHolds(tuple)) {
        continue;
      }
      if (Users.isUserset(user)) {
        if (Users.type(user).equals(filterType)
            && Users.usersetRelation(user).equals(filterRelation)) {
          users.add(user);
        }
        users.addAll(expand(Users.usersetObject(user), Users.usersetRelation(user), depth + 1));
      } else if (filterRelation == null && Users.type(user).equals(filterType)) {
        users.add(user);
      }
    }
    return users;
  }

  /** Users in both sets, where a wildcard in one set admits every id of its type in the other. */
  private static Set<String> intersect(Set<String> left, Set<String> right) {
    Set<String> users = new LinkedHashSet<>();
    for (String user : left) {
      if (covers(right, user)) {
        users.add(user);
      }
    }
    for (String user : right) {
      if (covers(left, user)) {
        users.add(user);
      }
    }
    return users;
  }

  /** Whether {@code users} contains {@code user}, directly or through a wildcard of its type. */
  private static boolean covers(Set<String> users, String user) {
    if (users.contains(user)) {
      return true;
    }
    return !Users.isUserset(user)
        && !Users.isWildcard(user)
        && users.contains(Users.type(user) + ":*");
  }
}
