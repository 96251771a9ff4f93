package dev.tandem.core.authz;

import dev.tandem.core.tuple.Identifiers;
import java.util.Objects;

/**
 * A relation on an object, e.g. {@code can_create_ticket} on {@code project:apollo}: what a request
 * needs, or what a consent or task grants. Identifiers are validated where they are used: an
 * invalid one is denied by {@link Authorizer} and rejected by {@link Consents} and {@link
 * TaskGrants}.
 *
 * @param relation the relation
 * @param object the object, {@code type:id}
 */
public record Permission(String relation, String object) {

  public Permission {
    Objects.requireNonNull(relation, "relation");
    Objects.requireNonNull(object, "object");
  }

  /** The permission {@code relation} on {@code object}. */
  public static Permission of(String relation, String object) {
    return new Permission(relation, object);
  }

  /**
   * Throws {@link dev.tandem.core.FgaValidationException} when the relation or object is not a
   * valid identifier.
   */
  public void requireValid() {
    Identifiers.validateRelation(relation);
    Identifiers.validateObject(object);
  }

  @Override
  public String toString() {
    return relation + " on " + object;
  }
}
