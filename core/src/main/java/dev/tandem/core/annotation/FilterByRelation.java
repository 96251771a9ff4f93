package dev.tandem.core.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Filters the collection a method returns down to the elements the current actor may access: every
 * principal behind the call must hold {@link #value()} on {@code type:<id of the element>}. Meant
 * for post-filtering retrieved documents (RAG) and search results; all elements are decided in one
 * batch.
 *
 * <p>The method must return {@link java.util.List}, {@link java.util.Set} or {@link
 * java.util.Collection}; the result keeps the order of the elements. Elements whose id cannot be
 * read, or is not one valid id, are dropped: filtering fails closed.
 *
 * <pre>{@code
 * @FilterByRelation(value = "can_view", type = "ticket", id = "id")
 * public List<Ticket> search(String query) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
public @interface FilterByRelation {

  /** The relation each element's object must be reachable through, e.g. {@code can_view}. */
  String value();

  /**
   * The object type of the elements; may be omitted when the relation exists on exactly one type of
   * the model.
   */
  String type() default "";

  /**
   * An expression read on each element giving its object id, e.g. {@code id} or {@code project.id};
   * {@code #this} is the element itself. Evaluated read-only, like {@link RequiresRelation#on()}:
   * properties only, no method calls, type or bean references.
   */
  String id() default "id";
}
