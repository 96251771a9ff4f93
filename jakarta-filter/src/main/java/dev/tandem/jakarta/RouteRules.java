package dev.tandem.jakarta;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The route rules of a {@link TandemFilter}: for each method and path, whether it is public, open
 * to any authenticated actor, or requires relations. A request that no rule matches is denied.
 *
 * <p>A rule is written {@code METHOD /path -> access}:
 *
 * <pre>
 * POST /projects/{projectId}/tickets -> can_create_ticket on project:{projectId}
 * GET  /tickets/{ticketId}           -> can_view on ticket:{ticketId} and can_view on project:{query:project}
 * GET  /reports                      -> can_view on team:{header:X-Team}
 * GET  /health                       -> public
 * GET  /me                           -> authenticated
 * *    /static/**                    -> public
 * </pre>
 *
 * <p>The method is upper case, or {@code *} for any; a GET rule also covers HEAD. Path segments are
 * literals (matched exactly, case included), {@code {variables}}, or a final {@code **}. A trailing
 * {@code /} of the request is ignored, so {@code /a/} gets the rule of {@code /a}. Requirements are
 * joined with {@code and}; all must hold, decided in one batch. Ids come from path variables, query
 * parameters ({@code {query:name}}, present exactly once) or headers ({@code {header:Name}},
 * present exactly once), or are fixed ({@code organization:acme}).
 *
 * <p>When several rules match, the most specific wins regardless of order: segment by segment from
 * the left, a literal before a variable before {@code **}; then an exact method before {@code *}.
 * Two rules for the same method and the same path shape are a configuration error.
 */
public final class RouteRules {

  /** A route that serves a request, and the path variables it bound. */
  record Match(Route route, Map<String, String> variables) {}

  private final List<Route> routes;

  private RouteRules(List<Route> routes) {
    this.routes = List.copyOf(routes);
    Map<String, Route> seen = new HashMap<>();
    for (Route route : this.routes) {
      Route other = seen.putIfAbsent(route.method() + " " + route.pattern().shape(), route);
      if (other != null) {
        throw new IllegalArgumentException(
            "routes '" + other + "' and '" + route + "' match the same requests");
      }
    }
  }

  /** A builder with no rules: every request would be denied. */
  public static Builder builder() {
    return new Builder();
  }

  /** Rules from a YAML or properties file, chosen by its extension; see {@link RouteFiles}. */
  public static RouteRules load(Path file) throws IOException {
    return RouteFiles.load(file).routes();
  }

  /** Rules from a YAML document ({@code routes:} a list of rule lines). */
  public static RouteRules fromYaml(InputStream yaml) throws IOException {
    return RouteFiles.readYaml(yaml).routes();
  }

  /** The rules, in the order given. */
  List<Route> routes() {
    return routes;
  }

  /** The most specific rule serving the request, or null when none does. */
  @Nullable Match match(String method, String path) {
    Route best = null;
    Map<String, String> bound = null;
    for (Route route : routes) {
      Map<String, String> variables = route.match(method, path);
      if (variables != null && (best == null || Route.bySpecificity(route, best, method) < 0)) {
        best = route;
        bound = variables;
      }
    }
    return best == null ? null : new Match(best, Map.copyOf(bound));
  }

  /** Parses one rule line, {@code METHOD /path -> access}. */
  static Route parse(String line) {
    int arrow = line.indexOf("->");
    if (arrow < 0) {
      throw new IllegalArgumentException(
          "route '" + line + "' is invalid: expected 'METHOD /path -> access'");
    }
    String[] head = line.substring(0, arrow).strip().split("\\s+");
    if (head.length != 2) {
      throw new IllegalArgumentException(
          "route '" + line + "' is invalid: expected 'METHOD /path' before '->'");
    }
    String target = line.substring(arrow + 2).strip();
    PathPattern pattern = PathPattern.parse(head[1]);
    String written = line.strip();
    if (target.equals("public")) {
      return new Route(head[0], pattern, Route.Access.PUBLIC, List.of(), written);
    }
    if (target.equals("authenticated")) {
      return new Route(head[0], pattern, Route.Access.AUTHENTICATED, List.of(), written);
    }
    List<Requirement> requirements = new ArrayList<>();
    for (String part : target.split("\\s+and\\s+")) {
      requirements.add(Requirement.parse(part));
    }
    return new Route(head[0], pattern, Route.Access.RELATIONS, requirements, written);
  }

  @Override
  public String toString() {
    return routes.stream()
        .map(Route::toString)
        .sorted(Comparator.naturalOrder())
        .toList()
        .toString();
  }

  /** Builds {@link RouteRules}; every method validates its input at once. */
  public static final class Builder {
    private final List<Route> routes = new ArrayList<>();

    private Builder() {}

    /**
     * Adds a rule line such as {@code POST /projects/{id}/tickets -> can_create_ticket on
     * project:{id}}.
     */
    public Builder rule(String line) {
      routes.add(parse(Objects.requireNonNull(line, "line")));
      return this;
    }

    /**
     * Adds a route that requires every one of {@code requirements}, e.g. {@code can_view on
     * project:{id}}.
     */
    public Builder requires(String method, String path, String... requirements) {
      List<Requirement> parsed = new ArrayList<>();
      for (String requirement : requirements) {
        parsed.add(Requirement.parse(requirement));
      }
      routes.add(new Route(method, PathPattern.parse(path), Route.Access.RELATIONS, parsed));
      return this;
    }

    /** Adds a route open to anyone: no token is read. */
    public Builder publicRoute(String method, String path) {
      routes.add(new Route(method, PathPattern.parse(path), Route.Access.PUBLIC, List.of()));
      return this;
    }

    /** Adds a route open to any authenticated actor. */
    public Builder authenticated(String method, String path) {
      routes.add(new Route(method, PathPattern.parse(path), Route.Access.AUTHENTICATED, List.of()));
      return this;
    }

    /** The rules. */
    public RouteRules build() {
      return new RouteRules(routes);
    }
  }
}
