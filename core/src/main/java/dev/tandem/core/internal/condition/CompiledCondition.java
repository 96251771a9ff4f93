package dev.tandem.core.internal.condition;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.tandem.core.ErrorCode;
import dev.tandem.core.FgaValidationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** One condition of a model, compiled to a CEL program; immutable and thread-safe. */
final class CompiledCondition {

  private final String name;
  private final String[] parameterNames;
  private final ParameterType[] parameterTypes;
  private final Map<String, Integer> parameterIndex;
  private final CelRuntime.Program program;

  CompiledCondition(
      String name, Map<String, ParameterType> parameters, CelRuntime.Program program) {
    this.name = name;
    this.parameterNames = parameters.keySet().toArray(String[]::new);
    this.parameterTypes = parameters.values().toArray(ParameterType[]::new);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < parameterNames.length; i++) {
      index.put(parameterNames[i], i);
    }
    this.parameterIndex = Map.copyOf(index);
    this.program = program;
  }

  /** See {@link CompiledConditions#evaluate}. */
  ConditionOutcome evaluate(
      Map<String, ? extends @Nullable Object> tupleContext,
      Map<String, ? extends @Nullable Object> requestContext) {
    if (parameterNames.length == 0 && (!tupleContext.isEmpty() || !requestContext.isEmpty())) {
      throw parameterError("no parameters defined for the condition");
    }
    Object[] values = new Object[parameterNames.length];
    @Nullable List<String> missing = null;
    for (int i = 0; i < parameterNames.length; i++) {
      String parameter = parameterNames[i];
      @Nullable Object raw = tupleContext.get(parameter);
      boolean present = raw != null || tupleContext.containsKey(parameter);
      if (!present) {
        raw = requestContext.get(parameter);
        present = raw != null || requestContext.containsKey(parameter);
      }
      if (!present) {
        if (missing == null) {
          missing = new ArrayList<>(parameterNames.length);
        }
        missing.add(parameter);
        continue;
      }
      try {
        values[i] = parameterTypes[i].convert(raw);
      } catch (IllegalArgumentException e) {
        throw parameterError(
            "failed to convert context parameter '" + parameter + "': " + e.getMessage());
      }
    }
    if (missing != null) {
      return new ConditionOutcome.MissingParameters(missing);
    }
    Object result;
    try {
      result = program.eval(variable -> resolve(variable, values));
    } catch (CelEvaluationException e) {
      throw new FgaValidationException(
          ErrorCode.VALIDATION_ERROR,
          "failed to evaluate relationship condition '"
              + name
              + "': failed to evaluate condition expression: "
              + e.getMessage(),
          e);
    }
    if (result instanceof Boolean met) {
      return ConditionOutcome.of(met);
    }
    throw new FgaValidationException(
        ErrorCode.VALIDATION_ERROR,
        "failed to evaluate relationship condition '" + name + "': the result is not a bool");
  }

  private Optional<Object> resolve(String variable, Object[] values) {
    Integer index = parameterIndex.get(variable);
    return index == null ? Optional.empty() : Optional.of(values[index]);
  }

  private FgaValidationException parameterError(String cause) {
    return new FgaValidationException(
        ErrorCode.VALIDATION_ERROR, "parameter type error on condition '" + name + "': " + cause);
  }
}
