package dev.tandem.spring;

import dev.tandem.core.actor.Actor;
import dev.tandem.core.authz.Authorizer;
import dev.tandem.core.authz.Decision;
import dev.tandem.core.authz.Denial;
import dev.tandem.core.authz.DenialReason;
import dev.tandem.core.authz.Permission;
import dev.tandem.core.authz.PrincipalRole;
import dev.tandem.core.http.AuthorizationProblem;
import dev.tandem.core.model.AuthorizationModel;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

/**
 * The enforcement of {@code @RequiresRelation}, {@code @AuthenticatedOnly} and {@code
 * FilterByRelation} around one method call, shared by the Spring AOP {@link
 * TandemMethodInterceptor} (beans) and the AspectJ aspect (classes that are not beans): resolves
 * the actor, evaluates every {@code on} expression in a read-only context over the arguments, and
 * decides all requirements in one {@link Authorizer#decideAll} call. Anything but a grant throws
 * {@link TandemAccessDeniedException}; the method then does not run. A result to filter is filtered
 * with one {@link Authorizer#filter} call.
 */
final class MethodEnforcer {

  private static final Log LOG = LogFactory.getLog(MethodEnforcer.class);

  private final Supplier<Authorizer> authorizer;
  private final Supplier<ActorResolver> actors;
  private final Supplier<AuthorizationModel> model;
  private final Supplier<Duration> retryAfter;
  private final Consumer<TandemDecisionEvent> events;
  private final Map<Method, MethodPlan> plans = new ConcurrentHashMap<>();

  MethodEnforcer(
      Supplier<Authorizer> authorizer,
      Supplier<ActorResolver> actors,
      Supplier<AuthorizationModel> model,
      Supplier<Duration> retryAfter,
      Consumer<TandemDecisionEvent> events) {
    this.authorizer = authorizer;
    this.actors = actors;
    this.model = model;
    this.retryAfter = retryAfter;
    this.events = events;
  }

  /**
   * Runs {@code call} if the actor may call {@code method} with {@code arguments}, and filters its
   * result when the method asks for it.
   */
  @Nullable Object enforce(
      Method method, @Nullable Object[] arguments, TandemAspectSupport.Invocation call)
      throws Throwable {
    MethodPlan plan = plans.get(method);
    if (plan == null) {
      plan = plans.computeIfAbsent(method, this::compile);
    }
    Actor actor = actor();
    if (plan.relations()) {
      authorize(plan, actor, arguments);
    }
    Object result = call.proceed();
    MethodPlan.ResultFilter filter = plan.filter();
    return filter == null
        ? result
        : ResultFiltering.filter(filter, actor, result, authorizer.get(), retryAfter.get());
  }

  /** The plan of a method; startup validation has already reported every problem. */
  MethodPlan compile(Method method) {
    List<String> problems = new ArrayList<>();
    MethodPlan plan = MethodPlan.compile(method, model.get(), problems);
    if (plan == null) {
      throw new IllegalStateException(
          "Tandem cannot enforce " + MethodPlan.describe(method) + ": " + problems);
    }
    return plan;
  }

  private Actor actor() {
    Actor actor;
    try {
      actor = actors.get().currentActor();
    } catch (RuntimeException e) {
      // The answer says nothing about the token; the log says why, for whoever configures claims.
      if (LOG.isDebugEnabled()) {
        LOG.debug("401: the token describes no actor: " + e.getMessage());
      }
      throw new TandemAccessDeniedException(AuthorizationProblem.invalidToken(), e);
    }
    if (actor == null) {
      throw new TandemAccessDeniedException(AuthorizationProblem.unauthenticated());
    }
    return actor;
  }

