package dev.tandem.core.engine.differential;

import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.model.ConditionDefinition;
import dev.tandem.core.model.RelationDefinition;
import dev.tandem.core.model.RelationReference;
import dev.tandem.core.model.Rewrite;
import dev.tandem.core.model.TypeDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes a model in the OpenFGA DSL, for failure messages. */
final class ModelPrinter {

  private ModelPrinter() {}

  static String print(AuthorizationModel model) {
    StringBuilder out = new StringBuilder("model\n  schema 1.1\n");
    for (TypeDefinition type : model.types().values()) {
      out.append("type ").append(type.name()).append('\n');
      if (type.relations().isEmpty()) {
        continue;
      }
      out.append("  relations\n");
      for (RelationDefinition relation : type.relations().values()) {
        out.append("    define ")
            .append(relation.name())
            .append(": ")
            .append(rewrite(relation, relation.rewrite(), true))
            .append('\n');
      }
    }
    for (ConditionDefinition condition : model.conditions().values()) {
      List<String> parameters = new ArrayList<>();
      for (Map.Entry<String, ?> parameter : condition.parameters().entrySet()) {
        parameters.add(parameter.getKey() + ": " + parameter.getValue());
      }
      out.append("condition ")
          .append(condition.name())
          .append('(')
          .append(String.join(", ", parameters))
          .append(") {\n  ")
          .append(condition.expression())
          .append("\n}\n");
    }
    return out.toString();
  }

  private static String rewrite(RelationDefinition relation, Rewrite rewrite, boolean top) {
    if (rewrite instanceof Rewrite.This) {
      List<String> restrictions = new ArrayList<>();
      for (RelationReference reference : relation.directlyRelatedUserTypes()) {
        restrictions.add(reference.toString());
      }
      return "[" + String.join(", ", restrictions) + "]";
    }
    if (rewrite instanceof Rewrite.ComputedUserset computed) {
      return computed.relation();
    }
    if (rewrite instanceof Rewrite.TupleToUserset ttu) {
      return ttu.computedRelation() + " from " + ttu.tupleset();
    }
    String text;
    if (rewrite instanceof Rewrite.Union union) {
      text = join(relation, union.children(), " or ");
    } else if (rewrite instanceof Rewrite.Intersection intersection) {
      text = join(relation, intersection.children(), " and ");
    } else {
      Rewrite.Difference difference = (Rewrite.Difference) rewrite;
      text =
          rewrite(relation, difference.base(), false)
              + " but not "
              + rewrite(relation, difference.subtract(), false);
    }
    return top ? text : "(" + text + ")";
  }

  private static String join(RelationDefinition relation, List<Rewrite> children, String op) {
    List<String> parts = new ArrayList<>();
    for (Rewrite child : children) {
      parts.add(rewrite(relation, child, false));
    }
    return String.join(op, parts);
  }
}
