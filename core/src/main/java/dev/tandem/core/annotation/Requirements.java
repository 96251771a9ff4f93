package dev.tandem.core.annotation;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads the authorization declared on a method: its {@link RequiresRelation}s (direct, repeated,
 * through meta-annotations at any depth, and from the declaring type) and its opt-outs.
 */
public final class Requirements {

  /** What a method declares. */
  public enum Kind {
    /** One or more {@link RequiresRelation}s. */
    RELATIONS,
    /** {@link PublicEndpoint}. */
    PUBLIC,
    /** {@link AuthenticatedOnly}. */
    AUTHENTICATED_ONLY,
    /** Nothing: an endpoint with no declared authorization. */
    NONE
  }

  private Requirements() {}

  /** Every requirement on the method and its declaring type, method first. */
  public static List<RequiresRelation> of(Method method) {
    List<RequiresRelation> found = new ArrayList<>();
    collect(method, found, new HashSet<>());
    collect(method.getDeclaringClass(), found, new HashSet<>());
    return List.copyOf(found);
  }

  /**
   * What the method declares. Relations win over opt-outs only when both appear on different
   * levels; the same level declaring both is a contradiction reported by {@link
   * #contradiction(Method)}.
   */
  public static Kind kind(Method method) {
    if (!of(method).isEmpty()) {
      return Kind.RELATIONS;
    }
    if (has(method, PublicEndpoint.class)
        || has(method.getDeclaringClass(), PublicEndpoint.class)) {
      return Kind.PUBLIC;
    }
    if (has(method, AuthenticatedOnly.class)
        || has(method.getDeclaringClass(), AuthenticatedOnly.class)) {
      return Kind.AUTHENTICATED_ONLY;
    }
    return Kind.NONE;
  }

  /**
   * A description of contradictory declarations on the method itself (a relation together with an
   * opt-out, or both opt-outs), or null when there is none.
   */
  public static @Nullable String contradiction(Method method) {
    List<RequiresRelation> own = new ArrayList<>();
    collect(method, own, new HashSet<>());
    boolean isPublic = has(method, PublicEndpoint.class);
    boolean authenticatedOnly = has(method, AuthenticatedOnly.class);
    if (!own.isEmpty() && (isPublic || authenticatedOnly)) {
      return method + " declares @RequiresRelation together with an opt-out";
    }
    if (isPublic && authenticatedOnly) {
      return method + " declares both @PublicEndpoint and @AuthenticatedOnly";
    }
    return null;
  }

  private static void collect(
      AnnotatedElement element, List<RequiresRelation> found, Set<Class<?>> visited) {
    for (Annotation annotation : element.getDeclaredAnnotations()) {
      if (annotation instanceof RequiresRelation requirement) {
        found.add(requirement);
      } else if (annotation instanceof RequiresRelations requirements) {
        found.addAll(List.of(requirements.value()));
      } else if (isMeta(annotation.annotationType()) && visited.add(annotation.annotationType())) {
        collect(annotation.annotationType(), found, visited);
      }
    }
  }

  private static boolean has(AnnotatedElement element, Class<? extends Annotation> wanted) {
    return has(element, wanted, new HashSet<>());
  }

  private static boolean has(
      AnnotatedElement element, Class<? extends Annotation> wanted, Set<Class<?>> visited) {
    for (Annotation annotation : element.getDeclaredAnnotations()) {
      Class<? extends Annotation> type = annotation.annotationType();
      if (type == wanted) {
        return true;
      }
      if (isMeta(type) && visited.add(type) && has(type, wanted, visited)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isMeta(Class<? extends Annotation> type) {
    String name = type.getName();
    return !name.startsWith("java.") && !name.startsWith("javax.") && !name.startsWith("kotlin.");
  }
}