  private void authorize(MethodPlan plan, Actor actor, @Nullable Object[] arguments) {
    List<MethodPlan.Requirement> requirements = plan.requirements();
    List<Permission> permissions = new ArrayList<>(requirements.size());
    SimpleEvaluationContext context = null;
    for (MethodPlan.Requirement requirement : requirements) {
      Object value;
      int argument = requirement.argument();
      if (argument >= 0) {
        // on = "#id": the argument itself, as SpEL would answer (null when it was not passed).
        value = argument < arguments.length ? arguments[argument] : null;
      } else {
        if (context == null) {
          context = context(plan, arguments);
        }
        try {
          value = requirement.on().getValue(context);
        } catch (RuntimeException e) {
          // A null on the way to the id (#ticket.projectId with no ticket): nothing to allow.
          throw new TandemAccessDeniedException(AuthorizationProblem.forbidden(), e);
        }
      }
      permissions.add(Permission.of(requirement.relation(), object(requirement.type(), value)));
    }
    List<Decision> decisions;
    long start = System.nanoTime();
    try {
      decisions = authorizer.get().decideAll(actor, permissions);
    } catch (RuntimeException e) {
      publishUnavailable(actor, permissions, since(start));
      throw new TandemAccessDeniedException(AuthorizationProblem.unavailable(retryAfter.get()), e);
    }
    Duration latency = since(start);
    if (decisions.size() != permissions.size()) {
      publishUnavailable(actor, permissions, latency);
      throw new TandemAccessDeniedException(AuthorizationProblem.unavailable(retryAfter.get()));
    }
    for (int i = 0; i < decisions.size(); i++) {
      publish(actor, decisions.get(i), new Batch(latency, decisions.size(), i));
    }
    AuthorizationProblem problem = null;
    for (Decision decision : decisions) {
      if (!decision.granted()) {
        AuthorizationProblem candidate = AuthorizationProblem.of(decision, actor, retryAfter.get());
        if (problem == null || rank(candidate) < rank(problem)) {
          problem = candidate;
        }
      }
    }
    if (problem != null) {
      throw new TandemAccessDeniedException(problem);
    }
  }

  /** A read-only context in which {@code on} sees the arguments as {@code #name}. */
  private static SimpleEvaluationContext context(MethodPlan plan, @Nullable Object[] arguments) {
    SimpleEvaluationContext context = SimpleEvaluationContext.forReadOnlyDataBinding().build();
    List<String> parameters = plan.parameters();
    for (int i = 0; i < parameters.size() && i < arguments.length; i++) {
      context.setVariable(parameters.get(i), arguments[i]);
    }
    return context;
  }

  /** Where a decision stands in its {@code decideAll} call, and how long the call took. */
  private record Batch(Duration latency, int size, int index) {}

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private void publish(Actor actor, Decision decision, Batch batch) {
    List<Denial> denials = decision.denials();
    List<PrincipalRole> denied = denials.isEmpty() ? List.of() : new ArrayList<>(denials.size());
    boolean unavailable = false;
    for (Denial denial : denials) {
      denied.add(denial.role());
      unavailable |= denial.reason() == DenialReason.UNAVAILABLE;
    }
    TandemDecisionEvent.Outcome outcome =
        decision.granted()
            ? TandemDecisionEvent.Outcome.GRANTED
            : unavailable
                ? TandemDecisionEvent.Outcome.UNAVAILABLE
                : TandemDecisionEvent.Outcome.DENIED;
    publish(actor, decision.relation(), decision.object(), outcome, denied, batch);
  }

  private void publishUnavailable(Actor actor, List<Permission> permissions, Duration latency) {
    for (int i = 0; i < permissions.size(); i++) {
      Permission permission = permissions.get(i);
      publish(
          actor,
          permission.relation(),
          permission.object(),
          TandemDecisionEvent.Outcome.UNAVAILABLE,
          List.of(),
          new Batch(latency, permissions.size(), i));
    }
  }

  private void publish(
      Actor actor,
      String relation,
      String object,
      TandemDecisionEvent.Outcome outcome,
      List<PrincipalRole> denied,
      Batch batch) {
    try {
      events.accept(
          new TandemDecisionEvent(
              this,
              actor,
              relation,
              object,
              outcome,
              denied,
              batch.latency(),
              batch.size(),
              batch.index()));
    } catch (RuntimeException e) {
      // Auditing must not turn a decision around; the decision stands.
    }
  }

  /** 403 first (a definitive answer), then 400, then 503. */
  private static int rank(AuthorizationProblem problem) {
    return problem.status() == 403 ? 0 : problem.status() == 400 ? 1 : 2;
  }

  /**
   * {@code type:id} for the value of an {@code on} expression. The value is only ever a literal id:
   * null denies; anything but one valid id (empty, a collection, an array, an id with characters
   * outside the portable set such as {@code "1,2"} from a repeated query parameter) is a bad
   * request.
   */
  private static String object(String type, @Nullable Object value) {
    if (value == null) {
      throw new TandemAccessDeniedException(AuthorizationProblem.forbidden());
    }
    String object = ObjectIds.object(type, value);
    if (object == null) {
      throw new TandemAccessDeniedException(AuthorizationProblem.badRequest());
    }
    return object;
  }
}
