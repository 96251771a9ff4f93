package dev.tandem.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client against the running app, as curl would be: no redirects followed, cookies
 * kept only when it stands for a browser.
 */
final class Http {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** An answer: status, headers, body. */
  record Answer(int status, HttpResponse<String> response) {

    String body() {
      return response.body();
    }

    JsonNode json() {
      return JSON.readTree(response.body());
    }

    @Nullable String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return status + " " + response.body();
    }
  }

  private final URI base;
  private final HttpClient client;

  private Http(URI base, HttpClient client) {
    this.base = base;
    this.client = client;
  }

  /** A client without cookies, for API and token calls. */
  static Http api(URI base) {
    return new Http(base, builder().build());
  }

  /** A client that keeps cookies, for a person signing in with a browser. */
  static Http browser(URI base) {
    return new Http(base, builder().cookieHandler(new CookieManager()).build());
  }

  private static HttpClient.Builder builder() {
    return HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5));
  }

  Answer get(String path, @Nullable String token) {
    return send(request(path, token).GET());
  }

  Answer postJson(String path, @Nullable String token, Object body) {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  Answer deleteJson(String path, @Nullable String token, @Nullable Object body) {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .method("DELETE", publisher));
  }

  /** A CORS preflight for a {@code GET} of {@code path} from another origin. */
  Answer preflight(String path, @Nullable String token) {
    return send(
        request(path, token)
            .header("Origin", "http://elsewhere.example")
            .header("Access-Control-Request-Method", "GET")
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
  }

  /** A form post, with HTTP Basic client authentication when {@code basic} is not null. */
  Answer postForm(String path, @Nullable String basic, Map<String, String> form) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(resolve(path))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "text/html,application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form(form)));
    if (basic != null) {
      request.header(
          "Authorization",
          "Basic "
              + java.util.Base64.getEncoder()
                  .encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
    }
    return send(request);
  }

  /** A browser navigation. */
  Answer navigate(String pathOrUrl) {
    return send(
        HttpRequest.newBuilder(resolve(pathOrUrl))
            .timeout(Duration.ofSeconds(20))
            .header("Accept", "text/html")
            .GET());
  }

  private HttpRequest.Builder request(String path, @Nullable String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(resolve(path))
            .timeout(Duration.ofSeconds(20))
            .header("Accept", "application/json, application/problem+json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request;
  }

  private URI resolve(String pathOrUrl) {
    return pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : base.resolve(pathOrUrl);
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
