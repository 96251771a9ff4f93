package dev.tandem.spring.archunit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.tandem.core.annotation.Requirements;
import dev.tandem.core.annotation.RequiresRelation;
import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.model.TypeDefinition;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * ArchUnit rules that keep an application's authorization declared and consistent with its model.
 * Annotations are read with {@link Requirements}, exactly as enforcement of beans reads them:
 * directly, repeated, through meta-annotations, from the declaring class, and along the type
 * hierarchy (the methods a method overrides or implements, the supertypes of its class).
 *
 * <pre>{@code
 * JavaClasses classes = new ClassFileImporter().importPackages("com.example");
 * TandemArchRules.ENDPOINTS_DECLARE_AUTHORIZATION.check(classes);
 * TandemArchRules.relationsExistIn(model).check(classes);
 * }</pre>
 *
 * <p>Like every ArchUnit rule, these fail when they find nothing to check (an import that missed
 * the application's classes must not pass silently).
 */
public final class TandemArchRules {

  private static final String REQUEST_MAPPING =
      "org.springframework.web.bind.annotation.RequestMapping";
  private static final String CONTROLLER = "org.springframework.stereotype.Controller";

  /**
   * Every endpoint method ({@code @RequestMapping}, {@code @GetMapping}, ... in a class that is a
   * {@code @Controller} or {@code @RestController}, meta-annotations included, on the method or on
   * a method of a supertype it implements, such as an OpenAPI-generated interface) declares a
   * {@link RequiresRelation} or an explicit opt-out ({@link
   * dev.tandem.core.annotation.PublicEndpoint}, {@link
   * dev.tandem.core.annotation.AuthenticatedOnly}), on itself, on a method it overrides or
   * implements, on its class or on a supertype, as {@link Requirements} finds them.
   */
  public static final ArchRule ENDPOINTS_DECLARE_AUTHORIZATION =
      methods()
          .that(areEndpoints())
          .should(declareAuthorization())
          .because(
              "an endpoint without declared authorization is open to every caller by accident;"
                  + " say @PublicEndpoint or @AuthenticatedOnly when that is intended");

  /**
   * Methods that declare authorization are not called from inside their own class: such calls do
   * not go through the Spring proxy and are not enforced. Does not apply when classes are woven
   * with AspectJ.
   */
  public static final ArchRule ENFORCED_METHODS_ARE_NOT_SELF_INVOKED =
      methods()
          .that(declareRelationsOrAuthenticatedOnly())
          .should(notBeCalledFromTheirOwnClass())
          .because("a call from inside the class bypasses the Spring proxy that enforces it");

  /**
   * Methods of classes woven with {@code TandemEnforcementAspect} carry their Tandem annotations
   * themselves or on their own class: AspectJ does not see annotations on the interface methods
   * they implement or the superclass methods they override, so such a declaration would not be
   * enforced on a class that is not a bean. Check it on the classes you weave only; beans are
   * enforced through the type hierarchy.
   */
  public static final ArchRule WOVEN_METHODS_DECLARE_AUTHORIZATION_THEMSELVES =
      methods()
          .that(areConcreteInstanceMethods())
          .should(declareTandemAnnotationsThemselves())
          .because(
              "AspectJ does not inherit method annotations from interfaces or overridden methods,"
                  + " so the aspect would not enforce them on a woven class");

  private TandemArchRules() {}

  /**
   * Every {@link RequiresRelation} names a relation that exists on its {@code type} in {@code
   * model}, or, when {@code type} is empty, on exactly one type of {@code model}.
   */
  public static ArchRule relationsExistIn(AuthorizationModel model) {
    Objects.requireNonNull(model, "model");
    return methods()
        .that(declareRelations())
        .should(nameRelationsOf(model))
        .because("enforcement refuses to start when an annotation does not match the model");
  }

  private static DescribedPredicate<JavaMethod> areEndpoints() {
    return DescribedPredicate.describe(
        "are request-mapped methods of controllers",
        method -> annotated(method.getOwner(), CONTROLLER) && requestMapped(method));
  }

  /** Whether the method or a method of a supertype with the same signature is request-mapped. */
  private static boolean requestMapped(JavaMethod method) {
    if (mapped(method)) {
      return true;
    }
    JavaClass owner = method.getOwner();
    String[] parameters =
        method.getRawParameterTypes().stream().map(JavaClass::getName).toArray(String[]::new);
    List<JavaClass> supertypes = new ArrayList<>(owner.getAllRawSuperclasses());
    supertypes.addAll(owner.getAllRawInterfaces());
    for (JavaClass supertype : supertypes) {
      Optional<JavaMethod> overridden = supertype.tryGetMethod(method.getName(), parameters);
      if (overridden.isPresent() && mapped(overridden.get())) {
        return true;
      }
    }
    return false;
  }

  private static boolean mapped(JavaMethod method) {
    return method.isAnnotatedWith(REQUEST_MAPPING) || method.isMetaAnnotatedWith(REQUEST_MAPPING);
  }

  private static DescribedPredicate<JavaMethod> areConcreteInstanceMethods() {
    return DescribedPredicate.describe(
        "are concrete instance methods",
        method ->
            !method.getOwner().isInterface()
                && !method.getModifiers().contains(JavaModifier.ABSTRACT)
                && !method.getModifiers().contains(JavaModifier.STATIC)
                && !method.getModifiers().contains(JavaModifier.SYNTHETIC)
                && !method.getModifiers().contains(JavaModifier.BRIDGE));
  }

  private static ArchCondition<JavaMethod> declareTandemAnnotationsThemselves() {
    return onReflected(
        "declare Tandem annotations on themselves or their own class",
        (method, reflected, events) -> {
          for (AnnotatedElement source : Requirements.sources(reflected)) {
            if (source != reflected && source != reflected.getDeclaringClass()) {
              events.add(
                  SimpleConditionEvent.violated(
                      method,
                      method.getFullName()
                          + " inherits Tandem annotations from "
                          + source
                          + ", which AspectJ does not see; repeat them on the method"));
              return;
            }
          }
          events.add(
              SimpleConditionEvent.satisfied(
                  method, method.getFullName() + " declares Tandem annotations itself, if any"));
        });
  }

  private static boolean annotated(JavaClass owner, String annotation) {
    return owner.isAnnotatedWith(annotation) || owner.isMetaAnnotatedWith(annotation);
  }

  private static DescribedPredicate<JavaMethod> declareRelations() {
    return DescribedPredicate.describe(
        "declare @RequiresRelation",
        method -> {
          Method reflected = reflect(method);
          return reflected == null || !Requirements.of(reflected).isEmpty();
        });
  }

  private static DescribedPredicate<JavaMethod> declareRelationsOrAuthenticatedOnly() {
    return DescribedPredicate.describe(
        "declare @RequiresRelation or @AuthenticatedOnly",
        method -> {
          Method reflected = reflect(method);
          if (reflected == null) {
            return true;
          }
          Requirements.Kind kind = Requirements.kind(reflected);
          return kind == Requirements.Kind.RELATIONS
              || kind == Requirements.Kind.AUTHENTICATED_ONLY;
        });
  }

  private static ArchCondition<JavaMethod> declareAuthorization() {
    return onReflected(
        "declare @RequiresRelation, @PublicEndpoint or @AuthenticatedOnly",
        (method, reflected, events) -> {
          boolean declared = Requirements.kind(reflected) != Requirements.Kind.NONE;
          events.add(
              new SimpleConditionEvent(
                  method,
                  declared,
                  method.getFullName()
                      + (declared ? " declares" : " does not declare")
                      + " authorization"));
        });
  }

  private static ArchCondition<JavaMethod> notBeCalledFromTheirOwnClass() {
    return new ArchCondition<>("not be called from their own class") {
      @Override
      public void check(JavaMethod method, ConditionEvents events) {
        for (JavaAccess<?> call : method.getCallsOfSelf()) {
          if (call.getOriginOwner().equals(method.getOwner())) {
            events.add(
                SimpleConditionEvent.violated(
                    method,
                    method.getFullName()
                        + " is called from its own class in "
                        + call.getOrigin().getFullName()));
          }
        }
      }
    };
  }

  private static ArchCondition<JavaMethod> nameRelationsOf(AuthorizationModel model) {
    return onReflected(
        "name relations of the model",
        (method, reflected, events) -> {
          for (RequiresRelation requirement : Requirements.of(reflected)) {
            String problem = problem(requirement, model);
            if (problem != null) {
              events.add(SimpleConditionEvent.violated(method, method.getFullName() + problem));
            }
          }
        });
  }

  /** Why {@code requirement} does not match {@code model}, or null when it does. */
  private static @Nullable String problem(RequiresRelation requirement, AuthorizationModel model) {
    String relation = requirement.value();
    String where = " @RequiresRelation(\"" + relation + "\")";
    String type = requirement.type();
    if (!type.isEmpty()) {
      if (model.type(type) == null) {
        return where + ": type '" + type + "' is not in the model";
      }
      return model.relation(type, relation) == null
          ? where + ": relation '" + relation + "' does not exist on type '" + type + "'"
          : null;
    }
    List<String> types = new ArrayList<>();
    for (TypeDefinition definition : model.types().values()) {
      if (definition.relation(relation) != null) {
        types.add(definition.name());
      }
    }
    if (types.size() == 1) {
      return null;
    }
    return types.isEmpty()
        ? where + ": relation '" + relation + "' does not exist on any type of the model"
        : where + ": relation '" + relation + "' exists on several types " + types + "; set type";
  }

  /** A condition checked on the loaded method; a method that cannot be loaded violates it. */
  private static ArchCondition<JavaMethod> onReflected(String description, ReflectedCheck check) {
    return new ArchCondition<>(description) {
      @Override
      public void check(JavaMethod method, ConditionEvents events) {
        Method reflected = reflect(method);
        if (reflected == null) {
          events.add(SimpleConditionEvent.violated(method, unreadable(method)));
          return;
        }
        check.check(method, reflected, events);
      }
    };
  }

  @FunctionalInterface
  private interface ReflectedCheck {
    void check(JavaMethod method, Method reflected, ConditionEvents events);
  }

  private static @Nullable Method reflect(JavaMethod method) {
    try {
      return method.reflect();
    } catch (RuntimeException | LinkageError e) {
      return null;
    }
  }

  private static String unreadable(JavaMethod method) {
    return method.getFullName() + " cannot be loaded to read its annotations";
  }
}
