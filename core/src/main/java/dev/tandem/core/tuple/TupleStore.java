package dev.tandem.core.tuple;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Storage for the relationship tuples of one store: the SPI behind the embedded engine.
 *
 * <p>Implementations are thread-safe. A write is atomic: readers see all of it or none of it.
 * Tuples are identified by (object, relation, user); the condition is part of the value, not of the
 * identity.
 *
 * <p>Only {@link #write}, {@link #findByObject}, {@link #findByUser}, {@link #read} and {@link
 * #size} must be implemented. The point and userset lookups the engine's checks use most, {@link
 * #find} and {@link #findUsersets}, have defaults built on {@link #findByObject} that are correct
 * but read every tuple of the object and relation; a store that can answer them from an index
 * should override them.
 */
public interface TupleStore {

  /**
   * Deletes {@code deletes}, then writes {@code writes}, atomically.
   *
   * @throws dev.tandem.core.FgaValidationException with {@code WRITE_FAILED_DUE_TO_INVALID_INPUT}
   *     when a written tuple already exists or a deleted tuple does not, or with {@code
   *     CANNOT_ALLOW_DUPLICATE_TUPLES_IN_ONE_REQUEST} when a tuple appears twice in one call;
   *     nothing is changed then
   */
  void write(Collection<TupleKey> writes, Collection<TupleKey> deletes);

  /** The tuples whose object is {@code object} and relation is {@code relation}. */
  List<TupleKey> findByObject(String object, String relation);

  /**
   * The tuple whose object is {@code object}, relation is {@code relation} and user is exactly
   * {@code user} (with its condition), or null when there is none. A wildcard {@code type:*} or a
   * userset {@code type:id#relation} is matched as written, not expanded.
   *
   * <p>The default scans {@link #findByObject}.
   */
  default @Nullable TupleKey find(String object, String relation, String user) {
    for (TupleKey tuple : findByObject(object, relation)) {
      if (tuple.user().equals(user)) {
        return tuple;
      }
    }
    return null;
  }

  /**
   * The tuples whose object is {@code object}, relation is {@code relation} and user is a userset
   * ({@code type:id#relation}): the {@link #findByObject} tuples without direct users and
   * wildcards.
   *
   * <p>The default filters {@link #findByObject}.
   */
  default List<TupleKey> findUsersets(String object, String relation) {
    List<TupleKey> all = findByObject(object, relation);
    List<TupleKey> usersets = new ArrayList<>();
    for (TupleKey tuple : all) {
      if (tuple.user().indexOf('#') >= 0) {
        usersets.add(tuple);
      }
    }
    return usersets.size() == all.size() ? all : usersets;
  }

  /**
   * The tuples whose user is exactly {@code user} (a {@code type:id}, a {@code type:id#relation}
   * userset or a {@code type:*} wildcard), with relation {@code relation} on an object of type
   * {@code objectType}.
   */
  List<TupleKey> findByUser(String objectType, String relation, String user);

  /**
   * The tuples matching a read filter, in a stable order.
   *
   * @param object a full object {@code type:id}, a type alone {@code type:}, or null for any
   * @param relation a relation, or null for any
   * @param user a user, or null for any
   */
  List<TupleKey> read(@Nullable String object, @Nullable String relation, @Nullable String user);

  /** The number of tuples stored. */
  long size();
}
