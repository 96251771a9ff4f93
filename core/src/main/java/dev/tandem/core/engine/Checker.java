package dev.tandem.core.engine;

import dev.tandem.core.FgaException;
import dev.tandem.core.model.RelationDefinition;
import dev.tandem.core.model.Rewrite;
import dev.tandem.core.tuple.TupleKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates one check by walking the rewrite tree, with OpenFGA's semantics.
 *
 * <p>Results are three-valued: {@link Result#CYCLE} is a "false" that came from revisiting an
 * {@code object#relation@user} already on the current path. It absorbs like false in intersections
 * and, as in OpenFGA, makes an exclusion false whichever side it is on. Errors (missing condition
 * parameters, too deep) propagate unless a union finds a true branch or an intersection a false
 * one.
 */
final class Checker {

  enum Result {
    TRUE,
    FALSE,
    CYCLE
  }

  /** Marks a question on the current path, being evaluated. */
  private static final Object ON_PATH = new Object();

  private final Evaluation evaluation;

  /**
   * For each {@code object#relation@user} question: {@link #ON_PATH} while it is being evaluated
   * (revisiting it is a cycle), then its answer if the answer is kept. The answers are shared by
   * the checks of one request (list objects, a batch), so only those that cannot depend on the path
   * are kept: TRUE always (a grant found is real), FALSE only when no cycle was cut while computing
   * it. One map serves both purposes because a question is never on the path and answered at once.
   */
  private final Map<Question, Object> known;

  private @Nullable String wildcardUser;
  private String wildcard = "";

  /** How many times a cycle was cut so far; unchanged across a sub-evaluation means untainted. */
  private int cyclesCut;

  Checker(Evaluation evaluation) {
    this(evaluation, 0);
  }

  /**
   * A checker for about {@code checks} checks, whose memo starts large enough for them: a batch of
   * unrelated objects adds a few questions per check, and growing the table costs more than sizing
   * it up front.
   */
  Checker(Evaluation evaluation, int checks) {
    this.evaluation = evaluation;
    this.known = checks > 1 ? new HashMap<>(Math.min(4 * checks, 1 << 20)) : new HashMap<>();
  }

  Result check(String object, String relation, String user) {
    return resolve(object, relation, user, 0);
  }

  private Result resolve(String object, String relation, String user, int depth) {
    if (depth >= Evaluation.MAX_DEPTH) {
      throw Evaluation.tooComplex();
    }
    String type = Users.type(object);
    RelationDefinition definition = evaluation.types().relation(type, relation);
    if (definition == null) {
      return Result.FALSE;
    }
    if (isUserset(user, object, relation)) {
      // A userset always includes itself: group:x#member is a "member" of group:x.
      return Result.TRUE;
    }
    if (definition.rewrite() instanceof Rewrite.This) {
      Restrictions restrictions = evaluation.types().restrictions(type, relation);
      if (!restrictions.allowsUsersets()) {
        // A leaf: one or two lookups that cannot recurse, so it can be on no cycle and its
        // answer costs less to find again than to remember.
        return direct(object, relation, restrictions, user, depth);
      }
    }
    Question key = new Question(object, relation, user);
    Object state = known.putIfAbsent(key, ON_PATH);
    if (state == ON_PATH) {
      cyclesCut++;
      return Result.CYCLE;
    }
    if (state != null) {
      return (Result) state;
    }
    int cutBefore = cyclesCut;
    boolean kept = false;
    try {
      Result result = rewrite(object, relation, definition.rewrite(), user, depth);
      if (result == Result.TRUE || cyclesCut == cutBefore) {
        known.put(key, result);
        kept = true;
      }
      return result;
    } finally {
      if (!kept) {
        known.remove(key);
      }
    }
  }

  private Result rewrite(String object, String relation, Rewrite rewrite, String user, int depth) {
    if (rewrite instanceof Rewrite.This) {
      return direct(object, relation, user, depth);
    }
    if (rewrite instanceof Rewrite.ComputedUserset computed) {
      return resolve(object, computed.relation(), user, depth + 1);
    }
    if (rewrite instanceof Rewrite.TupleToUserset ttu) {
      return tupleToUserset(object, ttu, user, depth);
    }
    if (rewrite instanceof Rewrite.Union union) {
      return union(object, relation, union.children(), user, depth);
    }
    if (rewrite instanceof Rewrite.Intersection intersection) {
      return intersection(object, relation, intersection.children(), user, depth);
    }
    Rewrite.Difference difference = (Rewrite.Difference) rewrite;
    return difference(object, relation, difference, user, depth);
  }

  /**
   * The direct grants on {@code object#relation}: a tuple for the user itself, then (for a {@code
   * type:id} user) one for its type's wildcard, then usersets, each recursively. Only the lookups
   * the relation's type restrictions allow are made.
   */
  private Result direct(String object, String relation, String user, int depth) {
    return direct(
        object,
        relation,
        evaluation.types().restrictions(Users.type(object), relation),
        user,
        depth);
  }

  private Result direct(
      String object, String relation, Restrictions restrictions, String user, int depth) {
    Outcomes outcomes = new Outcomes();
    if (restrictions.allowsUser(user)
        && anyConditionHolds(
            evaluation.readExact(object, relation, user, restrictions), outcomes)) {
      return Result.TRUE;
    }
    if (restrictions.allowsWildcards() && !Users.isUserset(user) && !Users.isWildcard(user)) {
      String wildcard = wildcardOf(user);
      if (restrictions.allowsUser(wildcard)
          && anyConditionHolds(
              evaluation.readExact(object, relation, wildcard, restrictions), outcomes)) {
        return Result.TRUE;
      }
    }
    if (!restrictions.allowsUsersets()) {
      return outcomes.anyOf();
    }
    for (TupleKey tuple : evaluation.readUsersets(object, relation, restrictions)) {
      String tupleUser = tuple.user();
      if (tupleUser.equals(user)) {
        continue; // already weighed as the user's own tuple
      }
      try {
        if (evaluation.conditionHolds(tuple)) {
          Result result =
              resolve(
                  Users.usersetObject(tupleUser),
                  Users.usersetRelation(tupleUser),
                  user,
                  depth + 1);
          if (result == Result.TRUE) {
            return Result.TRUE;
          }
          outcomes.add(result);
        }
      } catch (FgaException e) {
        outcomes.fail(e);
      }
    }
    return outcomes.anyOf();
  }

  private boolean anyConditionHolds(List<TupleKey> tuples, Outcomes outcomes) {
    for (TupleKey tuple : tuples) {
      try {
        if (evaluation.conditionHolds(tuple)) {
          return true;
        }
      } catch (FgaException e) {
        outcomes.fail(e);
      }
    }
    return false;
  }

  /**
   * The wildcard of a {@code type:id} user's type, {@code type:*}, kept for the last user asked.
   */
  private String wildcardOf(String user) {
    if (!user.equals(wildcardUser)) {
      wildcard = Users.type(user) + ":*";
      wildcardUser = user;
    }
    return wildcard;
  }

  /** Whether {@code user} is the userset {@code object#relation}, compared in place. */
  private static boolean isUserset(String user, String object, String relation) {
    int hash = object.length();
    return user.length() == hash + 1 + relation.length()
        && user.charAt(hash) == '#'
        && user.startsWith(object)
        && user.endsWith(relation);
  }

  private Result tupleToUserset(String object, Rewrite.TupleToUserset ttu, String user, int depth) {
    Outcomes outcomes = new Outcomes();
    for (TupleKey tuple : evaluation.read(object, ttu.tupleset())) {
      String parent = tuple.user();
      if (Users.isUserset(parent) || Users.isWildcard(parent)) {
        continue;
      }
      try {
        if (evaluation.types().relation(Users.type(parent), ttu.computedRelation()) == null
            || !evaluation.conditionHolds(tuple)) {
          continue;
        }
        Result result = resolve(parent, ttu.computedRelation(), user, depth + 1);
        if (result == Result.TRUE) {
          return Result.TRUE;
        }
        outcomes.add(result);
      } catch (FgaException e) {
        outcomes.fail(e);
      }
    }
    return outcomes.anyOf();
  }

  private Result union(
      String object, String relation, List<Rewrite> children, String user, int depth) {
    Outcomes outcomes = new Outcomes();
    for (Rewrite child : children) {
      try {
        Result result = rewrite(object, relation, child, user, depth);
        if (result == Result.TRUE) {
          return Result.TRUE;
        }
        outcomes.add(result);
      } catch (FgaException e) {
        outcomes.fail(e);
      }
    }
    return outcomes.anyOf();
  }

  private Result intersection(
      String object, String relation, List<Rewrite> children, String user, int depth) {
    FgaException error = null;
    for (Rewrite child : children) {
      try {
        Result result = rewrite(object, relation, child, user, depth);
        if (result != Result.TRUE) {
          return result;
        }
      } catch (FgaException e) {
        error = error == null ? e : error;
      }
    }
    if (error != null) {
      throw error;
    }
    return Result.TRUE;
  }

  private Result difference(
      String object, String relation, Rewrite.Difference difference, String user, int depth) {
    FgaException error = null;
    try {
      Result base = rewrite(object, relation, difference.base(), user, depth);
      if (base != Result.TRUE) {
        return base;
      }
    } catch (FgaException e) {
      error = e;
    }
    try {
      Result subtract = rewrite(object, relation, difference.subtract(), user, depth);
      if (subtract == Result.CYCLE) {
        return Result.CYCLE;
      }
      if (subtract == Result.TRUE) {
        return Result.FALSE;
      }
    } catch (FgaException e) {
      error = error == null ? e : error;
    }
    if (error != null) {
      throw error;
    }
    return Result.TRUE;
  }

  /** The identity of one question, {@code object#relation@user}, with its hash computed once. */
  private static final class Question {
    private final String object;
    private final String relation;
    private final String user;
    private final int hash;

    Question(String object, String relation, String user) {
      this.object = object;
      this.relation = relation;
      this.user = user;
      this.hash = (object.hashCode() * 31 + relation.hashCode()) * 31 + user.hashCode();
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(@Nullable Object other) {
      return other instanceof Question q
          && q.hash == hash
          && q.object.equals(object)
          && q.relation.equals(relation)
          && q.user.equals(user);
    }
  }

  /** Accumulates the non-true outcomes of a union: error beats cycle beats false. */
  private static final class Outcomes {
    private boolean cycle;
    private FgaException error;

    void add(Result result) {
      cycle |= result == Result.CYCLE;
    }

    void fail(FgaException e) {
      if (error == null) {
        error = e;
      }
    }

    Result anyOf() {
      if (error != null) {
        throw error;
      }
      return cycle ? Result.CYCLE : Result.FALSE;
    }
  }
}
