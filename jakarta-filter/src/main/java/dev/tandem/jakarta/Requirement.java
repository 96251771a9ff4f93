package dev.tandem.jakarta;

import dev.tandem.core.tuple.Identifiers;
import java.util.Objects;

/**
 * One relation a route requires on an object whose id comes from the request, e.g. {@code
 * can_create_ticket on project:{projectId}}.
 *
 * @param relation the relation every principal of the actor must hold
 * @param type the object's type
 * @param id where the object's id comes from
 */
public record Requirement(String relation, String type, IdSource id) {

  public Requirement {
    Objects.requireNonNull(relation, "relation");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
    Identifiers.validateRelation(relation);
    Identifiers.validateType(type);
    if (id instanceof IdSource.Fixed fixed) {
      Identifiers.validateObject(type + ":" + fixed.id());
    }
  }

  /**
   * Parses {@code relation on type:id}, where the id is {@code {pathVariable}}, {@code
   * {query:name}}, {@code {header:name}} or fixed.
   */
  public static Requirement parse(String text) {
    String[] words = text.strip().split("\\s+");
    if (words.length != 3 || !words[1].equals("on")) {
      throw new IllegalArgumentException(
          "requirement '" + text + "' is invalid: expected 'relation on type:id'");
    }
    String object = words[2];
    int colon = object.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException(
          "requirement '" + text + "' is invalid: the object must be 'type:id'");
    }
    return new Requirement(
        words[0], object.substring(0, colon), IdSource.parse(object.substring(colon + 1)));
  }

  @Override
  public String toString() {
    return relation + " on " + type + ":" + id;
  }
}
