package dev.tandem.spring;

import dev.tandem.core.http.AuthorizationProblem;
import java.lang.reflect.Method;
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
 * <p>The auto-configuration installs its enforcement when the context starts and removes it when
 * the context closes. While none is installed, {@link #enforce} denies every call with a {@link
 * TandemAccessDeniedException} (403) whose cause names the missing configuration: an unconfigured
 * aspect never allows.
 */
public final class TandemAspectSupport {

  private static final AtomicReference<@Nullable MethodEnforcer> ENFORCER = new AtomicReference<>();

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
   * Runs {@code call} if the current actor may call {@code method} with {@code arguments}.
   *
   * @param method the annotated method being called
   * @param arguments its arguments
   * @param call the method itself
   * @return what the method returned, filtered when it carries {@code @FilterByRelation}
   * @throws TandemAccessDeniedException when the call is not allowed, or no enforcement is
   *     installed
   * @throws Throwable what the method threw
   */
  public static @Nullable Object enforce(
      Method method, @Nullable Object[] arguments, Invocation call) throws Throwable {
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
