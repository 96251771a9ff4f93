package dev.tandem.core.engine;

import java.util.List;
import java.util.Objects;

/**
 * One level of the userset tree of {@code object#relation}, as OpenFGA's Expand returns it: a node
 * per operator of the relation's rewrite, down to leaves that name users, usersets and other
 * relations without resolving them further. Expanding a leaf's usersets is a new request.
 *
 * <p>Every node is named after the expanded {@code object#relation}, the children of a union too.
 */
public sealed interface UsersetTree {

  /** The expanded {@code object#relation}. */
  String name();

  /**
   * The users of direct tuples: {@code type:id}, wildcards {@code type:*} and usersets {@code
   * type:id#relation}, sorted, each once. Conditions on the tuples are not evaluated.
   */
  record Users(String name, List<String> users) implements UsersetTree {
    public Users {
      Objects.requireNonNull(name, "name");
      users = List.copyOf(users);
    }
  }

  /** Another relation on the same object: {@code userset} is {@code object#otherRelation}. */
  record Computed(String name, String userset) implements UsersetTree {
    public Computed {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(userset, "userset");
    }
  }

  /**
   * {@code relation from tupleset}: {@code tupleset} is {@code object#tuplesetRelation}, and {@code
   * computed} the usersets its tuples point to ({@code folder:1#owner}), sorted, each once.
   */
  record TupleToUserset(String name, String tupleset, List<String> computed)
      implements UsersetTree {
    public TupleToUserset {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(tupleset, "tupleset");
      computed = List.copyOf(computed);
    }
  }

  /** Users in any child, one child per operand in the model's order. */
  record Union(String name, List<UsersetTree> nodes) implements UsersetTree {
    public Union {
      Objects.requireNonNull(name, "name");
      nodes = List.copyOf(nodes);
    }
  }

  /** Users in every child, one child per operand in the model's order. */
  record Intersection(String name, List<UsersetTree> nodes) implements UsersetTree {
    public Intersection {
      Objects.requireNonNull(name, "name");
      nodes = List.copyOf(nodes);
    }
  }

  /** Users in {@code base} but not in {@code subtract}. */
  record Difference(String name, UsersetTree base, UsersetTree subtract) implements UsersetTree {
    public Difference {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(base, "base");
      Objects.requireNonNull(subtract, "subtract");
    }
  }
}
