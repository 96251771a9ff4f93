package dev.tandem.spring;

import dev.tandem.core.annotation.Requirements;
import dev.tandem.core.http.AuthorizationProblem;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * The static link between the AspectJ aspect {@code TandemEnforcementAspect}, which the weaver
 * instantiates outside any Spring context, and the enforcement that {@link TandemAutoConfiguration}
 * sets up: the same actor resolution, restricted {@code on} expressions, id validation and single
 * {@code decideAll} call as for beans.
 *
 * <p>The aspect's pointcut finds Tandem's annotations; whether a matched method is enforced is
 * decided here by the advisor's own rule, so that the aspect enforces what the advisor does on the
 * methods it matches. It cannot see a method whose only declaration is on an interface method it
 * implements or a method it overrides (AspectJ does not inherit method annotations): such a method
 * is not woven, so woven classes must carry their annotations themselves, which {@code
 * TandemArchRules.WOVEN_METHODS_DECLARE_AUTHORIZATION_THEMSELVES} checks. A method whose
 * declarations contradict each other, which fails startup for a bean, fails the call.
 *
 * <p>The auto-configuration installs its enforcement when the context starts and removes it when
 * the context closes. While none is installed, {@link #enforce} denies every call with a {@link
 * TandemAccessDeniedException} (403) whose cause names the missing configuration: an unconfigured
 * aspect never allows.
 */
public final class TandemAspectSupport {

  private static final AtomicReference<@Nullable MethodEnforcer> ENFORCER = new AtomicReference<>();

  /** Whether each method the aspect matched is enforced; independent of any installation. */
  private static final Map<Method, Boolean> ENFORCED = new ConcurrentHashMap<>();

  private TandemAspectSupport() {}

  /** The rest of an intercepted call: the method itself. */
  @FunctionalInterface
  public interface Invocation {
    /**
     * Runs the method.
     *
     * @return what the method returned
     * @throws Throwable what the method threw
     */
    @Nullable Object proceed() throws Throwable;
  }

  /**
   * Runs {@code call} if the current actor may call {@code method} with {@code arguments}, or at
   * once when Tandem enforces nothing on {@code method}.
   *
   * @param method the woven method being called
   * @param arguments its arguments
   * @param call the method itself
   * @return what the method returned, filtered when it carries {@code @FilterByRelation}
   * @throws TandemAccessDeniedException when the call is not allowed, or no enforcement is
   *     installed
   * @throws Throwable what the method threw
   */
  public static @Nullable Object enforce(
      Method method, @Nullable Object[] arguments, Invocation call) throws Throwable {
    if (!ENFORCED.computeIfAbsent(method, TandemAspectSupport::enforced)) {
      return call.proceed();
    }
    MethodEnforcer enforcer = ENFORCER.get();
    if (enforcer == null) {
      throw new TandemAccessDeniedException(
          AuthorizationProblem.forbidden(),
          new IllegalStateException(
              "Tandem enforcement is not configured: "
                  + MethodPlan.describe(method)
                  + " is denied until TandemAutoConfiguration has started"));
    }
    return enforcer.enforce(method, arguments, call);
  }

  /** What the advisor's pointcut advises, and contradictions, which no startup check reports. */
  private static boolean enforced(Method method) {
    return MethodPlan.enforced(method) || Requirements.contradiction(method) != null;
  }

  /**
   * Installs an enforcement for the aspect while the bean lives; see {@link TandemAspectSupport}.
   */
  static final class Installation implements InitializingBean, DisposableBean {

    private final MethodEnforcer enforcer;

    Installation(MethodEnforcer enforcer) {
      this.enforcer = enforcer;
    }

    @Override
    public void afterPropertiesSet() {
      ENFORCER.set(enforcer);
    }

    @Override
    public void destroy() {
      // A context that started later owns the aspect now; leave it in place.
      ENFORCER.compareAndSet(enforcer, null);
    }
  }
}
