package dev.tandem.jakarta;

import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.model.TypeDefinition;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Checks route rules against the authorization model, so that a misspelt type or relation fails
 * when the filter is built instead of on every request to its route.
 */
final class ModelCheck {

  private ModelCheck() {}

  /**
   * One line per requirement whose type is not in {@code model} or whose relation is not defined on
   * its type, naming the rule as written and what the model offers instead; empty when every rule
   * fits.
   */
  static List<String> problems(RouteRules rules, AuthorizationModel model) {
    List<String> problems = new ArrayList<>();
    for (Route route : rules.routes()) {
      for (Requirement requirement : route.requirements()) {
        String problem = problem(requirement, model);
        if (problem != null) {
          problems.add("route '" + route + "': " + problem);
        }
      }
    }
    return problems;
  }

  private static @Nullable String problem(Requirement requirement, AuthorizationModel model) {
    TypeDefinition type = model.type(requirement.type());
    if (type == null) {
      return "type '"
          + requirement.type()
          + "' is not in the model ("
          + (model.types().isEmpty()
              ? "the model has no types"
              : "its types: " + String.join(", ", model.types().keySet()))
          + ")";
    }
    if (type.relation(requirement.relation()) == null) {
      return "relation '"
          + requirement.relation()
          + "' is not defined on type '"
          + type.name()
          + "' ("
          + (type.relations().isEmpty()
              ? "the type has no relations"
              : "its relations: " + String.join(", ", type.relations().keySet()))
          + ")";
    }
    return null;
  }
}
