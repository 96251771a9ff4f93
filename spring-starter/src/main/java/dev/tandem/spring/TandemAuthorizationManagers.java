package dev.tandem.spring;

import dev.tandem.core.model.AuthorizationModel;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Makes {@link AuthorizationManager}s deciding HTTP requests with Tandem, for {@code
 * authorizeHttpRequests}:
 *
 * <pre>{@code
 * http.authorizeHttpRequests(requests -> requests
 *     .requestMatchers("/projects/{projectId}/**")
 *     .access(tandem.relation("can_view", "project", "projectId")));
 * }</pre>
 *
 * <p>The managers deny when the path variable is missing or not one valid id, when there is no
 * actor, and when any principal lacks the relation or the backend cannot answer.
 */
public final class TandemAuthorizationManagers {

  private final TandemFga fga;
  private final Supplier<AuthorizationModel> model;

  TandemAuthorizationManagers(TandemFga fga, Supplier<AuthorizationModel> model) {
    this.fga = fga;
    this.model = model;
  }

  /**
   * A manager granting when the current actor holds {@code relation} on the {@code type} object
   * whose id is the path variable {@code variable}.
   *
   * @throws IllegalArgumentException when the model has no {@code relation} on {@code type}
   */
  public AuthorizationManager<RequestAuthorizationContext> relation(
      String relation, String type, String variable) {
    Objects.requireNonNull(relation, "relation");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(variable, "variable");
    if (model.get().relation(type, relation) == null) {
      throw new IllegalArgumentException(
          "relation '" + relation + "' does not exist on type '" + type + "' of the model");
    }
    return (authentication, context) -> {
      Map<String, String> variables = context.getVariables();
      Object id = variables == null ? null : variables.get(variable);
      return new AuthorizationDecision(fga.check(id, relation, type));
    };
  }
}
