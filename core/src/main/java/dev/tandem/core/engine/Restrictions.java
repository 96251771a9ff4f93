package dev.tandem.core.engine;

import dev.tandem.core.model.RelationReference;
import dev.tandem.core.tuple.TupleCondition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The type restrictions of one relation ({@code [user, user:*, group#member with cond]}), matched
 * against user strings in place: a tuple is checked without parsing its user into substrings.
 */
final class Restrictions {

  static final Restrictions NONE = new Restrictions(List.of());

  /** The absence of a condition in an entry's allowed-condition set. */
  private static final String NO_CONDITION = "";

  /**
   * One restriction key ({@code user}, {@code user:*}, {@code group#member}) and its conditions.
   */
  private record Entry(
      String type, @Nullable String relation, boolean wildcard, Set<String> conditions) {}

  private final Entry[] entries;
  private final boolean usersets;
  private final boolean wildcards;

  Restrictions(List<RelationReference> references) {
    Map<List<Object>, Entry> byKey = new LinkedHashMap<>();
    for (RelationReference reference : references) {
      List<Object> key =
          List.of(
              reference.type(),
              Objects.requireNonNullElse(reference.relation(), ""),
              reference.wildcard());
      byKey
          .computeIfAbsent(
              key,
              k ->
                  new Entry(
                      reference.type(),
                      reference.relation(),
                      reference.wildcard(),
                      new HashSet<>()))
          .conditions()
          .add(reference.condition() == null ? NO_CONDITION : reference.condition());
    }
    this.entries = new ArrayList<>(byKey.values()).toArray(new Entry[0]);
    boolean anyUserset = false;
    boolean anyWildcard = false;
    for (Entry entry : entries) {
      anyUserset |= entry.relation() != null;
      anyWildcard |= entry.wildcard();
    }
    this.usersets = anyUserset;
    this.wildcards = anyWildcard;
  }

  /** Whether any userset ({@code type#relation}) is allowed. */
  boolean allowsUsersets() {
    return usersets;
  }

  /** Whether any wildcard ({@code type:*}) is allowed. */
  boolean allowsWildcards() {
    return wildcards;
  }

  /** Whether a tuple whose user is {@code user} fits some restriction, whatever its condition. */
  boolean allowsUser(String user) {
    return match(user, null, true);
  }

  /** Whether a tuple with {@code user} and {@code condition} fits: the type, then the condition. */
  boolean admits(String user, @Nullable TupleCondition condition) {
    return match(user, condition, false);
  }

  private boolean match(String user, @Nullable TupleCondition condition, boolean anyCondition) {
    int colon = user.indexOf(':');
    int typeEnd = colon < 0 ? user.length() : colon;
    int hash = user.indexOf('#', colon + 1);
    boolean wildcard = hash < 0 && user.endsWith(":*");
    for (Entry entry : entries) {
      String type = entry.type();
      if (type.length() != typeEnd || !user.startsWith(type)) {
        continue;
      }
      String relation = entry.relation();
      boolean kind =
          hash >= 0
              ? relation != null
                  && user.length() - hash - 1 == relation.length()
                  && user.startsWith(relation, hash + 1)
              : relation == null && entry.wildcard() == wildcard;
      if (kind
          && (anyCondition
              || entry
                  .conditions()
                  .contains(condition == null ? NO_CONDITION : condition.name()))) {
        return true;
      }
    }
    return false;
  }
}
