package dev.tandem.core.internal.condition;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelTypes;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.tandem.core.model.ConditionDefinition;
import dev.tandem.core.model.ConditionParameterType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Compiles condition expressions with a CEL environment equivalent to OpenFGA's (cel-go's standard
 * library and macros, plus {@link IpAddressFunctions}).
 *
 * <p>The executed program is checked with cross-type numeric comparisons enabled: cel-go compares
 * an {@code int} with a {@code double} held in an {@code any} value at run time, and CEL-Java does
 * so only for expressions checked with that option. cel-go's checker has the option off, so {@code
 * int_param > 0.0} is a type error in OpenFGA; when the check picked a cross-type overload, the
 * expression is checked again with the option off, so that a model is accepted exactly when OpenFGA
 * accepts it.
 */
final class ConditionCompiler {

  private static final CelOptions CEL_GO_DEFAULTS = CelOptions.current().build();

  private static final CelOptions RUNTIME_OPTIONS =
      CelOptions.current().enableHeterogeneousNumericComparisons(true).build();

  /** Overloads such as {@code greater_int64_double}, which only the cross-type option declares. */
  private static final Pattern CROSS_TYPE_OVERLOAD =
      Pattern.compile(".*_(int64|uint64|double)_(int64|uint64|double)");

  private static final CelCompiler VALIDATING = baseCompiler(CEL_GO_DEFAULTS);
  private static final CelCompiler EXECUTING = baseCompiler(RUNTIME_OPTIONS);

  private static final CelRuntime RUNTIME =
      CelRuntimeFactory.standardCelRuntimeBuilder()
          .setOptions(RUNTIME_OPTIONS)
          .addFunctionBindings(IpAddressFunctions.bindings())
          .build();

  private ConditionCompiler() {}

  private static CelCompiler baseCompiler(CelOptions options) {
    return CelCompilerFactory.standardCelCompilerBuilder()
        .setOptions(options)
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .addFunctionDeclarations(IpAddressFunctions.declarations())
        .build();
  }

  /**
   * Compiles one condition.
   *
   * @throws IllegalArgumentException with OpenFGA's wording when a parameter type is malformed, the
   *     expression does not compile (syntax, undeclared parameter, type error) or does not return
   *     {@code bool}
   */
  static CompiledCondition compile(String name, ConditionDefinition definition) {
    Map<String, ParameterType> parameters = new LinkedHashMap<>();
    for (Map.Entry<String, ConditionParameterType> parameter : definition.parameters().entrySet()) {
      try {
        parameters.put(parameter.getKey(), ParameterType.decode(parameter.getValue()));
      } catch (IllegalArgumentException e) {
        throw failure(
            name,
            "failed to decode parameter type for parameter '"
                + parameter.getKey()
                + "': "
                + e.getMessage());
      }
    }
    CelAbstractSyntaxTree ast = check(name, definition.expression(), parameters, EXECUTING);
    boolean crossTypeComparison =
        ast.getReferenceMap().values().stream()
            .flatMap(reference -> reference.overloadIds().stream())
            .anyMatch(overload -> CROSS_TYPE_OVERLOAD.matcher(overload).matches());
    if (crossTypeComparison) {
      check(name, definition.expression(), parameters, VALIDATING);
    }
    try {
      return new CompiledCondition(name, parameters, RUNTIME.createProgram(ast));
    } catch (CelEvaluationException e) {
      throw failure(name, "condition expression construction: " + e.getMessage());
    }
  }

  private static CelAbstractSyntaxTree check(
      String name, String expression, Map<String, ParameterType> parameters, CelCompiler base) {
    CelCompilerBuilder builder = base.toCompilerBuilder();
    parameters.forEach((parameter, type) -> builder.addVar(parameter, type.celType()));
    CelValidationResult result = builder.build().compile(expression, name);
    CelAbstractSyntaxTree ast;
    try {
      ast = result.getAst();
    } catch (CelValidationException e) {
      throw failure(name, result.getErrorString());
    }
    if (!ast.getResultType().equals(SimpleType.BOOL)) {
      throw failure(
          name,
          "expected a bool condition expression output, but got '"
              + CelTypes.format(ast.getResultType())
              + "'");
    }
    return ast;
  }

  private static IllegalArgumentException failure(String name, String cause) {
    return new IllegalArgumentException(
        "failed to compile expression on condition '" + name + "': " + cause);
  }
}
