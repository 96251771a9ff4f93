package dev.tandem.jakarta;

import dev.tandem.core.actor.Actor;
import dev.tandem.core.actor.ActorClaimsMapper;
import dev.tandem.core.authz.Authorizer;
import dev.tandem.core.authz.Decision;
import dev.tandem.core.authz.Permission;
import dev.tandem.core.client.FgaClient;
import dev.tandem.core.http.AuthorizationProblem;
import dev.tandem.core.model.AuthorizationModel;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A servlet filter that lets a request through only when its route rule allows it, and answers
 * every other request as the Spring starter does, with an {@link AuthorizationProblem}.
 *
 * <p>For each request: the path is the container's ({@link RequestPaths}; an ambiguous one is 400);
 * the most specific {@link RouteRules rule} for it is found (none: 403); a public route passes; for
 * any other the {@link ActorResolver} must find an actor (else 401, with {@code WWW-Authenticate:
 * Bearer}, or {@code Bearer error="invalid_token"} for a rejected token); an authenticated-only
 * route then passes; for a relation route the ids are read and checked (a missing, repeated or
 * invalid id is 400, with no FGA call) and every requirement is decided in one {@link
 * Authorizer#decideAll} (denied: 403, or 403 {@code consent-required} / {@code outside-task}; an
 * actor id that cannot be an FGA subject: 401 {@code invalid_token}; backend failure: 503 with
 * {@code Retry-After}).
 *
 * <p>The rules are checked against the authorization model when the filter is built ({@link
 * Builder#build()}): a rule naming a type or relation the model does not define, or a model that
 * cannot be read, fails the build.
 *
 * <p>Fails closed: any exception while deciding is answered with 503, never passed through, and
 * logged as a warning on the {@code System.Logger} named after this class, which also says at DEBUG
 * why a request got 401 (the answer itself never does). The actor of an admitted request is
 * available to the application as the request attribute {@link #ACTOR_ATTRIBUTE}. Map the filter to
 * {@code /*} for the {@code REQUEST} dispatcher type, before any filter that acts on the request.
 *
 * <p>Every decision, except letting a public route through, is given to the {@link
 * DecisionListener}s as a {@link FilterDecision}, and logged by default by a {@link FilterAuditLog}
 * on {@value FilterAuditLog#LOGGER}.
 */
public final class TandemFilter implements Filter {

  /** The request attribute holding the {@link Actor} of an admitted, non-public request. */
  public static final String ACTOR_ATTRIBUTE = Actor.class.getName();

  private static final System.Logger LOG = System.getLogger(TandemFilter.class.getName());

  private final RouteRules routes;
  private final ActorResolver actors;
  private final Authorizer authorizer;
  private final Duration retryAfter;
  private final DecisionListeners listeners;

  private TandemFilter(
      Builder builder, RouteRules routes, ActorResolver actors, DecisionListeners listeners) {
    this.routes = routes;
    this.actors = actors;
    this.authorizer = builder.authorizer;
    this.retryAfter = builder.retryAfter;
    this.listeners = listeners;
  }

  /**
   * A builder over {@code authorizer}; route rules and an actor source are required, and the rules
   * are checked against the authorization model when the filter is built.
   */
  public static Builder builder(Authorizer authorizer) {
    return new Builder(authorizer);
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!(request instanceof HttpServletRequest http)
        || !(response instanceof HttpServletResponse httpResponse)) {
      throw new ServletException("TandemFilter handles HTTP requests only");
    }
    DecisionTrace trace = new DecisionTrace(http.getMethod());
    Outcome outcome;
    try {
      outcome = decide(http, trace);
    } catch (RuntimeException e) {
      // The answer says nothing about the cause; the operator needs it.
      LOG.log(System.Logger.Level.WARNING, "authorization could not be decided; answered 503", e);
      outcome = Outcome.deny(AuthorizationProblem.unavailable(retryAfter));
    }
    listeners.tell(trace, outcome.problem);
    if (outcome.problem != null) {
      write(httpResponse, outcome.problem);
      return;
    }
    if (outcome.actor != null) {
      http.setAttribute(ACTOR_ATTRIBUTE, outcome.actor);
    }
    chain.doFilter(request, response);
  }

  /** The outcome for {@code request}, noting in {@code trace} what it was decided on. */
  private Outcome decide(HttpServletRequest request, DecisionTrace trace) {
    String path = RequestPaths.of(request);
    if (path == null) {
      trace.refusal = FilterDecision.Refusal.AMBIGUOUS_PATH;
      return Outcome.deny(AuthorizationProblem.badRequest());
    }
    RouteRules.Match match = routes.match(request.getMethod(), path);
    if (match == null) {
      trace.refusal = FilterDecision.Refusal.NO_RULE;
      return Outcome.deny(AuthorizationProblem.forbidden());
    }
    Route route = match.route();
    trace.route = route;
    if (route.access() == Route.Access.PUBLIC) {
      return Outcome.allow(null);
    }
    Actor actor;
    try {
      actor = actors.resolve(request);
    } catch (InvalidTokenException e) {
      LOG.log(System.Logger.Level.DEBUG, "{0}; answered 401", e.getMessage());
      trace.refusal = FilterDecision.Refusal.INVALID_TOKEN;
      return Outcome.deny(AuthorizationProblem.invalidToken());
    }
    if (actor == null) {
      LOG.log(System.Logger.Level.DEBUG, "the request carries no credentials; answered 401");
      trace.refusal = FilterDecision.Refusal.NO_CREDENTIALS;
      return Outcome.deny(AuthorizationProblem.unauthenticated());
    }
    trace.actor = actor;
    if (route.access() == Route.Access.AUTHENTICATED) {
      return Outcome.allow(actor);
    }
    List<Permission> permissions =
        RequestIds.permissions(route.requirements(), match.variables(), request);
    if (permissions == null) {
      trace.refusal = FilterDecision.Refusal.INVALID_ID;
      return Outcome.deny(AuthorizationProblem.badRequest());
    }
    trace.permissions = permissions;
    List<Decision> decisions = authorizer.decideAll(actor, permissions);
    if (decisions.size() != permissions.size()) {
      return Outcome.deny(AuthorizationProblem.unavailable(retryAfter));
    }
    trace.decisions = decisions;
    AuthorizationProblem worst = null;
    for (Decision decision : decisions) {
      if (!decision.granted()) {
        AuthorizationProblem problem = AuthorizationProblem.of(decision, actor, retryAfter);
        if (worst == null || rank(problem) < rank(worst)) {
          worst = problem;
        }
      }
    }
    return worst == null ? Outcome.allow(actor) : Outcome.deny(worst);
  }

  /** A definitive denial wins over bad input, which wins over a failure. */
  private static int rank(AuthorizationProblem problem) {
    return switch (problem.status()) {
      case 403 -> 0;
      case 400 -> 1;
      default -> 2;
    };
  }

  private static void write(HttpServletResponse response, AuthorizationProblem problem)
      throws IOException {
    if (response.isCommitted()) {
      throw new IllegalStateException("the response was committed before authorization");
    }
    response.resetBuffer();
    response.setStatus(problem.status());
    problem.headers().forEach(response::setHeader);
    response.setContentType(AuthorizationProblem.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    byte[] body = problem.toJson().getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private record Outcome(@Nullable Actor actor, @Nullable AuthorizationProblem problem) {
    static Outcome allow(@Nullable Actor actor) {
      return new Outcome(actor, null);
    }

    static Outcome deny(AuthorizationProblem problem) {
      return new Outcome(null, problem);
    }
  }

  /**
   * Builds a {@link TandemFilter}; {@link #build()} fails on an incomplete configuration and on
   * route rules that do not fit the authorization model.
   */
  public static final class Builder {
    private final Authorizer authorizer;
    private @Nullable AuthorizationModel model;
    private @Nullable RouteRules routes;
    private @Nullable ActorResolver actors;
    private Map<String, List<String>> jwtSettings = Map.of();
    private @Nullable ActorClaimsMapper claimsMapper;
    private Duration retryAfter = Duration.ofSeconds(5);
    private final List<DecisionListener> listeners = new ArrayList<>();
    private boolean auditLog = true;

    private Builder(Authorizer authorizer) {
      this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
    }

    /** The route rules. */
    public Builder routes(RouteRules routes) {
      this.routes = Objects.requireNonNull(routes, "routes");
      return this;
    }

    /** Where the actor comes from, e.g. a {@link JwtActorResolver}. */
    public Builder actorResolver(ActorResolver resolver) {
      this.actors = Objects.requireNonNull(resolver, "resolver");
      return this;
    }

    /**
     * Reads route rules, and the JWT settings when the file has them, from a YAML or properties
     * file (see {@link RouteRules}); a {@code jwt} section builds a {@link JwtActorResolver} (see
     * {@link JwtActorResolver.Builder#configure} for its keys) with {@link #claimsMapper}, or with
     * the first-party clients of its {@code first-party-clients} key.
     */
    public Builder configure(Path file) {
      RouteFiles.Contents contents;
      try {
        contents = RouteFiles.load(file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
      this.routes = contents.routes();
      this.jwtSettings = contents.jwt();
      return this;
    }

    /**
     * The model the route rules are checked against when the filter is built, when it is at hand
     * already. By default the model the authorizer's {@link Authorizer#client() client} decides
     * against is read from it ({@link FgaClient#readDecisionModel()}): the model its id is pinned
     * to, else the store's latest.
     */
    public Builder model(AuthorizationModel model) {
      this.model = Objects.requireNonNull(model, "model");
      return this;
    }

    /**
     * How claims become an actor, for the JWT settings of a configuration file; the mapper's
     * defaults otherwise. A file that also sets {@code jwt.first-party-clients}, or no file JWT
     * settings at all (the mapper would have nothing to apply to), fails {@link #build()}.
     */
    public Builder claimsMapper(ActorClaimsMapper mapper) {
      this.claimsMapper = Objects.requireNonNull(mapper, "mapper");
      return this;
    }

    /** The {@code Retry-After} sent with 503; 5 seconds by default. */
    public Builder retryAfter(Duration retryAfter) {
      if (retryAfter.isNegative() || retryAfter.isZero()) {
        throw new IllegalArgumentException("retryAfter must be positive");
      }
      this.retryAfter = retryAfter;
      return this;
    }

    /**
     * Adds a listener told of every decision (see {@link FilterDecision} for which requests have
     * one), for audit or metrics; listeners are called in the order added, after the default {@link
     * FilterAuditLog}. A listener that throws never changes the answer.
     */
    public Builder decisionListener(DecisionListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Whether a {@link FilterAuditLog} logs every decision on {@value FilterAuditLog#LOGGER}; on by
     * default, as the Spring starter's audit log is. Also off when a {@code FilterAuditLog} is
     * added as a {@link #decisionListener}, so that no line is written twice.
     */
    public Builder auditLog(boolean enabled) {
      this.auditLog = enabled;
      return this;
    }

    /**
     * The filter.
     *
     * <p>Every requirement of every rule is checked against the {@link #model model}: its type must
     * exist and its relation be defined on that type. All mismatches are reported together. The
     * model is read only when some rule names a relation; a model that cannot be read fails the
     * build, as a mismatch does.
     *
     * @throws IllegalStateException when there are no route rules or no actor source, both a
     *     resolver and file JWT settings are given, {@link #claimsMapper} is given without file JWT
     *     settings, both {@link #claimsMapper} and the file's {@code jwt.first-party-clients} are
     *     given, a rule names a type or relation the model does not define, or the model cannot be
     *     read
     */
    public TandemFilter build() {
      if (routes == null) {
        throw new IllegalStateException("route rules are required: every request would be denied");
      }
      ActorResolver resolver = actors;
      if (!jwtSettings.isEmpty()) {
        if (resolver != null) {
          throw new IllegalStateException(
              "both an actor resolver and 'jwt' settings are configured; keep one");
        }
        JwtActorResolver.Builder jwt = JwtActorResolver.builder();
        if (claimsMapper != null) {
          jwt.claimsMapper(claimsMapper);
        }
        resolver = jwt.configure(jwtSettings).build();
      } else if (claimsMapper != null) {
        throw new IllegalStateException(
            "claimsMapper(...) applies only to the 'jwt' section of a configuration file; give"
                + " the mapper to the actor resolver instead (JwtActorResolver.builder()"
                + ".claimsMapper(...)), or configure(...) a file with a 'jwt' section");
      }
      if (resolver == null) {
        throw new IllegalStateException(
            "an actor resolver is required (actorResolver(...) or a 'jwt' section)");
      }
      checkAgainstModel(routes);
      List<DecisionListener> all = new ArrayList<>();
      if (auditLog && listeners.stream().noneMatch(FilterAuditLog.class::isInstance)) {
        all.add(new FilterAuditLog());
      }
      all.addAll(listeners);
      return new TandemFilter(this, routes, resolver, new DecisionListeners(all));
    }

    private void checkAgainstModel(RouteRules rules) {
      boolean relations =
          rules.routes().stream().anyMatch(route -> !route.requirements().isEmpty());
      if (!relations) {
        return;
      }
      AuthorizationModel checked = model != null ? model : clientModel();
      List<String> problems = ModelCheck.problems(rules, checked);
      if (!problems.isEmpty()) {
        throw new IllegalStateException(
            "the route rules do not fit the authorization model"
                + (checked.id().isEmpty() ? "" : " '" + checked.id() + "'")
                + "; "
                + problems.size()
                + " problem(s):\n  - "
                + String.join("\n  - ", problems));
      }
    }

    /** The model the authorizer's client decides against: its pinned model, else the latest. */
    private AuthorizationModel clientModel() {
      FgaClient client = authorizer.client();
      Optional<String> pinned = client.modelId();
      try {
        return client.readDecisionModel();
      } catch (RuntimeException e) {
        throw new IllegalStateException(
            "the route rules cannot be checked: reading "
                + pinned
                    .map(id -> "authorization model '" + id + "'")
                    .orElse("the latest authorization model")
                + " of store '"
                + client.storeId()
                + "' failed: "
                + e.getMessage(),
            e);
      }
    }
  }
}
