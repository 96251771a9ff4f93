package dev.tandem.core.engine;

import dev.tandem.core.tuple.TupleKey;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which users have {@code relation} on {@code object}?
 *
 * @param object the object, {@code type:id}
 * @param relation the relation
 * @param userFilters the kinds of user wanted: a type ({@code user}) or a userset type ({@code
 *     group#member}); OpenFGA accepts exactly one
 * @param contextualTuples tuples considered for this request only (at most 100)
 * @param context condition parameters sent with the request (JSON-like values; null allowed)
 */
public record ListUsersRequest(
    String object,
    String relation,
    List<String> userFilters,
    List<TupleKey> contextualTuples,
    Map<String, Object> context) {

  public ListUsersRequest {
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(relation, "relation");
    userFilters = List.copyOf(userFilters);
    contextualTuples = List.copyOf(contextualTuples);
    context = Collections.unmodifiableMap(new LinkedHashMap<>(context));
  }

  /** A request for one kind of user, without contextual tuples or context. */
  public static ListUsersRequest of(String object, String relation, String userFilter) {
    return new ListUsersRequest(object, relation, List.of(userFilter), List.of(), Map.of());
  }
}
