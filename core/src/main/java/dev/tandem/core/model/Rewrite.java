package dev.tandem.core.model;

import java.util.List;
import java.util.Objects;

/**
 * How the users of a relation are computed: the OpenFGA "userset rewrite" tree.
 *
 * <p>The variants mirror OpenFGA's JSON model: {@link This} (direct assignment), {@link
 * ComputedUserset} (another relation on the same object), {@link TupleToUserset} ({@code X from
 * Y}), and the set operators {@link Union}, {@link Intersection} and {@link Difference}.
 */
public sealed interface Rewrite {

  /** Users directly assigned by tuples, filtered by the relation's type restrictions. */
  record This() implements Rewrite {}

  /** The users of {@code relation} on the same object. */
  record ComputedUserset(String relation) implements Rewrite {
    public ComputedUserset {
      Objects.requireNonNull(relation, "relation");
    }
  }

  /**
   * {@code computedRelation from tupleset}: for every object {@code o} related through {@code
   * tupleset}, the users of {@code computedRelation} on {@code o}.
   */
  record TupleToUserset(String tupleset, String computedRelation) implements Rewrite {
    public TupleToUserset {
      Objects.requireNonNull(tupleset, "tupleset");
      Objects.requireNonNull(computedRelation, "computedRelation");
    }
  }

  /** Users in any child. */
  record Union(List<Rewrite> children) implements Rewrite {
    public Union {
      children = List.copyOf(children);
    }
  }

  /** Users in every child. */
  record Intersection(List<Rewrite> children) implements Rewrite {
    public Intersection {
      children = List.copyOf(children);
    }
  }

  /** Users in {@code base} but not in {@code subtract} ({@code base but not subtract}). */
  record Difference(Rewrite base, Rewrite subtract) implements Rewrite {
    public Difference {
      Objects.requireNonNull(base, "base");
      Objects.requireNonNull(subtract, "subtract");
    }
  }
}
