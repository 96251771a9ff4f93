package dev.tandem.core.engine;

import dev.tandem.core.FgaException;
import dev.tandem.core.model.RelationDefinition;
import dev.tandem.core.model.RelationReference;
import dev.tandem.core.model.Rewrite;
import dev.tandem.core.model.TypeDefinition;
import dev.tandem.core.tuple.TupleKey;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The objects of one type on which a plain {@code type:id} user has a relation, found by walking
 * the stored tuples backwards from the user ({@link dev.tandem.core.tuple.TupleStore#findByUser}),
 * for batches that ask about many objects for one user and relation.
 *
 * <p>Only used where it gives exactly {@link Checker}'s answers: the relations the target relation
 * depends on form an acyclic graph (so no check can cut a cycle), short enough that no check can
 * reach the depth limit, intersections and exclusions only where the model says they cannot hold
 * the user's type (so they answer FALSE), and without contextual tuples. The only conditions the
 * checker then evaluates for the user are those of the user's own tuples and its type's wildcard's,
 * which are the tuples this walk starts from; everything above them is a union of grants. So a
 * check is TRUE where the walk finds a path whose conditions all hold ({@link Found#ALLOWED}); it
 * may fail where a path has a condition that failed to evaluate and none holds ({@link
 * Found#UNDECIDED}: the caller checks those one by one, for the checker's own error); and it is
 * FALSE for every other object. Where the model allows no such walk, or it reads more tuples than
 * its budget, {@link #expand} answers null and the caller checks one by one.
 */
final class ReverseExpansion {

  /** What the walk found for an object. */
  enum Found {
    /** The user has the relation: a path whose conditions all hold. */
    ALLOWED,
    /** No path holds, but a condition on one failed to evaluate: the check may be an error. */
    UNDECIDED
  }

  /** Relations at most; any path through them is shorter than {@link Evaluation#MAX_DEPTH}. */
  private static final int MAX_NODES = 20;

  private final TypeSystem types;
  private final Evaluation evaluation;
  private final String user;
  private final String userType;
  private final int budget;
  private int read;

  /** type#relation -> the objects of that type on which the user has, or may have, it. */
  private final Map<String, Map<String, Found>> found = new HashMap<>();

  private ReverseExpansion(Evaluation evaluation, String user, int budget) {
    this.types = evaluation.types();
    this.evaluation = evaluation;
    this.user = user;
    this.userType = Users.type(user);
    this.budget = budget;
  }

  /**
   * The objects of {@code type} on which {@code user} has {@code relation} or whose check may fail,
   * (every other check is FALSE), or null when this cannot answer exactly or would read more than
   * {@code budget} tuples. Conditions are evaluated with the evaluation's context.
   */
  static @Nullable Map<String, Found> expand(
      Evaluation evaluation, String type, String relation, String user, int budget) {
    if (!evaluation.contextualTuples().isEmpty()
        || Users.isUserset(user)
        || Users.isWildcard(user)
        || user.indexOf(':') < 0) {
      return null;
    }
    Set<String> reach = reach(evaluation.types(), Users.type(user));
    Eligibility eligibility = new Eligibility(evaluation.types(), Users.type(user), reach);
    if (!eligibility.eligible(type, relation, new HashSet<>(), new HashSet<>())) {
      return null;
    }
    ReverseExpansion expansion = new ReverseExpansion(evaluation, user, budget);
    try {
      return expansion.objects(type, relation);
    } catch (OverBudget e) {
      return null;
    }
  }

  /**
   * The relations ({@code type#relation}) that could ever hold a subject of {@code userType},
   * judged from the model alone: the least fixpoint of "a direct grant of that type, or a path
   * through usersets, computed usersets, tuple-to-usersets, unions, intersections of such, or the
   * base of an exclusion". Anything outside it is empty for such a subject whatever the tuples.
   */
  static Set<String> reach(TypeSystem types, String userType) {
    Set<String> reach = new HashSet<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (TypeDefinition type : types.model().types().values()) {
        for (RelationDefinition relation : type.relations().values()) {
          String node = type.name() + "#" + relation.name();
          if (!reach.contains(node)
              && canHold(
                  types, type.name(), relation.name(), relation.rewrite(), userType, reach)) {
            reach.add(node);
            changed = true;
          }
        }
      }
    }
    return reach;
  }

  private static boolean canHold(
      TypeSystem types,
      String type,
      String relation,
      Rewrite rewrite,
      String userType,
      Set<String> reach) {
    if (rewrite instanceof Rewrite.This) {
      for (RelationReference reference : references(types, type, relation)) {
        if (reference.relation() == null
            ? reference.type().equals(userType)
            : reach.contains(reference.type() + "#" + reference.relation())) {
          return true;
        }
      }
      return false;
    }
    if (rewrite instanceof Rewrite.ComputedUserset computed) {
      return reach.contains(type + "#" + computed.relation());
    }
    if (rewrite instanceof Rewrite.TupleToUserset ttu) {
      for (RelationReference reference : references(types, type, ttu.tupleset())) {
        if (reference.relation() == null
            && !reference.wildcard()
            && reach.contains(reference.type() + "#" + ttu.computedRelation())) {
          return true;
        }
      }
      return false;
    }
    if (rewrite instanceof Rewrite.Union union) {
      for (Rewrite child : union.children()) {
        if (canHold(types, type, relation, child, userType, reach)) {
          return true;
        }
      }
      return false;
    }
    if (rewrite instanceof Rewrite.Intersection intersection) {
      for (Rewrite child : intersection.children()) {
        if (!canHold(types, type, relation, child, userType, reach)) {
          return false;
        }
      }
      return true;
    }
    return canHold(types, type, relation, ((Rewrite.Difference) rewrite).base(), userType, reach);
  }

  /**
   * Whether every check of {@code type#relation} for a subject of {@code userType} is TRUE, FALSE
   * or an error of a condition the walk evaluates, never a cycle or another error: the relations
   * visited are acyclic and few; a condition is evaluated only on the subject's own grants or its
   * type's wildcard's (a conditioned grant to another type is never evaluated for this subject; one
   * on a userset or a tuple-to-userset is evaluated on every such tuple, whether or not it leads to
   * the subject, so it is refused); and intersections and exclusions appear only where the model
   * says they cannot hold such a subject. Such a part answers FALSE even with conditions below it:
   * by induction over the acyclic relations, a part that cannot hold the subject never fails, so an
   * intersection returns FALSE at its first such child and an exclusion at its base.
   */
  private record Eligibility(TypeSystem types, String userType, Set<String> reach) {

    boolean eligible(String type, String relation, Set<String> path, Set<String> done) {
      String node = type + "#" + relation;
      if (done.contains(node)) {
        return true;
      }
      if (!path.add(node) || path.size() + done.size() > MAX_NODES) {
        return false; // a cycle, or too many relations
      }
      RelationDefinition definition = types.relation(type, relation);
      if (definition != null && !eligible(type, relation, definition.rewrite(), path, done)) {
        return false;
      }
      path.remove(node);
      done.add(node);
      return true;
    }

    private boolean eligible(
        String type, String relation, Rewrite rewrite, Set<String> path, Set<String> done) {
      if (rewrite instanceof Rewrite.This) {
        for (RelationReference reference : references(types, type, relation)) {
          if (reference.relation() != null
              && (reference.condition() != null
                  || !eligible(reference.type(), reference.relation(), path, done))) {
            return false;
          }
        }
        return true;
      }
      if (rewrite instanceof Rewrite.ComputedUserset computed) {
        return eligible(type, computed.relation(), path, done);
      }
      if (rewrite instanceof Rewrite.TupleToUserset ttu) {
        for (RelationReference reference : references(types, type, ttu.tupleset())) {
          if (reference.condition() != null) {
            return false;
          }
          if (reference.relation() == null
              && !reference.wildcard()
              && types.relation(reference.type(), ttu.computedRelation()) != null
              && !eligible(reference.type(), ttu.computedRelation(), path, done)) {
            return false;
          }
        }
        return true;
      }
      List<Rewrite> children;
      if (rewrite instanceof Rewrite.Union union) {
        children = union.children();
      } else {
        if (canHold(types, type, relation, rewrite, userType, reach)) {
          return false; // an intersection or exclusion that matters for this subject
        }
        children =
            rewrite instanceof Rewrite.Intersection intersection
                ? intersection.children()
                : List.of(
                    ((Rewrite.Difference) rewrite).base(),
                    ((Rewrite.Difference) rewrite).subtract());
      }
      for (Rewrite child : children) {
        if (!eligible(type, relation, child, path, done)) {
          return false;
        }
      }
      return true;
    }
  }

  private static List<RelationReference> references(
      TypeSystem types, String type, String relation) {
    RelationDefinition definition = types.relation(type, relation);
    return definition == null ? List.of() : definition.directlyRelatedUserTypes();
  }

  private Map<String, Found> objects(String type, String relation) {
    String node = type + "#" + relation;
    Map<String, Found> known = found.get(node);
    if (known != null) {
      return known;
    }
    Map<String, Found> objects = new HashMap<>();
    RelationDefinition definition = types.relation(type, relation);
    if (definition != null) {
      rewrite(type, relation, definition.rewrite(), objects);
    }
    found.put(node, objects);
    return objects;
  }

  private void rewrite(String type, String relation, Rewrite rewrite, Map<String, Found> into) {
    if (rewrite instanceof Rewrite.This) {
      direct(type, relation, into);
    } else if (rewrite instanceof Rewrite.ComputedUserset computed) {
      objects(type, computed.relation()).forEach((object, found) -> add(object, found, into));
    } else if (rewrite instanceof Rewrite.TupleToUserset ttu) {
      tupleToUserset(type, ttu, into);
    } else if (rewrite instanceof Rewrite.Union union) {
      for (Rewrite child : union.children()) {
        rewrite(type, relation, child, into);
      }
    }
    // An intersection or exclusion here cannot hold the user (see Eligibility): nothing to add.
  }

  /** As {@link Checker}'s direct grants: the user's own tuples, its wildcard's, usersets'. */
  private void direct(String type, String relation, Map<String, Found> into) {
    Restrictions restrictions = types.restrictions(type, relation);
    if (restrictions.allowsUser(user)) {
      addObjects(type, relation, user, Found.ALLOWED, restrictions, into);
    }
    String wildcard = userType + ":*";
    if (restrictions.allowsWildcards() && restrictions.allowsUser(wildcard)) {
      addObjects(type, relation, wildcard, Found.ALLOWED, restrictions, into);
    }
    if (!restrictions.allowsUsersets()) {
      return;
    }
    Set<String> seen = new HashSet<>();
    for (RelationReference reference : references(types, type, relation)) {
      String usersetRelation = reference.relation();
      if (usersetRelation == null || !seen.add(reference.type() + "#" + usersetRelation)) {
        continue;
      }
      for (Map.Entry<String, Found> member :
          objects(reference.type(), usersetRelation).entrySet()) {
        addObjects(
            type,
            relation,
            member.getKey() + "#" + usersetRelation,
            member.getValue(),
            restrictions,
            into);
      }
    }
  }

  /** As {@link Checker}'s tuple-to-userset: objects whose tupleset names a parent found. */
  private void tupleToUserset(String type, Rewrite.TupleToUserset ttu, Map<String, Found> into) {
    Restrictions restrictions = types.restrictions(type, ttu.tupleset());
    Set<String> seen = new HashSet<>();
    for (RelationReference reference : references(types, type, ttu.tupleset())) {
      String parentType = reference.type();
      if (reference.relation() != null
          || reference.wildcard()
          || types.relation(parentType, ttu.computedRelation()) == null
          || !seen.add(parentType)) {
        continue;
      }
      for (Map.Entry<String, Found> parent :
          objects(parentType, ttu.computedRelation()).entrySet()) {
        addObjects(type, ttu.tupleset(), parent.getKey(), parent.getValue(), restrictions, into);
      }
    }
  }

  /**
   * Adds the objects of the tuples {@code type#relation@tupleUser} that fit the model, as {@code
   * via} (what was found for {@code tupleUser}) where the tuple's condition holds, and as {@link
   * Found#UNDECIDED} where it fails to evaluate, as {@link Checker} weighs them.
   */
  private void addObjects(
      String type,
      String relation,
      String tupleUser,
      Found via,
      Restrictions restrictions,
      Map<String, Found> into) {
    List<TupleKey> tuples = evaluation.store().findByUser(type, relation, tupleUser);
    read += tuples.size() + 1;
    if (read > budget) {
      throw new OverBudget();
    }
    for (TupleKey tuple : tuples) {
      if (!restrictions.admits(tuple.user(), tuple.condition())) {
        continue;
      }
      if (tuple.condition() == null) {
        add(tuple.object(), via, into);
        continue;
      }
      try {
        if (evaluation.conditionHolds(tuple)) {
          add(tuple.object(), via, into);
        }
      } catch (FgaException e) {
        add(tuple.object(), Found.UNDECIDED, into);
      }
    }
  }

  /** Records {@code found} for {@code object}: a path that holds wins over one that may fail. */
  private static void add(String object, Found found, Map<String, Found> into) {
    if (found == Found.ALLOWED) {
      into.put(object, Found.ALLOWED);
    } else {
      into.putIfAbsent(object, Found.UNDECIDED);
    }
  }

  /** The walk read more tuples than its budget. */
  private static final class OverBudget extends RuntimeException {
    OverBudget() {
      super(null, null, false, false);
    }
  }
}
