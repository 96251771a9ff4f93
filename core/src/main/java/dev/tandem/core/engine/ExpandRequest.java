package dev.tandem.core.engine;

import dev.tandem.core.tuple.TupleKey;
import java.util.List;
import java.util.Objects;

/**
 * Which users and usersets make up {@code relation} on {@code object}, one level deep?
 *
 * <p>Unlike a check, an expansion takes no condition context: it lists tuples without evaluating
 * their conditions.
 *
 * @param object the object, {@code type:id}
 * @param relation the relation
 * @param contextualTuples tuples considered for this request only (at most 100)
 */
public record ExpandRequest(String object, String relation, List<TupleKey> contextualTuples) {

  public ExpandRequest {
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(relation, "relation");
    contextualTuples = List.copyOf(contextualTuples);
  }

  /** A request without contextual tuples. */
  public static ExpandRequest of(String object, String relation) {
    return new ExpandRequest(object, relation, List.of());
  }
}
