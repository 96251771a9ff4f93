package dev.tandem.core.tuple;

import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.model.ConditionDefinition;
import dev.tandem.core.model.ConditionParameterType;
import dev.tandem.core.model.RelationDefinition;
import dev.tandem.core.model.RelationReference;
import dev.tandem.core.model.Rewrite;
import dev.tandem.core.model.TypeDefinition;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds authorization models by hand, as records, for tests that cannot parse the DSL. */
final class TestModels {

  private TestModels() {}

  static AuthorizationModel model(TypeDefinition... types) {
    return model(List.of(types), List.of());
  }

  static AuthorizationModel model(
      List<TypeDefinition> types, List<ConditionDefinition> conditions) {
    return new AuthorizationModel(
        "",
        "1.1",
        byName(types, TypeDefinition::name),
        byName(conditions, ConditionDefinition::name));
  }

  static TypeDefinition type(String name, RelationDefinition... relations) {
    return new TypeDefinition(name, byName(Arrays.asList(relations), RelationDefinition::name));
  }

  /** {@code define name: [restrictions]}. */
  static RelationDefinition direct(String name, String... restrictions) {
    return relation(name, new Rewrite.This(), restrictions);
  }

  /** {@code define name: rewrite}, with restrictions when the rewrite has a direct part. */
  static RelationDefinition relation(String name, Rewrite rewrite, String... restrictions) {
    return new RelationDefinition(
        name, rewrite, Arrays.stream(restrictions).map(TestModels::restriction).toList());
  }

  /** {@code [restrictions] but not subtracted}. */
  static RelationDefinition butNot(String name, String subtracted, String... restrictions) {
    return relation(
        name,
        new Rewrite.Difference(new Rewrite.This(), new Rewrite.ComputedUserset(subtracted)),
        restrictions);
  }

  /** {@code computed from tupleset}. */
  static RelationDefinition from(String name, String computed, String tupleset) {
    return relation(name, new Rewrite.TupleToUserset(tupleset, computed));
  }

  /**
   * A restriction in DSL spelling: {@code user}, {@code group#member}, {@code user:*}, each with an
   * optional {@code with cond}.
   */
  static RelationReference restriction(String spec) {
    String[] parts = spec.split(" with ");
    String base = parts[0];
    RelationReference reference;
    if (base.endsWith(":*")) {
      reference = RelationReference.wildcard(base.substring(0, base.length() - 2));
    } else if (base.contains("#")) {
      reference =
          RelationReference.userset(
              base.substring(0, base.indexOf('#')), base.substring(base.indexOf('#') + 1));
    } else {
      reference = RelationReference.direct(base);
    }
    return parts.length > 1 ? reference.withCondition(parts[1]) : reference;
  }

  /** A condition with parameters given as name, type, name, type... */
  static ConditionDefinition condition(String name, Object... parameters) {
    Map<String, ConditionParameterType> declared = new LinkedHashMap<>();
    for (int i = 0; i < parameters.length; i += 2) {
      declared.put((String) parameters[i], (ConditionParameterType) parameters[i + 1]);
    }
    return new ConditionDefinition(name, "true", declared);
  }

  static ConditionParameterType param(ConditionParameterType.TypeName name) {
    return ConditionParameterType.of(name);
  }

  static ConditionParameterType param(
      ConditionParameterType.TypeName name, ConditionParameterType element) {
    return new ConditionParameterType(name, List.of(element));
  }

  private static <T> Map<String, T> byName(List<T> values, Function<T, String> name) {
    return values.stream()
        .collect(Collectors.toMap(name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
  }
}
