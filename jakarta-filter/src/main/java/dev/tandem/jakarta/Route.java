package dev.tandem.jakarta;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One route rule: a method and path pattern, and what a request to it needs. */
final class Route {

  /** What a request to a route needs. */
  enum Access {
    /** Nothing: no token is read. */
    PUBLIC,
    /** An actor, and no relation. */
    AUTHENTICATED,
    /** An actor that holds every requirement. */
    RELATIONS
  }

  static final String ANY_METHOD = "*";

  private final String method;
  private final PathPattern pattern;
  private final Access access;
  private final List<Requirement> requirements;
  private final @Nullable String written;

  Route(String method, PathPattern pattern, Access access, List<Requirement> requirements) {
    this(method, pattern, access, requirements, null);
  }

  /**
   * A route; {@code written} is the rule line it was parsed from, which messages quote so that it
   * can be found in the configuration as is, or null for a route built from its parts.
   */
  Route(
      String method,
      PathPattern pattern,
      Access access,
      List<Requirement> requirements,
      @Nullable String written) {
    this.method = Objects.requireNonNull(method, "method");
    this.pattern = Objects.requireNonNull(pattern, "pattern");
    this.access = Objects.requireNonNull(access, "access");
    this.requirements = List.copyOf(requirements);
    this.written = written;
    if (!method.equals(ANY_METHOD) && !method.matches("[A-Z]+")) {
      throw new IllegalArgumentException(
          "route '" + this + "' is invalid: the method must be upper case, or '*'");
    }
    if ((access == Access.RELATIONS) == this.requirements.isEmpty()) {
      throw new IllegalArgumentException(
          "route '" + this + "' is invalid: only a relation route names requirements");
    }
    for (Requirement requirement : this.requirements) {
      if (requirement.id() instanceof IdSource.PathVariable variable
          && !pattern.hasVariable(variable.name())) {
        throw new IllegalArgumentException(
            "route '"
                + this
                + "' is invalid: '"
                + requirement
                + "' names a variable the path does not have");
      }
    }
  }

  String method() {
    return method;
  }

  PathPattern pattern() {
    return pattern;
  }

  Access access() {
    return access;
  }

  List<Requirement> requirements() {
    return requirements;
  }

  /**
   * Whether the route serves {@code requestMethod}: its own method, any method for {@code *}, and
   * HEAD for a GET route (a servlet answers HEAD with its GET handler).
   */
  boolean serves(String requestMethod) {
    return method.equals(ANY_METHOD)
        || method.equals(requestMethod)
        || (method.equals("GET") && requestMethod.equals("HEAD"));
  }

  /** The variables bound when this route serves the request, or null. */
  @Nullable Map<String, String> match(String requestMethod, String path) {
    return serves(requestMethod) ? pattern.match(path) : null;
  }

  /**
   * Orders the routes that match one request, most specific first: by path, then an exact method
   * before a GET route serving HEAD, before {@code *}.
   */
  static int bySpecificity(Route a, Route b, String requestMethod) {
    int byPath = PathPattern.bySpecificity(a.pattern, b.pattern);
    return byPath != 0
        ? byPath
        : Integer.compare(a.methodRank(requestMethod), b.methodRank(requestMethod));
  }

  private int methodRank(String requestMethod) {
    if (method.equals(requestMethod)) {
      return 0;
    }
    return method.equals(ANY_METHOD) ? 2 : 1;
  }

  @Override
  public String toString() {
    if (written != null) {
      return written;
    }
    String target =
        switch (access) {
          case PUBLIC -> "public";
          case AUTHENTICATED -> "authenticated";
          case RELATIONS ->
              String.join(" and ", requirements.stream().map(Requirement::toString).toList());
        };
    return method + " " + pattern + " -> " + target;
  }
}
