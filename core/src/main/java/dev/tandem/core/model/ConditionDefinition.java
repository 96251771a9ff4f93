package dev.tandem.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A named CEL condition ({@code condition in_range(x: int) { x < 100 }}) that tuples may carry.
 *
 * @param name the condition name
 * @param expression the CEL expression, exactly as written
 * @param parameters parameter name to declared type, in declaration order
 */
public record ConditionDefinition(
    String name, String expression, Map<String, ConditionParameterType> parameters) {

  public ConditionDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(expression, "expression");
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }
}
