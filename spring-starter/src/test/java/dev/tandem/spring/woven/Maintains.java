package dev.tandem.spring.woven;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The caller maintains the project named by {@code project}: {@link CanEdit}, one level up. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@CanEdit
public @interface Maintains {}
