package dev.tandem.testkit;

import dev.tandem.core.internal.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** A small JSON-over-HTTP client for tests that look at statuses and bodies themselves. */
final class Http {

  /** A status, the body's text, and the headers that tests look at. */
  record Response(int status, String body, Optional<String> contentType, Optional<String> allow) {

    /** The body as a JSON object. */
    JsonNode json() {
      return Json.parseObject(body);
    }

    /** The {@code code} of an OpenFGA error body. */
    String code() {
      return json().get("code").asString();
    }
  }

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI base;

  Http(URI base) {
    this.base = base;
  }

  Response get(String path) {
    return send("GET", path, null);
  }

  Response delete(String path) {
    return send("DELETE", path, null);
  }

  Response post(String path, String json) {
    return send("POST", path, json);
  }

  Response send(String method, String path, String json) {
    HttpRequest.BodyPublisher body =
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json);
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path))
            .method(method, body)
            .header("Content-Type", "application/json")
            .build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(
          response.statusCode(),
          response.body(),
          response.headers().firstValue("Content-Type"),
          response.headers().firstValue("Allow"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Creates a store and returns its id. */
  String createStore(String name) {
    return post("/stores", "{\"name\": \"" + name + "\"}").json().get("id").asString();
  }

  /** Writes a model given as JSON and returns its id. */
  String writeModel(String storeId, String modelJson) {
    Response response = post("/stores/" + storeId + "/authorization-models", modelJson);
    if (response.status() != 201) {
      throw new IllegalStateException("model not written: " + response);
    }
    return response.json().get("authorization_model_id").asString();
  }
}
