package dev.tandem.testkit;

import dev.tandem.core.ErrorCode;
import dev.tandem.core.FgaNotFoundException;
import dev.tandem.core.FgaUnavailableException;
import dev.tandem.core.FgaValidationException;
import dev.tandem.core.client.Consistency;
import dev.tandem.core.client.WriteRequest;
import dev.tandem.core.conformance.ConformanceBackend;
import dev.tandem.core.conformance.ConformanceSuite.Extras;
import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.engine.ListObjectsRequest;
import dev.tandem.core.engine.ListUsersRequest;
import dev.tandem.core.internal.http.AdminJson;
import dev.tandem.core.internal.http.DataJson;
import dev.tandem.core.internal.http.ErrorJson;
import dev.tandem.core.internal.http.Json;
import dev.tandem.core.internal.http.QueryJson;
import dev.tandem.core.model.ModelDsl;
import dev.tandem.core.tuple.TupleKey;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The conformance backend over OpenFGA's HTTP API: java.net.http and core's codec, nothing else, so
 * that it can drive any OpenFGA-compatible server. Error bodies become the exceptions the runner
 * expects: 400 a {@link FgaValidationException} with the body's code.
 */
final class HttpConformanceBackend implements ConformanceBackend {

  private static final QueryJson.Options LATEST =
      new QueryJson.Options(null, Consistency.UNSPECIFIED);

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI base;

  HttpConformanceBackend(URI base) {
    this.base = base;
  }

  @Override
  public Store newStore() {
    String id = DataJson.readStore(post("/stores", AdminJson.writeCreateStore("conformance"))).id();
    String path = "/stores/" + id;
    return new Store() {
      @Override
      public void writeModel(String dsl) {
        post(path + "/authorization-models", AdminJson.writeModel(ModelDsl.parse(dsl)));
      }

      @Override
      public void writeTuples(List<TupleKey> tuples) {
        post(path + "/write", DataJson.writeWrite(new WriteRequest(tuples, List.of()), null));
      }

      @Override
      public boolean check(String object, String relation, String user, Extras extras) {
        CheckRequest request =
            new CheckRequest(object, relation, user, extras.contextualTuples(), extras.context());
        return QueryJson.readCheckResponse(
            post(path + "/check", QueryJson.writeCheck(request, LATEST)));
      }

      @Override
      public Set<String> listObjects(String type, String relation, String user, Extras extras) {
        ListObjectsRequest request =
            new ListObjectsRequest(
                type, relation, user, extras.contextualTuples(), extras.context());
        return QueryJson.readListObjectsResponse(
            post(path + "/list-objects", QueryJson.writeListObjects(request, LATEST)));
      }

      @Override
      public Set<String> listUsers(
          String object, String relation, List<String> filters, Extras extras) {
        ListUsersRequest request =
            new ListUsersRequest(
                object, relation, filters, extras.contextualTuples(), extras.context());
        return QueryJson.readListUsersResponse(
            post(path + "/list-users", QueryJson.writeListUsers(request, LATEST)));
      }
    };
  }

  private JsonNode post(String path, ObjectNode body) {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path))
            .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
            .header("Content-Type", "application/json")
            .build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new FgaUnavailableException("POST " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FgaUnavailableException("interrupted", e);
    }
    int status = response.statusCode();
    if (status / 100 == 2) {
      return Json.parseObject(response.body());
    }
    ErrorJson.Error error = ErrorJson.read(response.body());
    if (status == 400) {
      throw new FgaValidationException(
          ErrorCode.fromApiName(error.code()).orElse(ErrorCode.VALIDATION_ERROR), error.message());
    }
    if (status == 404) {
      throw new FgaNotFoundException(error.message());
    }
    throw new FgaUnavailableException(
        "HTTP " + status + " from POST " + path + ": " + response.body());
  }
}
