package dev.tandem.core.internal.condition;

import dev.tandem.core.ErrorCode;
import dev.tandem.core.FgaValidationException;
import dev.tandem.core.model.ConditionDefinition;
import dev.tandem.core.model.InvalidModelException;
import dev.tandem.core.model.ModelProblem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The conditions of one authorization model, each compiled once to a CEL program.
 *
 * <p>Instances are immutable and safe to share between threads; evaluation compiles nothing.
 *
 * <p>Semantics follow OpenFGA:
 *
 * <ul>
 *   <li>The context of an evaluation is the request context overlaid with the tuple's stored
 *       context: a parameter present in both takes the tuple's value.
 *   <li>Each value is converted to its parameter's declared type: {@code int} and {@code uint}
 *       accept integral numbers and numeric strings in range; {@code double} accepts numbers and
 *       numeric strings exactly representable as a double; {@code bool} and {@code string} accept
 *       only that JSON type; {@code duration} a Go duration string such as {@code 1h30m}; {@code
 *       timestamp} an RFC 3339 string; {@code ipaddress} an IPv4 or IPv6 address string; {@code
 *       list<T>} and {@code map<T>} a list or a string-keyed map whose items convert to {@code T};
 *       {@code any} any value, with numbers as doubles (as in a protobuf {@code Struct}). {@code
 *       java.time.Instant} and {@code java.time.Duration} values are accepted as well. A null value
 *       is accepted only by {@code any}.
 *   <li>A declared parameter absent from both contexts makes the outcome {@link
 *       ConditionOutcome.MissingParameters}, whatever the expression would give without it. Context
 *       entries that are not parameters are ignored.
 * </ul>
 */
public final class CompiledConditions {

  private static final CompiledConditions NONE = new CompiledConditions(Map.of());

  private final Map<String, CompiledCondition> conditions;

  private CompiledConditions(Map<String, CompiledCondition> conditions) {
    this.conditions = conditions;
  }

  /**
   * Compiles every condition of a model.
   *
   * @param conditions the model's conditions by name
   * @return the compiled conditions
   * @throws InvalidModelException listing one problem per condition whose expression does not
   *     compile, references an undeclared parameter, does not return {@code bool}, or has a
   *     malformed parameter type
   */
  public static CompiledConditions compile(Map<String, ConditionDefinition> conditions) {
    if (conditions.isEmpty()) {
      return NONE;
    }
    Map<String, CompiledCondition> compiled = new LinkedHashMap<>();
    List<ModelProblem> problems = new ArrayList<>();
    for (Map.Entry<String, ConditionDefinition> entry : conditions.entrySet()) {
      try {
        compiled.put(entry.getKey(), ConditionCompiler.compile(entry.getKey(), entry.getValue()));
      } catch (IllegalArgumentException e) {
        problems.add(ModelProblem.unpositioned(e.getMessage(), null, entry.getKey()));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidModelException(problems);
    }
    return new CompiledConditions(Collections.unmodifiableMap(compiled));
  }

  /** The compiled conditions of a model that has none. */
  public static CompiledConditions none() {
    return NONE;
  }

  /** Whether the model defines a condition with this name. */
  public boolean contains(String name) {
    return conditions.containsKey(name);
  }

  /** The names of the model's conditions. */
  public Set<String> names() {
    return conditions.keySet();
  }

  /**
   * Evaluates a condition for one tuple.
   *
   * @param name the condition named by the tuple
   * @param tupleContext the context stored with the tuple; its values take precedence
   * @param requestContext the context sent with the request
   * @return whether the condition is met, or which declared parameters have no value
   * @throws FgaValidationException with {@link ErrorCode#VALIDATION_ERROR} when {@code name} is not
   *     a condition of the model, when a value cannot be converted to its parameter's type (the
   *     message names the condition and the parameter), when context is given to a condition
   *     without parameters, or when evaluation fails at run time (such as a malformed CIDR)
   */
  public ConditionOutcome evaluate(
      String name,
      Map<String, ? extends @Nullable Object> tupleContext,
      Map<String, ? extends @Nullable Object> requestContext) {
    CompiledCondition condition = conditions.get(name);
    if (condition == null) {
      throw new FgaValidationException(
          ErrorCode.VALIDATION_ERROR,
          "failed to evaluate relationship condition '" + name + "': condition was not found");
    }
    return condition.evaluate(tupleContext, requestContext);
  }

  @Override
  public String toString() {
    return "CompiledConditions" + conditions.keySet();
  }
}
