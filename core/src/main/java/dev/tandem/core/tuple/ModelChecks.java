package dev.tandem.core.tuple;

import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.model.ConditionDefinition;
import dev.tandem.core.model.RelationDefinition;
import dev.tandem.core.model.RelationReference;
import dev.tandem.core.model.Rewrite;
import dev.tandem.core.model.TypeDefinition;
import dev.tandem.core.tuple.Violation.Kind;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The rules that need the model, in the order of OpenFGA's {@code internal/validation}: existence
 * of types and relations ({@code ValidateUserObjectRelation}), then tupleset relations, type
 * restrictions and conditions ({@code ValidateTupleForRead}).
 */
final class ModelChecks {

  private ModelChecks() {}

  /**
   * The format of user, object and relation and whether the model defines their types and
   * relations; nothing about type restrictions.
   */
  static @Nullable Violation userObjectRelation(
      AuthorizationModel model, String object, String relation, String user) {
    Violation violation = user(model, user);
    return violation != null ? violation : objectRelation(model, object, relation);
  }

  /** The object and relation part of {@link #userObjectRelation}. */
  static @Nullable Violation objectRelation(
      AuthorizationModel model, String object, String relation) {
    Violation violation = Identifiers.objectFormat(object);
    if (violation != null) {
      return violation;
    }
    String objectType = typeOf(object);
    if (model.type(objectType) == null) {
      return typeNotFound(objectType);
    }
    violation = Identifiers.relationFormat(relation);
    if (violation != null) {
      return violation;
    }
    return model.relation(objectType, relation) == null
        ? relationNotFound(objectType, relation)
        : null;
  }

  /** The format of a user and whether the model defines its type and, for a userset, relation. */
  static @Nullable Violation user(AuthorizationModel model, String user) {
    Violation violation = Identifiers.userFormat(user);
    if (violation != null) {
      return violation;
    }
    UserParts parts = UserParts.of(user);
    if (model.type(parts.type()) == null) {
      return typeNotFound(parts.type());
    }
    if (parts.relation() != null && model.relation(parts.type(), parts.relation()) == null) {
      return relationNotFound(parts.type(), parts.relation());
    }
    return null;
  }

  /**
   * Whether the model lets this tuple be stored: tupleset relations hold plain objects only, the
   * user matches a type restriction, and the condition matches that restriction. Types and
   * relations that do not exist are reported too, so stored tuples of older models can be filtered.
   */
  static @Nullable Violation restrictions(AuthorizationModel model, TupleKey tuple) {
    String objectType = typeOf(tuple.object());
    TypeDefinition type = model.type(objectType);
    if (type == null) {
      return typeNotFound(objectType);
    }
    RelationDefinition relation = type.relation(tuple.relation());
    if (relation == null) {
      return relationNotFound(objectType, tuple.relation());
    }
    String target = Quoting.quote(objectType + "#" + tuple.relation());
    UserParts user = UserParts.of(tuple.user());
    if (isTupleset(type, tuple.relation())) {
      if (!(relation.rewrite() instanceof Rewrite.This)) {
        return restriction("tupleset relation " + target + " must be directly assignable");
      }
      if (user.wildcard() || tuple.user().equals("*")) {
        return restriction(
            "tupleset relation " + target + " cannot hold the wildcard " + quote(tuple.user()));
      }
      if (user.relation() != null || user.id().isEmpty()) {
        return restriction(
            "tupleset relation " + target + " can only hold objects, not " + quote(tuple.user()));
      }
    }
    List<RelationReference> matching =
        relation.directlyRelatedUserTypes().stream().filter(user::fits).toList();
    if (matching.isEmpty()) {
      if (relation.directlyRelatedUserTypes().isEmpty()) {
        return restriction("relation " + target + " cannot be assigned directly");
      }
      return restriction(
          "relation "
              + target
              + " does not allow "
              + user.describe()
              + "; it allows "
              + relation.directlyRelatedUserTypes());
    }
    return condition(model, tuple, target, user, matching);
  }

