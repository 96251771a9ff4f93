package dev.tandem.core.model;

import java.util.List;

/**
 * Reads authorization models written in the OpenFGA DSL (schema 1.1).
 *
 * <pre>{@code
 * AuthorizationModel model = ModelDsl.parse("""
 *     model
 *       schema 1.1
 *     type user
 *     type document
 *       relations
 *         define viewer: [user]
 *     """);
 * }</pre>
 */
public final class ModelDsl {

  private ModelDsl() {}

  /**
   * Parses a model from DSL text and validates it as OpenFGA does.
   *
   * @throws InvalidModelException listing the syntax errors or, for a model that parses, every
   *     semantic problem (an undefined relation, a relation no tuple could ever grant, ...), with
   *     0-based line and column
   */
  public static AuthorizationModel parse(String dsl) {
    AuthorizationModel model = DslParser.parse(dsl);
    List<ModelProblem> problems = ModelValidator.validate(model, dsl);
    if (!problems.isEmpty()) {
      throw new InvalidModelException(problems);
    }
    return model;
  }

  /** Writes a model as OpenFGA DSL, formatted as OpenFGA's own transformer formats it. */
  public static String write(AuthorizationModel model) {
    return DslWriter.write(model);
  }
}
