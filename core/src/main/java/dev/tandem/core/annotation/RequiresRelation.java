package dev.tandem.core.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The caller must hold {@link #value()} on the object identified by {@link #on()}; every principal
 * behind the request (user, delegated app, agent task) must hold it.
 *
 * <pre>{@code
 * @PostMapping("/projects/{projectId}/tickets")
 * @RequiresRelation(value = "can_create_ticket", on = "#projectId")
 * Ticket create(@PathVariable String projectId, @RequestBody NewTicket body) { ... }
 * }</pre>
 *
 * <p>Repeatable: all must hold. Usable as a meta-annotation, so {@code @CanCreateTicket} can stand
 * for a requirement. On a type, it applies to every method of the type in addition to the method's
 * own requirements.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Repeatable(RequiresRelations.class)
public @interface RequiresRelation {

  /** The relation, e.g. {@code can_view}. */
  String value();

  /**
   * The object id: an expression over the method's arguments, e.g. {@code #projectId} or {@code
   * #ticket.projectId}. It is evaluated in a restricted, read-only context and must yield one
   * non-empty id; the result is always a literal id, never evaluated again.
   */
  String on();

  /**
   * The object type, e.g. {@code project}. When empty it is inferred from the model: the relation
   * must exist on exactly one type.
   */
  String type() default "";
}
