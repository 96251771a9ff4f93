package dev.tandem.spring.app;

import dev.tandem.core.annotation.RequiresRelation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

// tag::meta[]
/** The caller may create tickets in the project named by the {@code projectId} parameter. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@RequiresRelation(value = "can_create_ticket", on = "#projectId")
public @interface CanCreateTicket {}
// end::meta[]
