package dev.tandem.spring.aspectj;

import dev.tandem.spring.TandemAspectSupport;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.reflect.MethodSignature;
import org.jspecify.annotations.Nullable;

/**
 * Enforces {@link dev.tandem.core.annotation.RequiresRelation} (single or repeated) on methods of
 * classes that are not Spring beans, with the same enforcement as the Spring AOP advisor, reached
 * through {@link TandemAspectSupport}. Until {@code TandemAutoConfiguration} has started, every
 * woven call is denied.
 *
 * <p>Weave it only into classes that are not beans: a bean that is both woven and proxied is
 * checked twice. Needs {@code org.aspectj:aspectjrt} (or the weaver) at run time.
 */
@Aspect
public final class TandemEnforcementAspect {

  /**
   * Decides the call before the method body runs.
   *
   * @param call the woven method execution
   * @return what the method returned
   * @throws Throwable {@code TandemAccessDeniedException} when denied, or what the method threw
   */
  @Around(
      "execution(@dev.tandem.core.annotation.RequiresRelation * *(..))"
          + " || execution(@dev.tandem.core.annotation.RequiresRelations * *(..))")
  public @Nullable Object enforce(ProceedingJoinPoint call) throws Throwable {
    return TandemAspectSupport.enforce(
        ((MethodSignature) call.getSignature()).getMethod(), call.getArgs(), call::proceed);
  }
}
