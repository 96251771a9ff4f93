package dev.tandem.core.model;

import dev.tandem.core.model.Rewrite.ComputedUserset;
import dev.tandem.core.model.Rewrite.Difference;
import dev.tandem.core.model.Rewrite.Intersection;
import dev.tandem.core.model.Rewrite.TupleToUserset;
import dev.tandem.core.model.Rewrite.Union;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * OpenFGA's semantic validation of an authorization model (schema 1.1), with upstream's messages
 * and error types ({@code missing-definition}, {@code relation-no-entry-point}, ...).
 *
 * <p>The phases and their order follow OpenFGA's language validator: names, then the schema
 * version; then, only if nothing is wrong so far, references, duplicates (if references are sound),
 * entry points (if still nothing is wrong) and conditions. What a parsed {@link AuthorizationModel}
 * cannot hold is read from the DSL source text: a relation or condition declared twice (a syntax
 * error upstream, so reported alone and first) and a type declared twice (a semantic one).
 */
final class ModelValidator {

  /** The type naming rule, as upstream prints it. */
  static final String TYPE_RULE = "^[^:#@\\*\\s]{1,254}$";

  /** The relation naming rule, as upstream prints it. */
  static final String RELATION_RULE = "^[^:#@\\*\\s]{1,50}$";

  /** 1.2 is 1.1 with modules; the combined model validates like 1.1. */
  private static final Set<String> SCHEMA_VERSIONS = Set.of("1.1", "1.2");

  private static final Set<String> RESERVED = Set.of("self", "this");
  private static final Pattern TYPE_NAME = Pattern.compile(TYPE_RULE);
  private static final Pattern RELATION_NAME = Pattern.compile(RELATION_RULE);

  private final AuthorizationModel model;
  private final @Nullable SourceText source;
  private final ValidationProblems problems;

  private ModelValidator(AuthorizationModel model, @Nullable String dslSource) {
    this.model = model;
    this.source = dslSource == null ? null : new SourceText(dslSource);
    this.problems = new ValidationProblems(source);
  }

  /**
   * The semantic problems of {@code model}; an empty list when it is valid.
   *
   * @param dslSource the DSL text the model was parsed from, used to find 0-based line and column
   *     of each problem and duplicated declarations; null for a model from JSON or code, whose
   *     problems are {@linkplain ModelProblem#unpositioned unpositioned}
   */
  static List<ModelProblem> validate(AuthorizationModel model, @Nullable String dslSource) {
    return new ModelValidator(model, dslSource).run();
  }

  private List<ModelProblem> run() {
    if (source != null) {
      // Upstream's parser rejects these before semantic validation starts.
      source
          .repeatedRelations()
          .forEach(r -> problems.repeatedRelation(r.type(), r.name(), r.line()));
      source.repeatedConditions().forEach(c -> problems.repeatedCondition(c.name(), c.line()));
      if (!problems.isEmpty()) {
        return problems.list();
      }
    }
    checkNames();
    String schema = model.schemaVersion();
    if (schema.isBlank()) {
      problems.schemaVersionRequired();
    } else if (!SCHEMA_VERSIONS.contains(schema)) {
      problems.invalidSchema(schema);
    } else if (problems.isEmpty()) {
      checkModel();
    }
    return problems.list();
  }

  private void checkNames() {
    for (TypeDefinition type : model.types().values()) {
      if (RESERVED.contains(type.name())) {
        problems.reservedTypeName(type.name());
      }
      if (!TYPE_NAME.matcher(type.name()).matches()) {
        problems.invalidTypeName(type.name(), TYPE_RULE);
      }
      for (RelationDefinition relation : type.relations().values()) {
        if (RESERVED.contains(relation.name())) {
          problems.reservedRelationName(type.name(), relation.name());
        } else if (!RELATION_NAME.matcher(relation.name()).matches()) {
          problems.invalidRelationName(type.name(), relation.name(), RELATION_RULE);
        }
      }
    }
  }

  private void checkModel() {
    ReferenceRules references = new ReferenceRules(model, problems);
    for (TypeDefinition type : model.types().values()) {
      for (RelationDefinition relation : type.relations().values()) {
        references.check(type, relation);
      }
    }
    if (problems.isEmpty()) {
      checkDuplicates();
    }
    if (problems.isEmpty()) {
      checkEntryPoints();
    }
    checkConditions();
  }

  /** Duplicated types, in source order, and duplicates inside relation definitions. */
  private void checkDuplicates() {
    List<String> declared =
        source == null
            ? List.copyOf(model.types().keySet())
            : source.typeDeclarations().stream().map(SourceText.Declaration::name).toList();
    Set<String> seen = new HashSet<>();
    for (String name : declared) {
      if (!seen.add(name)) {
        problems.duplicateType(name);
      } else if (model.type(name) != null) {
        checkDuplicatesIn(model.types().get(name));
      }
    }
    for (TypeDefinition type : model.types().values()) {
      if (!seen.contains(type.name())) {
        checkDuplicatesIn(type);
      }
    }
  }

  private void checkDuplicatesIn(TypeDefinition type) {
    for (RelationDefinition relation : type.relations().values()) {
      Set<String> restrictions = new HashSet<>();
      for (RelationReference restriction : relation.directlyRelatedUserTypes()) {
        if (!restrictions.add(restriction.toString())) {
          problems.duplicateRestriction(type.name(), relation.name(), restriction.toString());
        }
      }
      List<Rewrite> operands = List.of();
      if (relation.rewrite() instanceof Union union) {
        operands = union.children();
      } else if (relation.rewrite() instanceof Intersection intersection) {
        operands = intersection.children();
      } else if (relation.rewrite() instanceof Difference difference) {
        operands = List.of(difference.base(), difference.subtract());
      }
      Set<String> partials = new HashSet<>();
      for (Rewrite operand : operands) {
        String partial = partialName(operand);
        if (partial != null && !partials.add(partial)) {
          problems.duplicatePartialDefinition(type.name(), relation.name(), partial);
        }
      }
    }
  }

  /** How upstream names an operand: {@code rel} or {@code rel from tupleset}; else null. */
  private static @Nullable String partialName(Rewrite operand) {
    if (operand instanceof ComputedUserset computed) {
      return computed.relation();
    }
    if (operand instanceof TupleToUserset ttu) {
      return ttu.computedRelation() + " from " + ttu.tupleset();
    }
    return null;
  }

  private void checkEntryPoints() {
    EntryPoints entryPoints = new EntryPoints(model);
    for (TypeDefinition type : model.types().values()) {
      for (RelationDefinition relation : type.relations().values()) {
        EntryPoints.Result result = entryPoints.of(type.name(), relation.name());
        if (!result.hasEntry()) {
          problems.noEntryPoint(type.name(), relation.name(), result.loop());
        }
      }
    }
  }

  private void checkConditions() {
    Set<String> used = new HashSet<>();
    for (TypeDefinition type : model.types().values()) {
      for (RelationDefinition relation : type.relations().values()) {
        for (RelationReference restriction : relation.directlyRelatedUserTypes()) {
          if (restriction.condition() != null) {
            used.add(restriction.condition());
          }
        }
      }
    }
    for (Map.Entry<String, ConditionDefinition> condition : model.conditions().entrySet()) {
      if (!condition.getKey().equals(condition.getValue().name())) {
        problems.differentNestedConditionName(condition.getKey(), condition.getValue().name());
      }
      if (!used.contains(condition.getKey())) {
        problems.unusedCondition(condition.getKey());
      }
    }
  }
}
