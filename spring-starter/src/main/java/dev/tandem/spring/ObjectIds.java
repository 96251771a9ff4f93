package dev.tandem.spring;

import dev.tandem.core.tuple.Identifiers;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Turns a value taken from a request or a method argument into an FGA object, literally. */
final class ObjectIds {

  private ObjectIds() {}

  /**
   * {@code type:id} for a string, number or UUID that is one valid id; null for anything else
   * (null, empty, a collection, an array, an id outside the portable set such as {@code "1,2"}).
   * The value is never evaluated: {@code T(java.lang.Runtime)} is just an invalid id.
   */
  static @Nullable String object(String type, @Nullable Object value) {
    String id;
    if (value instanceof CharSequence text) {
      id = text.toString();
    } else if (value instanceof Number || value instanceof UUID) {
      id = value.toString();
    } else {
      return null;
    }
    if (!Identifiers.isValidObjectId(id)) {
      return null;
    }
    String object = type + ":" + id;
    try {
      Identifiers.validateObject(object);
      return object;
    } catch (RuntimeException e) {
      return null;
    }
  }
}
