package dev.tandem.core.engine;

import dev.tandem.core.FgaException;
import dev.tandem.core.model.RelationDefinition;
import dev.tandem.core.model.Rewrite;
import dev.tandem.core.tuple.TupleKey;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

  private final Evaluation evaluation;
  private final Set<String> path = new HashSet<>();

  /**
   * Answers already known for {@code object#relation@user}, shared by the checks of one request
   * (list objects, a batch). Only answers that cannot depend on the path are kept: TRUE always (a
   * grant found is real), FALSE only when no cycle was cut while computing it.
   */
  private final Map<String, Result> known = new HashMap<>();

  /** How many times a cycle was cut so far; unchanged across a sub-evaluation means untainted. */
  private int cyclesCut;

  Checker(Evaluation evaluation) {
    this.evaluation = evaluation;
  }

  Result check(String object, String relation, String user) {
    return resolve(object, relation, user, 0);
  }

  private Result resolve(String object, String relation, String user, int depth) {
    if (depth >= Evaluation.MAX_DEPTH) {
      throw Evaluation.tooComplex();
    }
    RelationDefinition definition = evaluation.types().relation(Users.type(object), relation);
    if (definition == null) {
      return Result.FALSE;
    }
    String userset = object + '#' + relation;
    if (user.equals(userset)) {
      // A userset always includes itself: group:x#member is a "member" of group:x.
      return Result.TRUE;
    }
    String key = userset + '@' + user;
    Result cached = known.get(key);
    if (cached != null) {
      return cached;
    }
    if (!path.add(key)) {
      cyclesCut++;
      return Result.CYCLE;
    }
    int cutBefore = cyclesCut;
    try {
      Result result = rewrite(object, relation, definition.rewrite(), user, depth);
      if (result == Result.TRUE || cyclesCut == cutBefore) {
        known.put(key, result);
      }
      return result;
    } finally {
      path.remove(key);
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

  private Result direct(String object, String relation, String user, int depth) {
    boolean userIsObject = !Users.isUserset(user) && !Users.isWildcard(user);
    String userType = Users.type(user);
    Outcomes outcomes = new Outcomes();
    for (TupleKey tuple : evaluation.read(object, relation)) {
      String tupleUser = tuple.user();
      try {
        if (tupleUser.equals(user)
            || (userIsObject
                && Users.isWildcard(tupleUser)
                && Users.type(tupleUser).equals(userType))) {
          if (evaluation.conditionHolds(tuple)) {
            return Result.TRUE;
          }
        } else if (Users.isUserset(tupleUser) && evaluation.conditionHolds(tuple)) {
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
