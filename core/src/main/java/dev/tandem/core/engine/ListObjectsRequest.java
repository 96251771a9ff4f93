package dev.tandem.core.engine;

import dev.tandem.core.tuple.TupleKey;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which objects of {@code type} does {@code user} have {@code relation} on?
 *
 * @param type the object type
 * @param relation the relation
 * @param user the user: {@code type:id}, {@code type:*} or a userset {@code type:id#relation}
 * @param contextualTuples tuples considered for this request only (at most 100)
 * @param context condition parameters sent with the request (JSON-like values; null allowed)
 */
public record ListObjectsRequest(
    String type,
    String relation,
    String user,
    List<TupleKey> contextualTuples,
    Map<String, Object> context) {

  public ListObjectsRequest {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(relation, "relation");
    Objects.requireNonNull(user, "user");
    contextualTuples = List.copyOf(contextualTuples);
    context = Collections.unmodifiableMap(new LinkedHashMap<>(context));
  }

  /** A request without contextual tuples or context. */
  public static ListObjectsRequest of(String type, String relation, String user) {
    return new ListObjectsRequest(type, relation, user, List.of(), Map.of());
  }
}
