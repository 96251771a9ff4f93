package dev.tandem.core.annotation;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Reads the authorization declared on a method: its {@link RequiresRelation}s (direct, repeated,
 * through meta-annotations at any depth) and its opt-outs, on the method and on a type, searched
 * along the type hierarchy as Spring Security searches {@code @PreAuthorize}.
 *
 * <p>Method level: the method itself when it declares anything; otherwise the closest methods it
 * overrides or implements that do, in its superclasses and interfaces. Type level: the class that
 * declares the method when it declares anything; otherwise the closest of its supertypes that do.
 * The search stops on each branch at the first declaration; when two branches (two interfaces, or a
 * superclass and an interface) declare different things, the method has a contradiction ({@link
 * #contradiction(Method)}) and Tandem refuses to guess.
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

  /** What one method or type declares itself. */
  private record Declared(
      AnnotatedElement source,
      List<RequiresRelation> relations,
      boolean isPublic,
      boolean authenticatedOnly) {

    static Declared of(AnnotatedElement element) {
      List<RequiresRelation> relations = new ArrayList<>();
      collect(element, relations, new HashSet<>());
      return new Declared(
          element,
          List.copyOf(relations),
          has(element, PublicEndpoint.class),
          has(element, AuthenticatedOnly.class));
    }

    boolean any() {
      return !relations.isEmpty() || isPublic || authenticatedOnly;
    }

    boolean sameAs(Declared other) {
      return new HashSet<>(relations).equals(new HashSet<>(other.relations))
          && isPublic == other.isPublic
          && authenticatedOnly == other.authenticatedOnly;
    }
  }

  private Requirements() {}

  /** Every requirement that applies to the method: method level first, then type level. */
  public static List<RequiresRelation> of(Method method) {
    List<RequiresRelation> found = new ArrayList<>();
    for (Declared declared : methodLevel(method)) {
      found.addAll(declared.relations());
    }
    for (Declared declared : typeLevel(method.getDeclaringClass())) {
      found.addAll(declared.relations());
    }
    return List.copyOf(found);
  }

  /**
   * What the method declares. Relations win over opt-outs only when both appear on different
   * levels; the same level declaring both is a contradiction reported by {@link
   * #contradiction(Method)}.
   */
  public static Kind kind(Method method) {
    List<Declared> all = new ArrayList<>(methodLevel(method));
    all.addAll(typeLevel(method.getDeclaringClass()));
    if (all.stream().anyMatch(declared -> !declared.relations().isEmpty())) {
      return Kind.RELATIONS;
    }
    if (all.stream().anyMatch(Declared::isPublic)) {
      return Kind.PUBLIC;
    }
    if (all.stream().anyMatch(Declared::authenticatedOnly)) {
      return Kind.AUTHENTICATED_ONLY;
    }
    return Kind.NONE;
  }

  /**
   * The method whose own annotations give {@code method} its method-level authorization: the method
   * itself when it declares any, otherwise the closest method it overrides or implements that does,
   * or null when none does. When several conflict, the first one found.
   */
  public static @Nullable Method declaringMethod(Method method) {
    List<Declared> found = methodLevel(method);
    return found.isEmpty() ? null : (Method) found.get(0).source();
  }

  /**
   * The method whose {@link FilterByRelation} (direct or through a meta-annotation) applies to
   * {@code method}: the method itself when it carries one, otherwise the closest method it
   * overrides or implements that does, or null when none does. When several conflict, the first.
   */
  public static @Nullable Method filteringMethod(Method method) {
    List<Method> found = filtering(method);
    return found.isEmpty() ? null : found.get(0);
  }

  /**
   * Every method and type whose Tandem annotations apply to {@code method}: method-level sources,
   * type-level sources, then the method whose {@link FilterByRelation} applies.
   */
  public static List<AnnotatedElement> sources(Method method) {
    List<AnnotatedElement> sources = new ArrayList<>();
    methodLevel(method).forEach(declared -> sources.add(declared.source()));
    typeLevel(method.getDeclaringClass()).forEach(declared -> sources.add(declared.source()));
    sources.addAll(filtering(method));
    return List.copyOf(sources);
  }

  /**
   * A description of contradictory declarations, or null when there is none: a relation together
   * with an opt-out, or both opt-outs, on the method-level source; or different declarations
   * inherited from two supertypes, at method or type level, naming both.
   */
  public static @Nullable String contradiction(Method method) {
    List<Declared> methodLevel = methodLevel(method);
    String conflict = conflict(method, "", methodLevel);
    if (conflict == null) {
      conflict = conflict(method, "type-level ", typeLevel(method.getDeclaringClass()));
    }
    if (conflict == null) {
      List<Method> filters = filtering(method);
      if (filters.size() > 1) {
        conflict = inherits(method, "@FilterByRelation ", filters.get(0), filters.get(1));
      }
    }
    if (conflict != null) {
      return conflict;
    }
    if (methodLevel.isEmpty()) {
      return null;
    }
    Declared own = methodLevel.get(0);
    String where = own.source() == method ? "" : " (declared on " + own.source() + ")";
    if (!own.relations().isEmpty() && (own.isPublic() || own.authenticatedOnly())) {
      return method + " declares @RequiresRelation together with an opt-out" + where;
    }
    if (own.isPublic() && own.authenticatedOnly()) {
      return method + " declares both @PublicEndpoint and @AuthenticatedOnly" + where;
    }
    return null;
  }

  private static @Nullable String conflict(Method method, String level, List<Declared> found) {
    return found.size() > 1
        ? inherits(method, level, found.get(0).source(), found.get(1).source())
        : null;
  }

  private static String inherits(
      Method method, String level, AnnotatedElement first, AnnotatedElement second) {
    return method
        + " inherits conflicting "
        + level
        + "Tandem declarations from "
        + first
        + " and "
        + second
        + "; declare the authorization on the method itself";
  }

  private static List<Declared> methodLevel(Method method) {
    Declared own = Declared.of(method);
    if (own.any()) {
      return List.of(own);
    }
    List<Declared> found = new ArrayList<>();
    for (Method overridden : closest(method, Requirements::declaresAuthorization)) {
      Declared declared = Declared.of(overridden);
      if (found.stream().noneMatch(declared::sameAs)) {
        found.add(declared);
      }
    }
    return found;
  }

  private static List<Declared> typeLevel(Class<?> type) {
    Declared own = Declared.of(type);
    if (own.any()) {
      return List.of(own);
    }
    List<Declared> found = new ArrayList<>();
    Set<Class<?>> visited = new HashSet<>(Set.of(type));
    for (Class<?> supertype : supertypes(type)) {
      closestTypes(supertype, visited, found);
    }
    return found;
  }

  private static void closestTypes(
      @Nullable Class<?> type, Set<Class<?>> visited, List<Declared> found) {
    if (type == null || type == Object.class || !visited.add(type)) {
      return;
    }
    Declared declared = Declared.of(type);
    if (declared.any()) {
      if (found.stream().noneMatch(declared::sameAs)) {
        found.add(declared);
      }
      return;
    }
    for (Class<?> supertype : supertypes(type)) {
      closestTypes(supertype, visited, found);
    }
  }

  private static List<Method> filtering(Method method) {
    if (has(method, FilterByRelation.class)) {
      return List.of(method);
    }
    List<Method> found = new ArrayList<>();
    List<FilterByRelation> filters = new ArrayList<>();
    for (Method overridden : closest(method, candidate -> has(candidate, FilterByRelation.class))) {
      FilterByRelation filter = find(overridden, FilterByRelation.class, new HashSet<>());
      if (!filters.contains(filter)) {
        filters.add(filter);
        found.add(overridden);
      }
    }
    return found;
  }

  /**
   * The methods {@code method} overrides or implements that match {@code declares}, the closest on
   * each branch of its supertypes (superclass first, then interfaces in declaration order).
   */
  private static List<Method> closest(Method method, Predicate<Method> declares) {
    List<Method> found = new ArrayList<>();
    Class<?> owner = method.getDeclaringClass();
    int modifiers = method.getModifiers();
    if (Modifier.isStatic(modifiers) || Modifier.isPrivate(modifiers)) {
      return found;
    }
    Set<Class<?>> visited = new HashSet<>(Set.of(owner));
    for (Class<?> supertype : supertypes(owner)) {
      closest(method, supertype, declares, visited, found);
    }
    return found;
  }

  private static void closest(
      Method method,
      @Nullable Class<?> type,
      Predicate<Method> declares,
      Set<Class<?>> visited,
      List<Method> found) {
    if (type == null || type == Object.class || !visited.add(type)) {
      return;
    }
    Method overridden = overridden(method, type);
    if (overridden != null && declares.test(overridden)) {
      found.add(overridden);
      return;
    }
    for (Class<?> supertype : supertypes(type)) {
      closest(method, supertype, declares, visited, found);
    }
  }

  /**
   * The method of {@code type} that {@code method} overrides or implements: same name, and each
   * parameter of the same type, or of a generic type to which it is assignable ({@code get(T id)}
   * implemented as {@code get(String id)}).
   */
  private static @Nullable Method overridden(Method method, Class<?> type) {
    Class<?>[] parameters = method.getParameterTypes();
    for (Method candidate : type.getDeclaredMethods()) {
      int modifiers = candidate.getModifiers();
      if (!candidate.getName().equals(method.getName())
          || candidate.getParameterCount() != parameters.length
          || candidate.isSynthetic()
          || Modifier.isStatic(modifiers)
          || Modifier.isPrivate(modifiers)
          || (!Modifier.isPublic(modifiers)
              && !Modifier.isProtected(modifiers)
              && !samePackage(type, method.getDeclaringClass()))) {
        continue;
      }
      if (overrides(parameters, candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static boolean overrides(Class<?>[] parameters, Method candidate) {
    Class<?>[] raw = candidate.getParameterTypes();
    java.lang.reflect.Type[] generic = candidate.getGenericParameterTypes();
    for (int i = 0; i < parameters.length; i++) {
      boolean same = raw[i] == parameters[i];
      boolean typeVariable =
          !(generic[i] instanceof Class<?>) && raw[i].isAssignableFrom(parameters[i]);
      if (!same && !typeVariable) {
        return false;
      }
    }
    return true;
  }

  private static boolean samePackage(Class<?> a, Class<?> b) {
    return Objects.equals(a.getPackageName(), b.getPackageName())
        && a.getClassLoader() == b.getClassLoader();
  }

  private static List<Class<?>> supertypes(Class<?> type) {
    List<Class<?>> supertypes = new ArrayList<>();
    if (type.getSuperclass() != null) {
      supertypes.add(type.getSuperclass());
    }
    supertypes.addAll(List.of(type.getInterfaces()));
    return supertypes;
  }

  private static boolean declaresAuthorization(Method method) {
    return Declared.of(method).any();
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
    return find(element, wanted, new HashSet<>()) != null;
  }

  private static <A extends Annotation> @Nullable A find(
      AnnotatedElement element, Class<A> wanted, Set<Class<?>> visited) {
    for (Annotation annotation : element.getDeclaredAnnotations()) {
      Class<? extends Annotation> type = annotation.annotationType();
      if (type == wanted) {
        return wanted.cast(annotation);
      }
      if (isMeta(type) && visited.add(type)) {
        A found = find(type, wanted, visited);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static boolean isMeta(Class<? extends Annotation> type) {
    String name = type.getName();
    return !name.startsWith("java.") && !name.startsWith("javax.") && !name.startsWith("kotlin.");
  }
}
