package dev.tandem.core.model;

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
   * Parses a model from DSL text.
   *
   * @throws InvalidModelException listing every syntax error, with 0-based line and column
   */
  public static AuthorizationModel parse(String dsl) {
    return DslParser.parse(dsl);
  }

  /** Writes a model as OpenFGA DSL, formatted as OpenFGA's own transformer formats it. */
  public static String write(AuthorizationModel model) {
    return DslWriter.write(model);
  }
}
