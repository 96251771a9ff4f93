package dev.tandem.core.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An explicit opt-out from relationship checks: any authenticated actor may call this endpoint (for
 * example, to read their own profile). Coverage rules accept it as a deliberate decision.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
public @interface AuthenticatedOnly {}
