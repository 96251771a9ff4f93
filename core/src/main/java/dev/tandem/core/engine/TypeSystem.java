package dev.tandem.core.engine;

import dev.tandem.core.internal.condition.CompiledConditions;
import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.model.RelationDefinition;
import dev.tandem.core.model.RelationReference;
import dev.tandem.core.model.TypeDefinition;
import dev.tandem.core.tuple.TupleKey;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A model prepared for evaluation: relation lookups, the type restrictions of each relation as a
 * set lookup, and compiled conditions. Immutable and shared by all requests on the same model.
 */
final class TypeSystem {

  /** The absence of a condition in a restriction's allowed-condition set. */
  private static final String NO_CONDITION = "";

  private final AuthorizationModel model;
  private final CompiledConditions conditions;

  /** type -> relation -> restriction key ("user", "user:*", "group#member") -> conditions. */
  private final Map<String, Map<String, Map<String, Set<String>>>> restrictions = new HashMap<>();

  TypeSystem(AuthorizationModel model) {
    this.model = model;
    this.conditions = CompiledConditions.compile(model.conditions());
    for (TypeDefinition type : model.types().values()) {
      Map<String, Map<String, Set<String>>> byRelation = new HashMap<>();
      for (RelationDefinition relation : type.relations().values()) {
        Map<String, Set<String>> allowed = new HashMap<>();
        for (RelationReference reference : relation.directlyRelatedUserTypes()) {
          String key =
              reference.wildcard()
                  ? reference.type() + ":*"
                  : reference.relation() == null
                      ? reference.type()
                      : reference.type() + "#" + reference.relation();
          String condition = reference.condition() == null ? NO_CONDITION : reference.condition();
          allowed.computeIfAbsent(key, k -> new HashSet<>()).add(condition);
        }
        byRelation.put(relation.name(), allowed);
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
   * Whether a stored or contextual tuple on {@code type#relation} fits the relation's current type
   * restrictions, including the condition it carries. Tuples that do not fit are ignored, as
   * OpenFGA ignores tuples written under an earlier model.
   */
  boolean admits(String type, String relation, TupleKey tuple) {
    Map<String, Set<String>> allowed = restrictions.getOrDefault(type, Map.of()).get(relation);
    if (allowed == null) {
      return false;
    }
    Set<String> conditionNames = allowed.get(restrictionKey(tuple.user()));
    if (conditionNames == null) {
      return false;
    }
    String condition = tuple.condition() == null ? NO_CONDITION : tuple.condition().name();
    return conditionNames.contains(condition);
  }

  /** The restriction key of a user string: {@code user}, {@code user:*} or {@code group#member}. */
  static String restrictionKey(String user) {
    int colon = user.indexOf(':');
    String type = colon < 0 ? user : user.substring(0, colon);
    int hash = user.indexOf('#', colon + 1);
    if (hash >= 0) {
      return type + user.substring(hash);
    }
    return user.endsWith(":*") ? type + ":*" : type;
  }
}
