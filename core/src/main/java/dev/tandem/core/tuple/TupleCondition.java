package dev.tandem.core.tuple;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The condition a tuple carries: the name of a condition of the model and the part of its context
 * fixed when the tuple was written.
 *
 * @param name the condition name
 * @param context parameter values as JSON-like Java values (String, Number, Boolean, List, Map,
 *     null); values here take precedence over those sent with a request
 */
public record TupleCondition(String name, Map<String, Object> context) {

  public TupleCondition {
    Objects.requireNonNull(name, "name");
    context = Collections.unmodifiableMap(new LinkedHashMap<>(context));
  }

  /** A condition with no stored context. */
  public static TupleCondition of(String name) {
    return new TupleCondition(name, Map.of());
  }
}
