package dev.tandem.core.engine;

import dev.tandem.core.internal.condition.CompiledConditions;
import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.model.RelationDefinition;
import dev.tandem.core.model.TypeDefinition;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A model prepared for evaluation: relation lookups, the type restrictions of each relation as a
 * set lookup, and compiled conditions. Immutable and shared by all requests on the same model.
 */
final class TypeSystem {

  private final AuthorizationModel model;
  private final CompiledConditions conditions;

  /** type -> relation -> its type restrictions. */
  private final Map<String, Map<String, Restrictions>> restrictions = new HashMap<>();

  TypeSystem(AuthorizationModel model) {
    this.model = model;
    this.conditions = CompiledConditions.compile(model.conditions());
    for (TypeDefinition type : model.types().values()) {
      Map<String, Restrictions> byRelation = new HashMap<>();
      for (RelationDefinition relation : type.relations().values()) {
        byRelation.put(relation.name(), new Restrictions(relation.directlyRelatedUserTypes()));
      }
      restrictions.put(type.name(), byRelation);
    }
  }

  AuthorizationModel model() {
    return model;
  }

  CompiledConditions conditions() {
    return conditions;
  }

  @Nullable RelationDefinition relation(String type, String relation) {
    return model.relation(type, relation);
  }

  boolean hasType(String type) {
    return model.type(type) != null;
  }

  /**
   * The type restrictions of {@code type#relation} (none when either is undefined). Stored or
   * contextual tuples that do not fit them, including the condition they carry, are ignored, as
   * OpenFGA ignores tuples written under an earlier model.
   */
  Restrictions restrictions(String type, String relation) {
    Map<String, Restrictions> byRelation = restrictions.get(type);
    Restrictions found = byRelation == null ? null : byRelation.get(relation);
    return found == null ? Restrictions.NONE : found;
  }
}
