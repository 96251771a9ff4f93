package dev.tandem.core.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a model in the OpenFGA DSL, character for character as OpenFGA's JSON-to-DSL transformer
 * does.
 *
 * <p>Types keep their order; relations, conditions and condition parameters are sorted by name. A
 * top-level operator is written bare and nested operators in parentheses; in a union or
 * intersection the direct assignment ({@code [user]}) moves to the front. A relation whose direct
 * assignment appears twice, or anywhere but first, cannot be written in the DSL and is rejected.
 */
final class DslWriter {

  /** Go's string order (UTF-8 bytes), which is code point order, as upstream sorts. */
  private static final Comparator<String> CODE_POINT_ORDER =
      (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
          int ca = a.codePointAt(i);
          int cb = b.codePointAt(j);
          if (ca != cb) {
            return Integer.compare(ca, cb);
          }
          i += Character.charCount(ca);
          j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
      };

  private DslWriter() {}

  /**
   * The DSL text of {@code model}.
   *
   * @throws InvalidModelException when a relation uses direct assignment in a way the DSL cannot
   *     express, or a condition's name differs from its key
   */
  static String write(AuthorizationModel model) {
    StringBuilder out = new StringBuilder("model\n  schema ").append(model.schemaVersion());
    out.append('\n');
    List<String> types = new ArrayList<>();
    for (TypeDefinition type : model.types().values()) {
      types.add("\n" + type(type));
    }
    out.append(String.join("\n", types));
    if (!types.isEmpty()) {
      out.append('\n');
    }
    for (String name : sorted(model.conditions().keySet())) {
      out.append('\n').append(condition(name, model.conditions().get(name)));
    }
    return out.toString();
  }

  private static String type(TypeDefinition type) {
    StringBuilder out = new StringBuilder("type ").append(type.name());
    if (!type.relations().isEmpty()) {
      out.append("\n  relations");
      for (String name : sorted(type.relations().keySet())) {
        out.append("\n    define ")
            .append(name)
            .append(": ")
            .append(relation(type.name(), type.relations().get(name)));
      }
    }
    return out.toString();
  }

  private static String relation(String type, RelationDefinition relation) {
    RelationWriter writer = new RelationWriter(relation.directlyRelatedUserTypes());
    Rewrite rewrite = relation.rewrite();
    String text;
    if (rewrite instanceof Rewrite.Union union) {
      text = writer.join(union.children(), " or ");
    } else if (rewrite instanceof Rewrite.Intersection intersection) {
      text = writer.join(intersection.children(), " and ");
    } else if (rewrite instanceof Rewrite.Difference difference) {
      text = writer.difference(difference);
    } else {
      text = writer.operand(rewrite);
    }
    if (writer.directAssignments == 0
        || (writer.directAssignments == 1 && directAssignmentFirst(rewrite))) {
      return text;
    }
    String message =
        "the '"
            + relation.name()
            + "' relation definition under the '"
            + type
            + "' type is not supported by the OpenFGA DSL syntax yet";
    throw new InvalidModelException(
        List.of(ModelProblem.unpositioned(message, null, relation.name())));
  }

  /**
   * Whether the (single) direct assignment of a rewrite comes first when written: a union or
   * intersection may hold it in any child, since the writer moves it to the front, but a difference
   * only in its base.
   */
  private static boolean directAssignmentFirst(Rewrite rewrite) {
    if (rewrite instanceof Rewrite.This) {
      return true;
    }
    if (rewrite instanceof Rewrite.Difference difference) {
      return directAssignmentFirst(difference.base());
    }
    List<Rewrite> children = List.of();
    if (rewrite instanceof Rewrite.Union union) {
      children = union.children();
    } else if (rewrite instanceof Rewrite.Intersection intersection) {
      children = intersection.children();
    }
    if (children.isEmpty()) {
      return false;
    }
    return children.stream().anyMatch(Rewrite.This.class::isInstance)
        || directAssignmentFirst(children.get(0));
  }

  /** Writes the operands of one relation, counting its direct assignments. */
  private static final class RelationWriter {

    private final List<RelationReference> directTypes;
    private int directAssignments;

    RelationWriter(List<RelationReference> directTypes) {
      this.directTypes = directTypes;
    }

    String join(List<Rewrite> children, String operator) {
      List<Rewrite> ordered = new ArrayList<>(children);
      for (int i = 0; i < ordered.size(); i++) {
        if (ordered.get(i) instanceof Rewrite.This) {
          ordered.add(0, ordered.remove(i));
          break;
        }
      }
      return ordered.stream().map(this::operand).collect(Collectors.joining(operator));
    }

    String difference(Rewrite.Difference difference) {
      return operand(difference.base()) + " but not " + operand(difference.subtract());
    }

    /** An operand: bare for a leaf, in parentheses for a nested operator. */
    String operand(Rewrite rewrite) {
      if (rewrite instanceof Rewrite.This) {
        directAssignments++;
        return directTypes.stream()
            .map(RelationReference::toString)
            .collect(Collectors.joining(", ", "[", "]"));
      }
      if (rewrite instanceof Rewrite.ComputedUserset computed) {
        return computed.relation();
      }
      if (rewrite instanceof Rewrite.TupleToUserset ttu) {
        return ttu.computedRelation() + " from " + ttu.tupleset();
      }
      if (rewrite instanceof Rewrite.Union union) {
        return "(" + join(union.children(), " or ") + ")";
      }
      if (rewrite instanceof Rewrite.Intersection intersection) {
        return "(" + join(intersection.children(), " and ") + ")";
      }
      if (rewrite instanceof Rewrite.Difference difference) {
        return "(" + difference(difference) + ")";
      }
      throw new IllegalStateException("unknown rewrite " + rewrite);
    }
  }

  private static String condition(String key, ConditionDefinition condition) {
    if (!key.equals(condition.name())) {
      String message =
          "condition key is `" + key + "` but nested name property is " + condition.name();
      throw new InvalidModelException(
          List.of(
              ModelProblem.unpositioned(
                  message, "different-nested-condition-name", condition.name())));
    }
    Map<String, ConditionParameterType> parameters = condition.parameters();
    String parameterList =
        sorted(parameters.keySet()).stream()
            .map(name -> name + ": " + parameters.get(name))
            .collect(Collectors.joining(", "));
    return "condition "
        + condition.name()
        + "("
        + parameterList
        + ") {\n  "
        + condition.expression()
        + "\n}\n";
  }

  private static List<String> sorted(Collection<String> names) {
    return names.stream().sorted(CODE_POINT_ORDER).toList();
  }
}
