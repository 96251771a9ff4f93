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
 * Bodies of CreateStore and of the authorization-model endpoints (WriteAuthorizationModel,
 * ReadAuthorizationModel, ReadAuthorizationModels), in both directions. Models use {@link
 * ModelJson}'s shape.
 */
public final class AdminJson {

  /** A page of authorization models, newest first. */
  public record ModelPage(List<AuthorizationModel> models, @Nullable String continuationToken) {
    public ModelPage {
      models = List.copyOf(models);
    }
  }

  private AdminJson() {}

  /** {@code {"name": "..."}}. */
  public static ObjectNode writeCreateStore(String name) {
    ObjectNode body = Json.object();
    body.put("name", name);
    return body;
  }

  public static String readCreateStore(JsonNode body) {
    return Json.requiredString(body, "name");
  }

  /** A WriteAuthorizationModel body: the model without its id. */
  public static ObjectNode writeModel(AuthorizationModel model) {
    ObjectNode body = ModelJson.toTree(model);
    body.remove("id");
    return body;
  }

  /**
   * The model of a WriteAuthorizationModel body.
   *
   * @throws InvalidModelException when the body is not shaped like a model
   */
  public static AuthorizationModel readModel(JsonNode body) {
    return ModelJson.fromTree(body);
  }

  /** {@code {"authorization_model_id": "..."}}, the WriteAuthorizationModel response. */
  public static ObjectNode writeModelId(String modelId) {
    ObjectNode body = Json.object();
    body.put("authorization_model_id", modelId);
    return body;
  }

  /** The new model's id, which must be a non-empty string. */
  public static String readModelId(JsonNode body) {
    String id = Json.requiredString(body, "authorization_model_id");
    if (id.isEmpty()) {
      throw new MalformedJsonException("'authorization_model_id' is empty");
    }
    return id;
  }

  /** {@code {"authorization_model": {...}}}, the ReadAuthorizationModel response. */
  public static ObjectNode writeModelResponse(AuthorizationModel model) {
    ObjectNode body = Json.object();
    body.set("authorization_model", ModelJson.toTree(model));
    return body;
  }

  public static AuthorizationModel readModelResponse(JsonNode body) {
    return storedModel(Json.requiredObject(body, "authorization_model"));
  }

  /** {@code {"authorization_models": [...], "continuation_token": ""}}. */
  public static ObjectNode writeModels(
      List<AuthorizationModel> models, @Nullable String continuationToken) {
    ObjectNode body = Json.object();
    ArrayNode array = body.putArray("authorization_models");
    for (AuthorizationModel model : models) {
      array.add(ModelJson.toTree(model));
    }
    body.put("continuation_token", continuationToken == null ? "" : continuationToken);
    return body;
  }

  public static ModelPage readModels(JsonNode body) {
    if (Json.optional(body, "authorization_models") == null) {
      throw new MalformedJsonException("'authorization_models' is missing");
    }
    List<AuthorizationModel> models = new ArrayList<>();
    for (JsonNode model : Json.optionalArray(body, "authorization_models")) {
      models.add(storedModel(model));
    }
    String token = Json.optionalString(body, "continuation_token");
    return new ModelPage(models, token == null || token.isEmpty() ? null : token);
  }

  /** A model read from a response: one that does not parse, or has no id, is a malformed answer. */
  private static AuthorizationModel storedModel(JsonNode node) {
    AuthorizationModel model;
    try {
      model = ModelJson.fromTree(node);
    } catch (InvalidModelException e) {
      throw new MalformedJsonException(
          "the authorization model is malformed: " + e.getMessage(), e);
    }
    if (model.id().isEmpty()) {
      throw new MalformedJsonException("the authorization model has no 'id'");
    }
    return model;
  }
}
