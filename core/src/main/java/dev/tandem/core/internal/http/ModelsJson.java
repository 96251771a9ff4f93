package dev.tandem.core.internal.http;

import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.model.InvalidModelException;
import dev.tandem.core.model.ModelJson;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bodies of the authorization-model endpoints (WriteAuthorizationModel, ReadAuthorizationModel,
 * ReadAuthorizationModels), in both directions. The model itself is {@link ModelJson}'s shape.
 */
public final class ModelsJson {

  /** A page of models, newest first. */
  public record ModelPage(List<AuthorizationModel> models, @Nullable String continuationToken) {}

  private ModelsJson() {}

  /** The WriteAuthorizationModel body: the model without its id. */
  public static ObjectNode writeModelRequest(AuthorizationModel model) {
    ObjectNode body = ModelJson.toTree(model);
    body.remove("id");
    return body;
  }

  /**
   * Reads a WriteAuthorizationModel body; any {@code id} in it is ignored.
   *
   * @throws InvalidModelException when the body is not shaped like a model
   */
  public static AuthorizationModel readModelRequest(JsonNode body) {
    return ModelJson.fromTree(body).withId("");
  }

  /** {@code {"authorization_model_id": id}}. */
  public static ObjectNode writeModelResponse(String modelId) {
    ObjectNode body = Json.object();
    body.put("authorization_model_id", modelId);
    return body;
  }

  /** The new model's id, which must be a non-empty string. */
  public static String readWriteModelResponse(JsonNode body) {
    String id = Json.requiredString(body, "authorization_model_id");
    if (id.isEmpty()) {
      throw new MalformedJsonException("'authorization_model_id' is empty");
    }
    return id;
  }

  /** {@code {"authorization_model": {...}}}. */
  public static ObjectNode writeReadModelResponse(AuthorizationModel model) {
    ObjectNode body = Json.object();
    body.set("authorization_model", ModelJson.toTree(model));
    return body;
  }

  /** The model of a ReadAuthorizationModel response, which must carry its id. */
  public static AuthorizationModel readReadModelResponse(JsonNode body) {
    return model(Json.requiredObject(body, "authorization_model"));
  }

  /** {@code {"authorization_models": [...], "continuation_token": "..."}}. */
  public static ObjectNode writeModelsResponse(
      List<AuthorizationModel> models, @Nullable String continuationToken) {
    ObjectNode body = Json.object();
    ArrayNode array = body.putArray("authorization_models");
    for (AuthorizationModel model : models) {
      array.add(ModelJson.toTree(model));
    }
    body.put("continuation_token", continuationToken == null ? "" : continuationToken);
    return body;
  }

  public static ModelPage readModelsResponse(JsonNode body) {
    if (Json.optional(body, "authorization_models") == null) {
      throw new MalformedJsonException("'authorization_models' is missing");
    }
    List<AuthorizationModel> models = new ArrayList<>();
    for (JsonNode model : Json.optionalArray(body, "authorization_models")) {
      models.add(model(model));
    }
    String token = Json.optionalString(body, "continuation_token");
    return new ModelPage(models, token == null || token.isEmpty() ? null : token);
  }

  private static AuthorizationModel model(JsonNode node) {
    AuthorizationModel model;
    try {
      model = ModelJson.fromTree(node);
    } catch (InvalidModelException e) {
      throw new MalformedJsonException("the authorization model is malformed: " + e.getMessage());
    }
    if (model.id().isEmpty()) {
      throw new MalformedJsonException("the authorization model has no 'id'");
    }
    return model;
  }
}
