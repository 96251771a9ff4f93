package dev.tandem.spring;

import dev.tandem.core.annotation.AuthenticatedOnly;
import dev.tandem.core.annotation.FilterByRelation;
import dev.tandem.core.annotation.Requirements;
import dev.tandem.core.annotation.RequiresRelation;
import dev.tandem.core.annotation.RequiresRelations;
import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.model.TypeDefinition;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.Assign;
import org.springframework.expression.spel.ast.BeanReference;
import org.springframework.expression.spel.ast.ConstructorReference;
import org.springframework.expression.spel.ast.FunctionReference;
import org.springframework.expression.spel.ast.MethodReference;
import org.springframework.expression.spel.ast.Projection;
import org.springframework.expression.spel.ast.Selection;
import org.springframework.expression.spel.ast.TypeReference;
import org.springframework.expression.spel.ast.VariableReference;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;

/**
 * What Tandem enforces on one method, resolved against the model: the relations with their object
 * types and parsed {@code on} expressions, and the filtering of its result. {@link #compile}
 * reports every problem it finds.
 */
record MethodPlan(
    Method method,
    List<String> parameters,
    boolean relations,
    List<Requirement> requirements,
    @Nullable ResultFilter filter) {

  /**
   * One requirement: {@code relation} on {@code type:<value of on>}. When {@code on} is only a
   * parameter ({@code #id}), {@code argument} is that parameter's position and the argument is read
   * without evaluating {@code on}; otherwise it is -1.
   */
  record Requirement(String relation, String type, Expression on, int argument) {}

  /** Post-filtering of the result: keep elements with {@code relation} on {@code type:<id>}. */
  record ResultFilter(String relation, String type, Expression id, boolean set) {}

  /** The only variables an {@code id} expression of {@link FilterByRelation} may read. */
  private static final Set<String> ELEMENT_VARIABLES = Set.of("this", "root");

  private static final Set<Class<?>> FILTERABLE = Set.of(List.class, Set.class, Collection.class);

  private static final SpelExpressionParser PARSER = new SpelExpressionParser();

  /**
   * Whether Tandem enforces something on the method: {@code @FilterByRelation}, or requirements or
   * {@code @AuthenticatedOnly} declared on the method itself or a method it overrides or
   * implements, or on a type (its class or a supertype) for a public instance method. See {@link
   * Requirements} for the search along the type hierarchy.
   */
  static boolean enforced(Method method) {
    if (method.getDeclaringClass() == Object.class || method.isSynthetic() || method.isBridge()) {
      return false;
    }
    if (Requirements.filteringMethod(method) != null) {
      return true;
    }
    Requirements.Kind kind = Requirements.kind(method);
    if (kind != Requirements.Kind.RELATIONS && kind != Requirements.Kind.AUTHENTICATED_ONLY) {
      return false;
    }
    Method source = Requirements.declaringMethod(method);
    if (source != null) {
      MergedAnnotations own =
          MergedAnnotations.from(source, MergedAnnotations.SearchStrategy.DIRECT);
      if (own.isPresent(RequiresRelation.class)
          || own.isPresent(RequiresRelations.class)
          || own.isPresent(AuthenticatedOnly.class)) {
        return true;
      }
    }
    int modifiers = method.getModifiers();
    return Modifier.isPublic(modifiers) && !Modifier.isStatic(modifiers);
  }

  /** The plan of {@code method}, or problems described in {@code problems} and null. */
  static @Nullable MethodPlan compile(
      Method method, AuthorizationModel model, List<String> problems) {
    int before = problems.size();
    String contradiction = Requirements.contradiction(method);
    if (contradiction != null) {
      problems.add(contradiction);
    }
    int modifiers = method.getModifiers();
    if (Modifier.isPrivate(modifiers)
        || Modifier.isStatic(modifiers)
        || Modifier.isFinal(modifiers)) {
      problems.add(describe(method) + " cannot be intercepted: it is private, static or final");
    }
    if (Modifier.isFinal(method.getDeclaringClass().getModifiers())) {
      problems.add(
          describe(method)
              + " cannot be intercepted: its class is final (CGLIB proxies subclass it)");
    }
    List<Requirement> requirements = new ArrayList<>();
    List<String> names = parameterNames(method, problems);
    Set<String> parameters = new TreeSet<>(names);
    for (RequiresRelation requirement : Requirements.of(method)) {
      String where =
          describe(method)
              + " @RequiresRelation(\""
              + requirement.value()
              + "\")"
              + inherited(method);
      String type = type(requirement.value(), requirement.type(), model, where, problems);
      SpelExpression on = expression(requirement.on(), parameters, where, problems);
      if (type != null && on != null) {
        requirements.add(new Requirement(requirement.value(), type, on, argument(on, names)));
      }
    }
    ResultFilter filter = filter(method, model, problems);
    if (problems.size() > before) {
      return null;
    }
    return new MethodPlan(
        method,
        List.copyOf(names),
        Requirements.kind(method) == Requirements.Kind.RELATIONS,
        List.copyOf(requirements),
        filter);
  }

  private static @Nullable ResultFilter filter(
      Method method, AuthorizationModel model, List<String> problems) {
    Method source = Requirements.filteringMethod(method);
    if (source == null) {
      return null;
    }
    MergedAnnotation<FilterByRelation> merged =
        MergedAnnotations.from(source, MergedAnnotations.SearchStrategy.DIRECT)
            .get(FilterByRelation.class);
    FilterByRelation annotation = merged.synthesize();
    String where =
        describe(method)
            + " @FilterByRelation(\""
            + annotation.value()
            + "\")"
            + (source == method ? "" : " (declared on " + describe(source) + ")");
    if (!FILTERABLE.contains(method.getReturnType())) {
      problems.add(
          where
              + ": the method returns "
              + method.getReturnType().getName()
              + "; it must return List, Set or Collection");
    }
    String type = type(annotation.value(), annotation.type(), model, where, problems);
    Expression id = expression(annotation.id(), ELEMENT_VARIABLES, where, problems);
    return type == null || id == null
        ? null
        : new ResultFilter(annotation.value(), type, id, method.getReturnType() == Set.class);
  }

  private static @Nullable String type(
      String relation,
      String declaredType,
      AuthorizationModel model,
      String where,
      List<String> problems) {
    if (!declaredType.isEmpty()) {
      if (model.type(declaredType) == null) {
        problems.add(where + ": type '" + declaredType + "' is not in the model");
        return null;
      }
      if (model.relation(declaredType, relation) == null) {
        problems.add(
            where + ": relation '" + relation + "' does not exist on type '" + declaredType + "'");
        return null;
      }
      return declaredType;
    }
    List<String> types = new ArrayList<>();
    for (TypeDefinition definition : model.types().values()) {
      if (definition.relation(relation) != null) {
        types.add(definition.name());
      }
    }
    if (types.size() == 1) {
      return types.get(0);
    }
    problems.add(
        types.isEmpty()
            ? where + ": relation '" + relation + "' does not exist on any type of the model"
            : where
                + ": relation '"
                + relation
                + "' exists on several types "
                + types
                + "; set type");
    return null;
  }

  /**
   * The position of the parameter that {@code on} consists of ({@code #id}), or -1. {@code #this}
   * and {@code #root} mean something else to SpEL, so they are always evaluated.
   */
  private static int argument(SpelExpression on, List<String> parameters) {
    SpelNode node = on.getAST();
    if (!(node instanceof VariableReference) || node.getChildCount() != 0) {
      return -1;
    }
    String name = node.toStringAST().substring(1);
    return ELEMENT_VARIABLES.contains(name) ? -1 : parameters.indexOf(name);
  }

  private static @Nullable SpelExpression expression(
      String on, Set<String> parameters, String where, List<String> problems) {
    SpelExpression expression;
    try {
      expression = PARSER.parseRaw(on);
    } catch (ParseException | IllegalStateException e) {
      problems.add(where + ": on = \"" + on + "\" does not parse: " + e.getMessage());
      return null;
    }
    int before = problems.size();
    check(expression.getAST(), on, parameters, where, problems);
    return problems.size() > before ? null : expression;
  }

  private static void check(
      SpelNode node, String on, Set<String> parameters, String where, List<String> problems) {
    if (node instanceof TypeReference
        || node instanceof BeanReference
        || node instanceof MethodReference
        || node instanceof ConstructorReference
        || node instanceof FunctionReference
        || node instanceof Assign
        || node instanceof Projection
        || node instanceof Selection) {
      problems.add(
          where
              + ": on = \""
              + on
              + "\" may only read method parameters and their properties, not "
              + node.toStringAST());
      return;
    }
    if (node instanceof VariableReference) {
      String name = node.toStringAST().substring(1);
      if (!parameters.contains(name)) {
        problems.add(
            where + ": on = \"" + on + "\" names #" + name + ", not a parameter " + parameters);
      }
    }
    for (int i = 0; i < node.getChildCount(); i++) {
      check(node.getChild(i), on, parameters, where, problems);
    }
  }

  /**
   * The parameter names {@code on} expressions see: those of the method that declares the
   * requirements when it is another one (an interface method) and was compiled with {@code
   * -parameters}, otherwise those of {@code method}.
   */
  private static List<String> parameterNames(Method method, List<String> problems) {
    Method source = Requirements.declaringMethod(method);
    if (source != null && source != method) {
      List<String> names = names(source);
      if (names != null) {
        return names;
      }
    }
    List<String> names = names(method);
    if (names == null) {
      problems.add(describe(method) + ": parameter names are missing; compile with -parameters");
      return List.of();
    }
    return names;
  }

  private static @Nullable List<String> names(Method method) {
    List<String> names = new ArrayList<>();
    for (Parameter parameter : method.getParameters()) {
      if (!parameter.isNamePresent()) {
        return null;
      }
      names.add(parameter.getName());
    }
    return names;
  }

  /** Where a requirement of {@code method} is declared when it is not on the method itself. */
  private static String inherited(Method method) {
    Method source = Requirements.declaringMethod(method);
    return source == null || source == method ? "" : " (declared on " + describe(source) + ")";
  }

  static String describe(Method method) {
    return method.getDeclaringClass().getName() + "." + method.getName();
  }
}
