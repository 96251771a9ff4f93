package dev.tandem.core.internal.condition;

import dev.tandem.core.model.ConditionDefinition;
import dev.tandem.core.model.ConditionParameterType;
import dev.tandem.core.model.ConditionParameterType.TypeName;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds condition definitions from DSL-like text in tests. */
final class TestConditions {

  private TestConditions() {}

  /**
   * A compiled model holding one condition, e.g. {@code single("c", "x < 10", "x: int")}.
   *
   * @param parameters {@code name: type} pairs in DSL syntax
   */
  static CompiledConditions single(String name, String expression, String... parameters) {
    return CompiledConditions.compile(Map.of(name, condition(name, expression, parameters)));
  }

  /** A condition definition; parameters as {@code name: type} in DSL syntax. */
  static ConditionDefinition condition(String name, String expression, String... parameters) {
    Map<String, ConditionParameterType> declared = new LinkedHashMap<>();
    for (String parameter : parameters) {
      int colon = parameter.indexOf(':');
      declared.put(
          parameter.substring(0, colon).trim(), type(parameter.substring(colon + 1).trim()));
    }
    return new ConditionDefinition(name, expression, declared);
  }

  /** Parses a DSL type such as {@code map<list<int>>}. */
  static ConditionParameterType type(String dsl) {
    int open = dsl.indexOf('<');
    if (open < 0) {
      return ConditionParameterType.of(typeName(dsl));
    }
    if (!dsl.endsWith(">")) {
      throw new IllegalArgumentException("unbalanced type: " + dsl);
    }
    return new ConditionParameterType(
        typeName(dsl.substring(0, open)),
        List.of(type(dsl.substring(open + 1, dsl.length() - 1).trim())));
  }

  private static TypeName typeName(String dsl) {
    return Arrays.stream(TypeName.values())
        .filter(t -> t.dslName().equals(dsl.trim()))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown type: " + dsl));
  }
}
