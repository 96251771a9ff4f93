package dev.tandem.core.engine;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A set of users as list-users computes it: explicit users ({@code type:id}, {@code type:id#rel})
 * plus, per type, a wildcard ({@code type:*}) with the ids it excludes. Exclusions keep {@code
 * (public but not banned) and active} exact: the wildcard minus the banned ids. Instances are
 * mutable and confined to one evaluation.
 */
final class UserSet {

  private final Set<String> explicit = new LinkedHashSet<>();

  /** Wildcard type -> excluded ids (full {@code type:id} strings). */
  private final Map<String, Set<String>> wildcards = new HashMap<>();

  static UserSet empty() {
    return new UserSet();
  }

  boolean isEmpty() {
    return explicit.isEmpty() && wildcards.isEmpty();
  }

  /** Adds a user, or for {@code type:*} an unrestricted wildcard. */
  void add(String user) {
    if (Users.isWildcard(user)) {
      wildcards.put(Users.type(user), new HashSet<>());
    } else {
      explicit.add(user);
    }
  }

  /** Whether {@code user} (a {@code type:id} or userset) is a member. */
  boolean covers(String user) {
    if (explicit.contains(user)) {
      return true;
    }
    if (Users.isUserset(user) || Users.isWildcard(user)) {
      return false;
    }
    Set<String> excluded = wildcards.get(Users.type(user));
    return excluded != null && !excluded.contains(user);
  }

  UserSet union(UserSet other) {
    UserSet result = new UserSet();
    result.explicit.addAll(explicit);
    result.explicit.addAll(other.explicit);
    Set<String> types = new HashSet<>(wildcards.keySet());
    types.addAll(other.wildcards.keySet());
    for (String type : types) {
      Set<String> excluded = new HashSet<>();
      excluded.addAll(wildcards.getOrDefault(type, Set.of()));
      excluded.addAll(other.wildcards.getOrDefault(type, Set.of()));
      excluded.removeIf(id -> covers(id) || other.covers(id));
      result.wildcards.put(type, excluded);
    }
    return result;
  }

  UserSet intersect(UserSet other) {
    UserSet result = new UserSet();
    for (UserSet side : new UserSet[] {this, other}) {
      for (String user : side.explicit) {
        if (covers(user) && other.covers(user)) {
          result.explicit.add(user);
        }
      }
    }
    for (Map.Entry<String, Set<String>> wildcard : wildcards.entrySet()) {
      Set<String> otherExcluded = other.wildcards.get(wildcard.getKey());
      if (otherExcluded != null) {
        Set<String> excluded = new HashSet<>(wildcard.getValue());
        excluded.addAll(otherExcluded);
        result.wildcards.put(wildcard.getKey(), excluded);
      }
    }
    return result;
  }

  UserSet minus(UserSet other) {
    UserSet result = new UserSet();
    for (String user : explicit) {
      if (!other.covers(user)) {
        result.explicit.add(user);
      }
    }
    for (Map.Entry<String, Set<String>> wildcard : wildcards.entrySet()) {
      String type = wildcard.getKey();
      Set<String> otherExcluded = other.wildcards.get(type);
      if (otherExcluded == null) {
        Set<String> excluded = new HashSet<>(wildcard.getValue());
        for (String user : other.explicit) {
          if (!Users.isUserset(user) && Users.type(user).equals(type)) {
            excluded.add(user);
          }
        }
        result.wildcards.put(type, excluded);
      } else {
        // Everyone of the type is subtracted except the other side's exclusions.
        for (String id : otherExcluded) {
          if (!wildcard.getValue().contains(id)) {
            result.explicit.add(id);
          }
        }
      }
    }
    return result;
  }

  /** The users to report: explicit members, and {@code type:*} for each wildcard. */
  Set<String> toStrings() {
    Set<String> users = new LinkedHashSet<>(explicit);
    for (String type : wildcards.keySet()) {
      users.add(type + ":*");
    }
    return users;
  }
}
