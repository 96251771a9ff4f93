package dev.tandem.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A type of the model ({@code type document}) and its relations, in declaration order.
 *
 * @param name the type name
 * @param relations relation name to definition, in declaration order
 */
public record TypeDefinition(String name, Map<String, RelationDefinition> relations) {

  public TypeDefinition {
    Objects.requireNonNull(name, "name");
    relations = Collections.unmodifiableMap(new LinkedHashMap<>(relations));
  }

  /** The relation named {@code relation}, or null when this type has none by that name. */
  public @Nullable RelationDefinition relation(String relation) {
    return relations.get(relation);
  }
}
