package dev.tandem.spring.aspectj;

import dev.tandem.spring.TandemAspectSupport;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.annotation.Pointcut;
import org.aspectj.lang.reflect.MethodSignature;
import org.jspecify.annotations.Nullable;

/**
 * Enforces on methods of classes that are not Spring beans what the Spring AOP advisor enforces on
 * beans, through the same enforcement reached via {@link TandemAspectSupport}: {@link
 * dev.tandem.core.annotation.RequiresRelation} (single, repeated, through meta-annotations, or on
 * the class for its public instance methods), {@link dev.tandem.core.annotation.AuthenticatedOnly}
 * and {@link dev.tandem.core.annotation.FilterByRelation}. Until {@code TandemAutoConfiguration}
 * has started, every such call is denied.
 *
 * <p>The pointcut finds the annotations directly or through at most two levels of meta-annotations
 * ({@code @CanCreateTicket}, or an annotation carrying {@code @CanCreateTicket}); methods without
 * any of them are not woven at all. Weave it only into classes that are not beans: a bean that is
 * both woven and proxied is checked twice. Needs {@code org.aspectj:aspectjrt} (or the weaver) at
 * run time.
 */
@Aspect
public final class TandemEnforcementAspect {

  /** The annotations that make Tandem enforce something; {@code @PublicEndpoint} does not. */
  private static final String TANDEM =
      "(dev.tandem.core.annotation.RequiresRelation"
          + " || dev.tandem.core.annotation.RequiresRelations"
          + " || dev.tandem.core.annotation.AuthenticatedOnly"
          + " || dev.tandem.core.annotation.FilterByRelation)";

  /** One of them, an annotation carrying one, or an annotation carrying such an annotation. */
  private static final String CARRYING =
      "@(" + TANDEM + " || (@" + TANDEM + " *) || (@(@" + TANDEM + " *) *))";

  /** Methods annotated themselves. */
  @Pointcut("execution(" + CARRYING + " * *(..))")
  void annotatedMethod() {}

  /** Public instance methods of annotated classes, to which a class-level requirement applies. */
  @Pointcut("execution(public !static * (" + CARRYING + " *).*(..))")
  void methodOfAnnotatedClass() {}

  /**
   * Decides the call before the method body runs, and filters its result when asked to.
   *
   * @param call the woven method execution
   * @return what the method returned, filtered for {@code @FilterByRelation}
   * @throws Throwable {@code TandemAccessDeniedException} when denied, or what the method threw
   */
  @Around("annotatedMethod() || methodOfAnnotatedClass()")
  public @Nullable Object enforce(ProceedingJoinPoint call) throws Throwable {
    return TandemAspectSupport.enforce(
        ((MethodSignature) call.getSignature()).getMethod(), call.getArgs(), call::proceed);
  }
}
