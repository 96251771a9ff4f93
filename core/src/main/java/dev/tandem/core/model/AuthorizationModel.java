package dev.tandem.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An immutable OpenFGA authorization model (schema 1.1): types with their relations, and
 * conditions.
 *
 * <p>Record equality includes the {@link #id()}; compare {@link #withId(String)} copies to ask
 * whether two models declare the same thing.
 *
 * @param id the model id, or the empty string for a model that has not been stored
 * @param schemaVersion the schema version, {@code 1.1}
 * @param types type name to definition, in declaration order
 * @param conditions condition name to definition
 */
public record AuthorizationModel(
    String id,
    String schemaVersion,
    Map<String, TypeDefinition> types,
    Map<String, ConditionDefinition> conditions) {

  public AuthorizationModel {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(schemaVersion, "schemaVersion");
    types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
    conditions = Collections.unmodifiableMap(new LinkedHashMap<>(conditions));
  }

  /** The type named {@code type}, or null when the model has none. */
  public @Nullable TypeDefinition type(String type) {
    return types.get(type);
  }

  /** The relation {@code relation} of {@code type}, or null when either is not defined. */
  public @Nullable RelationDefinition relation(String type, String relation) {
    TypeDefinition definition = types.get(type);
    return definition == null ? null : definition.relation(relation);
  }

  /** The condition named {@code name}, or null. */
  public @Nullable ConditionDefinition condition(String name) {
    return conditions.get(name);
  }

  /** A copy of this model with another id. */
  public AuthorizationModel withId(String newId) {
    return new AuthorizationModel(newId, schemaVersion, types, conditions);
  }

  /**
   * Checks this model against OpenFGA's semantic rules (every referenced type, relation and
   * condition exists, every relation can be granted by some tuple, ...).
   *
   * @return this model
   * @throws InvalidModelException listing every problem, unpositioned
   */
  public AuthorizationModel requireValid() {
    List<ModelProblem> problems = ModelValidator.validate(this, null);
    if (!problems.isEmpty()) {
      throw new InvalidModelException(problems);
    }
    return this;
  }
}
