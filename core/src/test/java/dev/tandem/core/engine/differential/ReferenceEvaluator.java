package dev.tandem.core.engine.differential;

import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.model.RelationDefinition;
import dev.tandem.core.model.RelationReference;
import dev.tandem.core.model.Rewrite;
import dev.tandem.core.model.TypeDefinition;
import dev.tandem.core.tuple.TupleKey;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The naive reference: OpenFGA's semantics as a direct recursive set definition over the plain list
 * of tuples, with no indexes and no short cuts, written without looking at the engine.
 *
 * <p>{@code users(o, r)} is the set of every subject {@code s} for which {@code Check(o#r@s)} is
 * true, over a finite universe: {@code type:id} for the scenario's ids plus one fresh id, {@code
 * type:*}, and {@code type:id#rel}. It is {@code {o#r}} (OpenFGA answers {@code
 * Check(document:1#viewer@document:1#viewer)} with true) united with the relation's rewrite:
 *
 * <ul>
 *   <li>{@code This}: for every tuple on {@code o#r} that fits one of the relation's type
 *       restrictions exactly (user kind and condition name) and whose condition holds: a plain
 *       user; a wildcard {@code T:*} and, when wildcards are expanded, every {@code T:id}; for a
 *       userset {@code T:id#s}, all of {@code users(T:id, s)}.
 *   <li>computed {@code c}: {@code users(o, c)}; {@code c from ts}: the union of {@code users(p,
 *       c)} over the plain objects {@code p} of fitting tupleset tuples whose type defines {@code
 *       c}.
 *   <li>union, intersection, difference: the set operations.
 * </ul>
 *
 * <p>Generated data is normally acyclic, so the recursion is well founded; entering a pair twice is
 * a generator bug and throws. {@linkplain Scenario#cyclic() Cyclic} data only comes with models
 * without exclusion: every operator is then monotone, the meaning is the least fixpoint, computed
 * by Kleene iteration over all pairs, and it is OpenFGA's answer too (a depth-first search that
 * cuts revisited paths finds every member of a least fixpoint of unions and intersections).
 *
 * <p>With wildcards not expanded, the same definition gives what ListUsers should list: {@code T:*}
 * stands for every {@code T:id}, so intersection keeps a user that one operand names and every
 * operand names or covers with its wildcard, and difference drops the base's users that the
 * subtracted set names or covers. That is exact until a difference keeps {@code T:*} while
 * subtracting some {@code T:id}: "every T but these" has no representation (ListUsers answers
 * {@code T:*}), the result is {@linkplain Result#lossy() lossy}. Where a lossy {@code T:*} is then
 * used to cover users (an operand of an intersection, or a subtracted set), the listed {@code T}
 * users are not defined by Check any more; {@link Result#taint()} names those types.
 */
final class ReferenceEvaluator {

  /**
   * The meaning of one {@code object#relation}.
   *
   * @param users the subjects that hold it
   * @param lossy the types whose {@code T:*} in {@code users} stands for "every T but some"
   * @param taint the types whose listed users are ambiguous (see the class comment)
   * @param depth the longest chain of resolution steps (computed, userset, tuple-to-userset)
   */
  record Result(Set<String> users, Set<String> lossy, Set<String> taint, int depth) {}

  private final Scenario scenario;
  private final boolean expandWildcards;
  private final Map<String, Result> memo = new HashMap<>();
  private final Set<String> inProgress = new HashSet<>();

  ReferenceEvaluator(Scenario scenario, boolean expandWildcards) {
    this.scenario = scenario;
    this.expandWildcards = expandWildcards;
  }

  boolean check(String object, String relation, String user) {
    return evaluate(object, relation).users().contains(user);
  }

  Result evaluate(String object, String relation) {
    String key = object + "#" + relation;
    Result known = memo.get(key);
    if (known != null) {
      return known;
    }
    if (scenario.cyclic()) {
      solve();
      return memo.getOrDefault(key, new Result(Set.of(key), Set.of(), Set.of(), 0));
    }
    if (!inProgress.add(key)) {
      throw new IllegalStateException("generated data has a cycle through " + key);
    }
    RelationDefinition definition = scenario.model().relation(typeOf(object), relation);
    Result result;
    if (definition == null) {
      result = new Result(Set.of(key), Set.of(), Set.of(), 0);
    } else {
      Result rewritten = rewrite(object, definition, definition.rewrite());
      Set<String> users = new HashSet<>(rewritten.users());
      users.add(key);
      result = new Result(users, rewritten.lossy(), rewritten.taint(), rewritten.depth());
    }
    inProgress.remove(key);
    memo.put(key, result);
    return result;
  }

  /** A relation of another object: recursively, or during iteration its current approximation. */
  private Result dependency(String object, String relation) {
    if (!scenario.cyclic()) {
      return evaluate(object, relation);
    }
    String key = object + "#" + relation;
    return memo.getOrDefault(key, new Result(Set.of(key), Set.of(), Set.of(), 0));
  }

  /** Kleene iteration from {@code {o#r}} for every pair until nothing grows. */
  private void solve() {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (TypeDefinition type : scenario.model().types().values()) {
        for (String id : scenario.queryIds(type.name())) {
          String object = type.name() + ":" + id;
          for (RelationDefinition definition : type.relations().values()) {
            String key = object + "#" + definition.name();
            Result rewritten = rewrite(object, definition, definition.rewrite());
            Set<String> users = new HashSet<>(rewritten.users());
            users.add(key);
            Result previous = memo.get(key);
            if (previous == null || !previous.users().equals(users)) {
              memo.put(key, new Result(users, rewritten.lossy(), rewritten.taint(), 0));
              changed = true;
            }
          }
        }
      }
    }
  }

  /**
   * Whether tuples may form cycles: the model has no exclusion, and some relation refers to itself
   * on another object.
   */
  static boolean admitsCycles(AuthorizationModel model) {
    boolean selfReference = false;
    for (TypeDefinition type : model.types().values()) {
      for (RelationDefinition relation : type.relations().values()) {
        if (hasDifference(relation.rewrite())) {
          return false;
        }
        for (RelationReference reference : relation.directlyRelatedUserTypes()) {
          selfReference |=
              reference.type().equals(type.name()) && relation.name().equals(reference.relation());
        }
        selfReference |= refersToItselfThroughParent(type, relation.name(), relation.rewrite());
      }
    }
    return selfReference;
  }

  private static boolean hasDifference(Rewrite rewrite) {
    if (rewrite instanceof Rewrite.Difference) {
      return true;
    }
    if (rewrite instanceof Rewrite.Union union) {
      return union.children().stream().anyMatch(ReferenceEvaluator::hasDifference);
    }
    if (rewrite instanceof Rewrite.Intersection intersection) {
      return intersection.children().stream().anyMatch(ReferenceEvaluator::hasDifference);
    }
    return false;
  }

  private static boolean refersToItselfThroughParent(
      TypeDefinition type, String relation, Rewrite rewrite) {
    if (rewrite instanceof Rewrite.TupleToUserset ttu) {
      RelationDefinition tupleset = type.relation(ttu.tupleset());
      return ttu.computedRelation().equals(relation)
          && tupleset != null
          && tupleset.directlyRelatedUserTypes().stream()
              .anyMatch(r -> r.type().equals(type.name()));
    }
    List<Rewrite> children =
        rewrite instanceof Rewrite.Union union
            ? union.children()
            : rewrite instanceof Rewrite.Intersection intersection
                ? intersection.children()
                : List.of();
    return children.stream().anyMatch(c -> refersToItselfThroughParent(type, relation, c));
  }

  private Result rewrite(String object, RelationDefinition definition, Rewrite rewrite) {
    if (rewrite instanceof Rewrite.This) {
      Union union = new Union();
      for (TupleKey tuple : scenario.tuples()) {
        if (!tuple.object().equals(object)
            || !tuple.relation().equals(definition.name())
            || !fits(definition, tuple)
            || !conditionHolds(tuple)) {
          continue;
        }
        String user = tuple.user();
        int hash = user.indexOf('#');
        if (hash >= 0) {
          union.add(dependency(user.substring(0, hash), user.substring(hash + 1)), 1);
        } else {
          union.users.add(user);
          if (expandWildcards && user.endsWith(":*")) {
            String type = typeOf(user);
            for (String id : scenario.queryIds(type)) {
              union.users.add(type + ":" + id);
            }
          }
        }
      }
      return union.result();
    }
    if (rewrite instanceof Rewrite.ComputedUserset computed) {
      Union union = new Union();
      union.add(dependency(object, computed.relation()), 1);
      return union.result();
    }
    if (rewrite instanceof Rewrite.TupleToUserset ttu) {
      RelationDefinition tupleset = scenario.model().relation(typeOf(object), ttu.tupleset());
      Union union = new Union();
      for (TupleKey tuple : scenario.tuples()) {
        String parent = tuple.user();
        if (tuple.object().equals(object)
            && tuple.relation().equals(ttu.tupleset())
            && fits(tupleset, tuple)
            && !parent.contains("#")
            && !parent.endsWith(":*")
            && scenario.model().relation(typeOf(parent), ttu.computedRelation()) != null
            && conditionHolds(tuple)) {
          union.add(dependency(parent, ttu.computedRelation()), 1);
        }
      }
      return union.result();
    }
    if (rewrite instanceof Rewrite.Union operands) {
      Union union = new Union();
      for (Rewrite child : operands.children()) {
        union.add(rewrite(object, definition, child), 0);
      }
      return union.result();
    }
    if (rewrite instanceof Rewrite.Intersection intersection) {
      Result result = null;
      for (Rewrite child : intersection.children()) {
        Result operand = rewrite(object, definition, child);
        result = result == null ? operand : intersect(result, operand);
      }
      return result;
    }
    Rewrite.Difference difference = (Rewrite.Difference) rewrite;
    return subtract(
        rewrite(object, definition, difference.base()),
        rewrite(object, definition, difference.subtract()));
  }

  private Result intersect(Result left, Result right) {
    Set<String> users = new HashSet<>();
    for (String user : left.users()) {
      if (covers(right.users(), user)) {
        users.add(user);
      }
    }
    for (String user : right.users()) {
      if (covers(left.users(), user)) {
        users.add(user);
      }
    }
    Set<String> taint = union(left.taint(), right.taint());
    taint.addAll(left.lossy());
    taint.addAll(right.lossy());
    return new Result(users, Set.of(), taint, Math.max(left.depth(), right.depth()));
  }

  private Result subtract(Result base, Result subtracted) {
    Set<String> users = new HashSet<>();
    for (String user : base.users()) {
      if (!covers(subtracted.users(), user)) {
        users.add(user);
      }
    }
    Set<String> lossy = new HashSet<>(base.lossy());
    for (String user : subtracted.users()) {
      if (isPlainObject(user) && users.contains(typeOf(user) + ":*")) {
        lossy.add(typeOf(user));
      }
    }
    Set<String> taint = union(base.taint(), subtracted.taint());
    taint.addAll(subtracted.lossy());
    return new Result(users, lossy, taint, Math.max(base.depth(), subtracted.depth()));
  }

  /**
   * Whether {@code users} holds {@code user}. Without expansion, {@code T:*} covers every plain
   * {@code T:id}; expanded sets already list them, and there a plain id must be named.
   */
  private boolean covers(Set<String> users, String user) {
    return users.contains(user)
        || !expandWildcards && isPlainObject(user) && users.contains(typeOf(user) + ":*");
  }

  private static boolean isPlainObject(String user) {
    return user.indexOf('#') < 0 && !user.endsWith(":*");
  }

  private static Set<String> union(Set<String> left, Set<String> right) {
    Set<String> all = new HashSet<>(left);
    all.addAll(right);
    return all;
  }

  /** Accumulates a union of results, with the depth of the deepest. */
  private static final class Union {
    final Set<String> users = new HashSet<>();
    final Set<String> lossy = new HashSet<>();
    final Set<String> taint = new HashSet<>();
    int depth;

    void add(Result result, int steps) {
      users.addAll(result.users());
      lossy.addAll(result.lossy());
      taint.addAll(result.taint());
      depth = Math.max(depth, result.depth() + steps);
    }

    Result result() {
      return new Result(users, lossy, taint, depth);
    }
  }

  private boolean conditionHolds(TupleKey tuple) {
    if (tuple.condition() == null) {
      return true;
    }
    Object x = tuple.condition().context().get("x");
    int value = x == null ? scenario.contextX() : ((Number) x).intValue();
    return value < 10;
  }

  /** Whether a tuple on an existing relation of {@code model} fits one of its restrictions. */
  static boolean fits(AuthorizationModel model, TupleKey tuple) {
    RelationDefinition definition = model.relation(typeOf(tuple.object()), tuple.relation());
    return definition != null && fits(definition, tuple);
  }

  private static boolean fits(RelationDefinition definition, TupleKey tuple) {
    String user = tuple.user();
    String condition = tuple.condition() == null ? null : tuple.condition().name();
    int hash = user.indexOf('#');
    boolean wildcard = hash < 0 && user.endsWith(":*");
    for (RelationReference reference : definition.directlyRelatedUserTypes()) {
      if (!reference.type().equals(typeOf(user))
          || !Objects.equals(reference.condition(), condition)) {
        continue;
      }
      if (reference.wildcard()
          ? wildcard
          : reference.relation() != null
              ? hash >= 0 && user.substring(hash + 1).equals(reference.relation())
              : hash < 0 && !wildcard) {
        return true;
      }
    }
    return false;
  }

  static String typeOf(String objectOrUser) {
    return objectOrUser.substring(0, objectOrUser.indexOf(':'));
  }
}
