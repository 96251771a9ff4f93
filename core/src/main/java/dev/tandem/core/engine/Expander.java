package dev.tandem.core.engine;

import dev.tandem.core.model.RelationDefinition;
import dev.tandem.core.model.Rewrite;
import dev.tandem.core.tuple.TupleKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * OpenFGA's Expand: the rewrite of one {@code object#relation} as a {@link UsersetTree}, its leaves
 * filled from the tuples on that object alone.
 *
 * <p>As in OpenFGA, leaves read every tuple that fits the current model's type restrictions
 * (contextual tuples included) and evaluate no condition; a tupleset tuple whose user is a userset
 * {@code folder:1#rel} yields that userset as is, any other user {@code folder:1} yields {@code
 * folder:1#computedRelation}.
 */
final class Expander {

  private final Evaluation evaluation;

  Expander(Evaluation evaluation) {
    this.evaluation = evaluation;
  }

  /** The tree of a relation the caller has checked exists. */
  UsersetTree expand(String object, String relation) {
    RelationDefinition definition =
        Objects.requireNonNull(
            evaluation.types().relation(Users.type(object), relation), "relation");
    return node(object, relation, object + "#" + relation, definition.rewrite());
  }

  private UsersetTree node(String object, String relation, String name, Rewrite rewrite) {
    if (rewrite instanceof Rewrite.This) {
      TreeSet<String> users = new TreeSet<>();
      for (TupleKey tuple : evaluation.read(object, relation)) {
        users.add(tuple.user());
      }
      return new UsersetTree.Users(name, List.copyOf(users));
    }
    if (rewrite instanceof Rewrite.ComputedUserset computed) {
      return new UsersetTree.Computed(name, object + "#" + computed.relation());
    }
    if (rewrite instanceof Rewrite.TupleToUserset ttu) {
      TreeSet<String> computed = new TreeSet<>();
      for (TupleKey tuple : evaluation.read(object, ttu.tupleset())) {
        String user = tuple.user();
        computed.add(Users.isUserset(user) ? user : user + "#" + ttu.computedRelation());
      }
      return new UsersetTree.TupleToUserset(
          name, object + "#" + ttu.tupleset(), List.copyOf(computed));
    }
    if (rewrite instanceof Rewrite.Union union) {
      return new UsersetTree.Union(name, nodes(object, relation, name, union.children()));
    }
    if (rewrite instanceof Rewrite.Intersection intersection) {
      return new UsersetTree.Intersection(
          name, nodes(object, relation, name, intersection.children()));
    }
    Rewrite.Difference difference = (Rewrite.Difference) rewrite;
    return new UsersetTree.Difference(
        name,
        node(object, relation, name, difference.base()),
        node(object, relation, name, difference.subtract()));
  }

  private List<UsersetTree> nodes(
      String object, String relation, String name, List<Rewrite> children) {
    List<UsersetTree> nodes = new ArrayList<>(children.size());
    for (Rewrite child : children) {
      nodes.add(node(object, relation, name, child));
    }
    return nodes;
  }
}
