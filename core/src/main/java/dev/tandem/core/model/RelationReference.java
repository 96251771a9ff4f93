package dev.tandem.core.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a relation's type restriction ({@code [user, group#member, user:*, user with
 * cond]}).
 *
 * @param type the user type
 * @param relation for a userset restriction ({@code group#member}), the relation; else null
 * @param wildcard true for a public restriction ({@code user:*})
 * @param condition the name of the condition the tuple must carry ({@code with cond}), or null
 */
public record RelationReference(
    String type, @Nullable String relation, boolean wildcard, @Nullable String condition) {

  public RelationReference {
    Objects.requireNonNull(type, "type");
    if (wildcard && relation != null) {
      throw new IllegalArgumentException("a wildcard restriction cannot name a relation");
    }
  }

  /** A plain type restriction such as {@code [user]}. */
  public static RelationReference direct(String type) {
    return new RelationReference(type, null, false, null);
  }

  /** A userset restriction such as {@code [group#member]}. */
  public static RelationReference userset(String type, String relation) {
    return new RelationReference(type, relation, false, null);
  }

  /** A public restriction such as {@code [user:*]}. */
  public static RelationReference wildcard(String type) {
    return new RelationReference(type, null, true, null);
  }

  /** This restriction with {@code with condition} added. */
  public RelationReference withCondition(String condition) {
    return new RelationReference(type, relation, wildcard, condition);
  }

  /** The DSL spelling, e.g. {@code group#member}, {@code user:*} or {@code user with cond}. */
  @Override
  public String toString() {
    String base = wildcard ? type + ":*" : relation != null ? type + "#" + relation : type;
    return condition == null ? base : base + " with " + condition;
  }
}
