package dev.tandem.core.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An explicit opt-out: this endpoint needs neither authentication nor a relation. Coverage rules
 * accept it as a deliberate decision; leaving an endpoint unannotated is not.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
public @interface PublicEndpoint {}
