package dev.tandem.spring.woven;

import dev.tandem.core.annotation.RequiresRelation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The caller may edit the project named by the {@code project} parameter. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@RequiresRelation(value = "can_edit", on = "#project", type = "project")
public @interface CanEdit {}