  private static @Nullable Violation condition(
      AuthorizationModel model,
      TupleKey tuple,
      String target,
      UserParts user,
      List<RelationReference> matching) {
    TupleCondition condition = tuple.condition();
    if (condition == null) {
      return matching.stream().anyMatch(r -> r.condition() == null)
          ? null
          : new Violation(
              Kind.CONDITION,
              "relation "
                  + target
                  + " allows "
                  + user.describe()
                  + " only with a condition: "
                  + matching);
    }
    ConditionDefinition definition = model.condition(condition.name());
    if (definition == null) {
      return new Violation(
          Kind.CONDITION, "condition " + quote(condition.name()) + " is not defined in the model");
    }
    if (matching.stream().noneMatch(r -> condition.name().equals(r.condition()))) {
      return new Violation(
          Kind.CONDITION,
          "relation "
              + target
              + " does not allow "
              + user.describe()
              + " with condition "
              + quote(condition.name())
              + "; it allows "
              + matching);
    }
    String problem = ConditionContexts.problem(definition, condition.context());
    return problem == null
        ? null
        : new Violation(
            Kind.CONDITION,
            "the context of condition " + quote(condition.name()) + " is invalid: " + problem);
  }

  /** Whether {@code relation} is the tupleset of a {@code ... from relation} in {@code type}. */
  static boolean isTupleset(TypeDefinition type, String relation) {
    return type.relations().values().stream().anyMatch(r -> usesAsTupleset(r.rewrite(), relation));
  }

  private static boolean usesAsTupleset(Rewrite rewrite, String relation) {
    if (rewrite instanceof Rewrite.TupleToUserset ttu) {
      return ttu.tupleset().equals(relation);
    } else if (rewrite instanceof Rewrite.Union union) {
      return union.children().stream().anyMatch(c -> usesAsTupleset(c, relation));
    } else if (rewrite instanceof Rewrite.Intersection intersection) {
      return intersection.children().stream().anyMatch(c -> usesAsTupleset(c, relation));
    } else if (rewrite instanceof Rewrite.Difference difference) {
      return usesAsTupleset(difference.base(), relation)
          || usesAsTupleset(difference.subtract(), relation);
    }
    return false;
  }

  static Violation typeNotFound(String type) {
    return new Violation(Kind.TYPE_NOT_FOUND, "type " + quote(type) + " not found");
  }

  static Violation relationNotFound(String type, String relation) {
    return new Violation(
        Kind.RELATION_NOT_FOUND, "relation " + quote(type + "#" + relation) + " not found");
  }

  private static Violation restriction(String message) {
    return new Violation(Kind.RESTRICTION, message);
  }

  /** The type of an object, {@code type:id}: everything before the first colon. */
  static String typeOf(String object) {
    int colon = object.indexOf(':');
    return colon < 0 ? "" : object.substring(0, colon);
  }

  private static String quote(String value) {
    return Quoting.quote(value);
  }

  /**
   * A user split as OpenFGA splits it: the relation after the last {@code #}, the type before the
   * first {@code :}.
   */
  private record UserParts(String type, String id, @Nullable String relation, boolean wildcard) {

    static UserParts of(String user) {
      int hash = user.lastIndexOf('#');
      String object = hash < 0 ? user : user.substring(0, hash);
      String relation = hash < 0 || hash == user.length() - 1 ? null : user.substring(hash + 1);
      int colon = object.indexOf(':');
      String type = colon < 0 ? "" : object.substring(0, colon);
      String id = colon < 0 ? object : object.substring(colon + 1);
      return new UserParts(type, id, relation, relation == null && id.equals("*"));
    }

    /** Whether this user has the shape and type of {@code restriction}, conditions aside. */
    boolean fits(RelationReference restriction) {
      if (!restriction.type().equals(type)) {
        return false;
      }
      if (relation != null) {
        return relation.equals(restriction.relation());
      }
      return wildcard
          ? restriction.wildcard()
          : !restriction.wildcard() && restriction.relation() == null;
    }

    String describe() {
      if (relation != null) {
        return "usersets " + quote(type + "#" + relation);
      }
      return wildcard ? "the wildcard " + quote(type + ":*") : "users of type " + quote(type);
    }
  }
}
