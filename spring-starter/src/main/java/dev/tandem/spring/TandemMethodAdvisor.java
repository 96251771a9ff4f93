package dev.tandem.spring;

import java.lang.reflect.Method;
import org.aopalliance.aop.Advice;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.StaticMethodMatcherPointcut;

/**
 * The Spring AOP advisor that enforces {@link dev.tandem.core.annotation.RequiresRelation} (direct,
 * repeated or through meta-annotations) and {@link dev.tandem.core.annotation.AuthenticatedOnly} on
 * any bean: controllers, services, agent tool methods. Annotations are found on the bean's method,
 * on the interface methods it implements and the methods it overrides, and on its class and
 * supertypes (see {@link dev.tandem.core.annotation.Requirements}).
 *
 * <p>Its order is {@link #DEFAULT_ORDER}, 420: after Spring Security's pre-invocation method
 * interceptors ({@code @PreFilter} 100, {@code @PreAuthorize} 200, {@code @Secured} 300, JSR-250
 * 400), so a cheap role check rejects first, and before its post-invocation ones ({@code
 * AuthorizeReturnObject} 450, {@code @PostAuthorize} 500, {@code @PostFilter} 600), so a result is
 * only produced for a call Tandem allowed.
 */
public final class TandemMethodAdvisor extends AbstractPointcutAdvisor {

  private static final long serialVersionUID = 1L;

  /** Between Spring Security's pre-invocation (≤ 400) and post-invocation (≥ 450) interceptors. */
  public static final int DEFAULT_ORDER = 420;

  private final transient TandemMethodInterceptor interceptor;
  private final transient Pointcut pointcut = new EnforcedMethods();

  TandemMethodAdvisor(TandemMethodInterceptor interceptor) {
    this.interceptor = interceptor;
    setOrder(DEFAULT_ORDER);
  }

  /** The enforcement this advisor applies, shared with the AspectJ aspect. */
  MethodEnforcer enforcer() {
    return interceptor.enforcer();
  }

  @Override
  public Pointcut getPointcut() {
    return pointcut;
  }

  @Override
  public Advice getAdvice() {
    return interceptor;
  }

  /** Methods carrying a requirement or {@code @AuthenticatedOnly}, on any class. */
  private static final class EnforcedMethods extends StaticMethodMatcherPointcut {
    @Override
    public boolean matches(Method method, Class<?> targetClass) {
      return MethodPlan.enforced(AopUtils.getMostSpecificMethod(method, targetClass));
    }
  }
}
