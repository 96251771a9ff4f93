package dev.tandem.core.internal.remote;

import feign.Headers;
import feign.Param;
import feign.Request;
import feign.RequestLine;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenFGA HTTP API endpoints the client uses, as a Feign interface. Bodies are JSON trees
 * written and read with the shared codec ({@code internal.http}); each call takes the {@link
 * Request.Options} of its attempt. Path parameters are percent-encoded, slashes included.
 */
@Headers("Accept: application/json")
interface OpenFgaApi {

  String JSON = "Content-Type: application/json";

  @RequestLine(value = "POST /stores/{storeId}/check", decodeSlash = false)
  @Headers(JSON)
  ObjectNode check(@Param("storeId") String storeId, ObjectNode body, Request.Options options);

  @RequestLine(value = "POST /stores/{storeId}/batch-check", decodeSlash = false)
  @Headers(JSON)
  ObjectNode batchCheck(@Param("storeId") String storeId, ObjectNode body, Request.Options options);

  @RequestLine(value = "POST /stores/{storeId}/list-objects", decodeSlash = false)
  @Headers(JSON)
  ObjectNode listObjects(
      @Param("storeId") String storeId, ObjectNode body, Request.Options options);

  @RequestLine(value = "POST /stores/{storeId}/list-users", decodeSlash = false)
  @Headers(JSON)
  ObjectNode listUsers(@Param("storeId") String storeId, ObjectNode body, Request.Options options);

  @RequestLine(value = "POST /stores/{storeId}/expand", decodeSlash = false)
  @Headers(JSON)
  ObjectNode expand(@Param("storeId") String storeId, ObjectNode body, Request.Options options);

  @RequestLine(value = "POST /stores/{storeId}/read", decodeSlash = false)
  @Headers(JSON)
  ObjectNode read(@Param("storeId") String storeId, ObjectNode body, Request.Options options);

  @RequestLine(value = "POST /stores/{storeId}/write", decodeSlash = false)
  @Headers(JSON)
  void write(@Param("storeId") String storeId, ObjectNode body, Request.Options options);

  @RequestLine(value = "POST /stores/{storeId}/authorization-models", decodeSlash = false)
  @Headers(JSON)
  ObjectNode writeModel(@Param("storeId") String storeId, ObjectNode body, Request.Options options);

  @RequestLine(value = "GET /stores/{storeId}/authorization-models/{modelId}", decodeSlash = false)
  ObjectNode readModel(
      @Param("storeId") String storeId, @Param("modelId") String modelId, Request.Options options);

  @RequestLine(
      value =
          "GET /stores/{storeId}/authorization-models?page_size={pageSize}"
              + "&continuation_token={token}",
      decodeSlash = false)
  ObjectNode readModels(
      @Param("storeId") String storeId,
      @Param("pageSize") int pageSize,
      @Param("token") @Nullable String continuationToken,
      Request.Options options);

  @RequestLine("POST /stores")
  @Headers(JSON)
  ObjectNode createStore(ObjectNode body, Request.Options options);

  @RequestLine(value = "GET /stores/{storeId}", decodeSlash = false)
  ObjectNode getStore(@Param("storeId") String storeId, Request.Options options);

  @RequestLine("GET /stores?continuation_token={token}")
  ObjectNode listStores(
      @Param("token") @Nullable String continuationToken, Request.Options options);

  @RequestLine(value = "DELETE /stores/{storeId}", decodeSlash = false)
  void deleteStore(@Param("storeId") String storeId, Request.Options options);
}
