package dev.tandem.testkit;

import java.util.List;

/**
 * The OpenFGA HTTP API operations that {@link OpenFgaTestServer} serves, named after their
 * operation ids in OpenFGA's API description, with their method and path template.
 */
public enum OpenFgaEndpoint {
  /** {@code GET /stores}. */
  LIST_STORES("GET", "/stores"),
  /** {@code POST /stores}. */
  CREATE_STORE("POST", "/stores"),
  /** {@code GET /stores/{store_id}}. */
  GET_STORE("GET", "/stores/{store_id}"),
  /** {@code DELETE /stores/{store_id}}. */
  DELETE_STORE("DELETE", "/stores/{store_id}"),
  /** {@code GET /stores/{store_id}/authorization-models}. */
  READ_AUTHORIZATION_MODELS("GET", "/stores/{store_id}/authorization-models"),
  /** {@code POST /stores/{store_id}/authorization-models}. */
  WRITE_AUTHORIZATION_MODEL("POST", "/stores/{store_id}/authorization-models"),
  /** {@code GET /stores/{store_id}/authorization-models/{id}}. */
  READ_AUTHORIZATION_MODEL("GET", "/stores/{store_id}/authorization-models/{id}"),
  /** {@code POST /stores/{store_id}/read}. */
  READ("POST", "/stores/{store_id}/read"),
  /** {@code POST /stores/{store_id}/write}. */
  WRITE("POST", "/stores/{store_id}/write"),
  /** {@code POST /stores/{store_id}/check}. */
  CHECK("POST", "/stores/{store_id}/check"),
  /** {@code POST /stores/{store_id}/batch-check}. */
  BATCH_CHECK("POST", "/stores/{store_id}/batch-check"),
  /** {@code POST /stores/{store_id}/list-objects}. */
  LIST_OBJECTS("POST", "/stores/{store_id}/list-objects"),
  /** {@code POST /stores/{store_id}/list-users}. */
  LIST_USERS("POST", "/stores/{store_id}/list-users"),
  /** {@code POST /stores/{store_id}/expand}. */
  EXPAND("POST", "/stores/{store_id}/expand");

  private final String method;
  private final String pathTemplate;
  private final List<String> segments;

  OpenFgaEndpoint(String method, String pathTemplate) {
    this.method = method;
    this.pathTemplate = pathTemplate;
    this.segments = List.of(pathTemplate.substring(1).split("/"));
  }

  /** The HTTP method, e.g. {@code POST}. */
  public String method() {
    return method;
  }

  /** The path template, e.g. {@code /stores/{store_id}/check}. */
  public String pathTemplate() {
    return pathTemplate;
  }

  /** The template's segments; a segment in braces matches any one path segment. */
  List<String> segments() {
    return segments;
  }

  @Override
  public String toString() {
    return method + " " + pathTemplate;
  }
}
