package dev.tandem.core.engine;

import dev.tandem.core.model.RelationDefinition;
import dev.tandem.core.model.RelationReference;
import dev.tandem.core.model.Rewrite;
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
 * reach the depth limit, made only of direct grants, computed usersets, tuple-to-usersets and
 * unions (no intersection or exclusion), with no conditions allowed on any of their tuples (so no
 * condition is evaluated and no check can fail), and without contextual tuples. Then every check is
 * TRUE or FALSE, and TRUE exactly for the objects found here. Otherwise, or when the walk reads
 * more tuples than its budget, {@link #expand} answers null and the caller checks one by one.
 */
final class ReverseExpansion {

  /** Relations at most; any path through them is shorter than {@link Evaluation#MAX_DEPTH}. */
  private static final int MAX_NODES = 20;

  private final TypeSystem types;
  private final Evaluation evaluation;
  private final String user;
  private final String userType;
  private final int budget;
  private int read;

  /** type#relation -> the objects of that type on which the user has the relation. */
  private final Map<String, Set<String>> found = new HashMap<>();

  private ReverseExpansion(Evaluation evaluation, String user, int budget) {
    this.types = evaluation.types();
    this.evaluation = evaluation;
    this.user = user;
    this.userType = Users.type(user);
    this.budget = budget;
  }

  /**
   * The objects of {@code type} on which {@code user} has {@code relation}, or null when this
   * cannot answer exactly or would read more than {@code budget} tuples.
   */
  static @Nullable Set<String> expand(
      Evaluation evaluation, String type, String relation, String user, int budget) {
    if (!evaluation.contextualTuples().isEmpty()
        || Users.isUserset(user)
        || Users.isWildcard(user)
        || user.indexOf(':') < 0) {
      return null;
    }
    if (!eligible(evaluation.types(), type, relation, new HashSet<>(), new HashSet<>())) {
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
   * Whether the relations {@code type#relation} depends on are acyclic, few, condition-free and
   * built from unions only. {@code done} holds relations already found eligible.
   */
  private static boolean eligible(
      TypeSystem types, String type, String relation, Set<String> path, Set<String> done) {
    String node = type + "#" + relation;
    if (done.contains(node)) {
      return true;
    }
    if (!path.add(node) || path.size() + done.size() > MAX_NODES) {
      return false; // a cycle, or too many relations
    }
    RelationDefinition definition = types.relation(type, relation);
    if (definition != null) {
      if (!eligibleRewrite(types, type, relation, definition.rewrite(), path, done)) {
        return false;
      }
    }
    path.remove(node);
    done.add(node);
    return true;
  }

  private static boolean eligibleRewrite(
      TypeSystem types,
      String type,
      String relation,
      Rewrite rewrite,
      Set<String> path,
      Set<String> done) {
    if (rewrite instanceof Rewrite.This) {
      for (RelationReference reference : references(types, type, relation)) {
        if (reference.condition() != null) {
          return false;
        }
        if (reference.relation() != null
            && !eligible(types, reference.type(), reference.relation(), path, done)) {
          return false;
        }
      }
      return true;
    }
    if (rewrite instanceof Rewrite.ComputedUserset computed) {
      return eligible(types, type, computed.relation(), path, done);
    }
    if (rewrite instanceof Rewrite.TupleToUserset ttu) {
      for (RelationReference reference : references(types, type, ttu.tupleset())) {
        if (reference.condition() != null) {
          return false;
        }
        if (reference.relation() == null
            && !reference.wildcard()
            && types.relation(reference.type(), ttu.computedRelation()) != null
            && !eligible(types, reference.type(), ttu.computedRelation(), path, done)) {
          return false;
        }
      }
      return true;
    }
    if (rewrite instanceof Rewrite.Union union) {
      for (Rewrite child : union.children()) {
        if (!eligibleRewrite(types, type, relation, child, path, done)) {
          return false;
        }
      }
      return true;
    }
    return false; // intersection or exclusion
  }

  private static List<RelationReference> references(
      TypeSystem types, String type, String relation) {
    RelationDefinition definition = types.relation(type, relation);
    return definition == null ? List.of() : definition.directlyRelatedUserTypes();
  }

  private Set<String> objects(String type, String relation) {
    String node = type + "#" + relation;
    Set<String> known = found.get(node);
    if (known != null) {
      return known;
    }
    Set<String> objects = new HashSet<>();
    RelationDefinition definition = types.relation(type, relation);
    if (definition != null) {
      rewrite(type, relation, definition.rewrite(), objects);
    }
    found.put(node, objects);
    return objects;
  }

  private void rewrite(String type, String relation, Rewrite rewrite, Set<String> into) {
    if (rewrite instanceof Rewrite.This) {
      direct(type, relation, into);
    } else if (rewrite instanceof Rewrite.ComputedUserset computed) {
      into.addAll(objects(type, computed.relation()));
    } else if (rewrite instanceof Rewrite.TupleToUserset ttu) {
      tupleToUserset(type, ttu, into);
    } else {
      for (Rewrite child : ((Rewrite.Union) rewrite).children()) {
        rewrite(type, relation, child, into);
      }
    }
  }

  /** As {@link Checker}'s direct grants: the user's own tuples, its wildcard's, usersets'. */
  private void direct(String type, String relation, Set<String> into) {
    Restrictions restrictions = types.restrictions(type, relation);
    if (restrictions.allowsUser(user)) {
      addObjects(type, relation, user, restrictions, into);
    }
    String wildcard = userType + ":*";
    if (restrictions.allowsWildcards() && restrictions.allowsUser(wildcard)) {
      addObjects(type, relation, wildcard, restrictions, into);
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
      for (String member : objects(reference.type(), usersetRelation)) {
        addObjects(type, relation, member + "#" + usersetRelation, restrictions, into);
      }
    }
  }

  /** As {@link Checker}'s tuple-to-userset: objects whose tupleset names a parent found. */
  private void tupleToUserset(String type, Rewrite.TupleToUserset ttu, Set<String> into) {
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
      for (String parent : objects(parentType, ttu.computedRelation())) {
        addObjects(type, ttu.tupleset(), parent, restrictions, into);
      }
    }
  }

  private void addObjects(
      String type, String relation, String tupleUser, Restrictions restrictions, Set<String> into) {
    List<TupleKey> tuples = evaluation.store().findByUser(type, relation, tupleUser);
    read += tuples.size() + 1;
    if (read > budget) {
      throw new OverBudget();
    }
    for (TupleKey tuple : tuples) {
      if (restrictions.admits(tuple.user(), tuple.condition())) {
        into.add(tuple.object());
      }
    }
  }

  /** The walk read more tuples than its budget. */
  private static final class OverBudget extends RuntimeException {
    OverBudget() {
      super(null, null, false, false);
    }
  }
}
