package dev.tandem.core.client;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.tandem.core.internal.http.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers a batch-check request item by item, keyed by the checked object: {@code doc:allowed*}
 * allowed, {@code doc:denied*} denied, {@code doc:invalid*} an input error, {@code doc:internal*}
 * an internal error, {@code doc:missing*} left out of the answer, {@code doc:string*} a string
 * {@code "true"}; anything else denied.
 */
final class BatchAnswers implements ResponseDefinitionTransformerV2 {

  static final String NAME = "batch-answers";

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    ObjectNode request = Json.parseObject(serveEvent.getRequest().getBodyAsString());
    ObjectNode body = Json.object();
    ObjectNode result = body.putObject("result");
    for (JsonNode check : request.get("checks")) {
      String id = check.get("correlation_id").asString();
      String object = check.get("tuple_key").get("object").asString();
      if (object.startsWith("doc:allowed")) {
        result.putObject(id).put("allowed", true);
      } else if (object.startsWith("doc:invalid")) {
        result
            .putObject(id)
            .putObject("error")
            .put("input_error", "relation_not_found")
            .put("message", "relation not found");
      } else if (object.startsWith("doc:internal")) {
        result
            .putObject(id)
            .putObject("error")
            .put("internal_error", "internal_error")
            .put("message", "boom");
      } else if (object.startsWith("doc:string")) {
        result.putObject(id).put("allowed", "true");
      } else if (!object.startsWith("doc:missing")) {
        result.putObject(id).put("allowed", false);
      }
    }
    return ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition())
        .but()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(Json.write(body))
        .build();
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public String getName() {
    return NAME;
  }
}
