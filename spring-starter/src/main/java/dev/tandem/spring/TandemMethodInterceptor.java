package dev.tandem.spring;

import java.lang.reflect.Method;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;

/**
 * Enforces {@code @RequiresRelation} and {@code @AuthenticatedOnly} around a call to a bean method,
 * through the {@link MethodEnforcer} it shares with the AspectJ aspect.
 */
final class TandemMethodInterceptor implements MethodInterceptor {

  private final MethodEnforcer enforcer;

  TandemMethodInterceptor(MethodEnforcer enforcer) {
    this.enforcer = enforcer;
  }

  MethodEnforcer enforcer() {
    return enforcer;
  }

  @Override
  public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
    Object target = invocation.getThis();
    Method method =
        target == null
            ? invocation.getMethod()
            : AopUtils.getMostSpecificMethod(
                invocation.getMethod(), AopUtils.getTargetClass(target));
    return enforcer.enforce(method, invocation.getArguments(), invocation::proceed);
  }
}
