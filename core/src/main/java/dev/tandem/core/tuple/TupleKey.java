package dev.tandem.core.tuple;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A relationship tuple: {@code user} has {@code relation} on {@code object}, optionally only while
 * {@code condition} holds.
 *
 * <p>{@code object} is {@code type:id}; {@code user} is {@code type:id}, a userset {@code
 * type:id#relation}, or a wildcard {@code type:*}. This record does not validate identifiers.
 *
 * @param object the object, {@code type:id}
 * @param relation the relation
 * @param user the user
 * @param condition the condition, or null for an unconditional tuple
 */
public record TupleKey(
    String object, String relation, String user, @Nullable TupleCondition condition) {

  public TupleKey {
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(relation, "relation");
    Objects.requireNonNull(user, "user");
  }

  /** An unconditional tuple. */
  public static TupleKey of(String object, String relation, String user) {
    return new TupleKey(object, relation, user, null);
  }

  /** The type part of {@link #object()}. */
  public String objectType() {
    int colon = object.indexOf(':');
    return colon < 0 ? object : object.substring(0, colon);
  }

  /** The type part of {@link #user()}. */
  public String userType() {
    int colon = user.indexOf(':');
    return colon < 0 ? user : user.substring(0, colon);
  }

  /** The same tuple without its condition: the identity of a tuple in a store. */
  public TupleKey withoutCondition() {
    return condition == null ? this : new TupleKey(object, relation, user, null);
  }

  @Override
  public String toString() {
    String base = object + "#" + relation + "@" + user;
    return condition == null ? base : base + " (with " + condition.name() + ")";
  }
}
