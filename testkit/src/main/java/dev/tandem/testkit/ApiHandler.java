package dev.tandem.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.tandem.core.FgaNotFoundException;
import dev.tandem.core.FgaValidationException;
import dev.tandem.core.internal.http.ErrorJson;
import dev.tandem.core.internal.http.Json;
import dev.tandem.core.internal.http.MalformedJsonException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The server's one handler: routes, counts, delays by the configured latency, runs the operation
 * and writes OpenFGA's status and body. Errors become OpenFGA's error bodies:
 *
 * <ul>
 *   <li>400 with the {@link dev.tandem.core.ErrorCode} name for {@link FgaValidationException}, and
 *       {@code validation_error} for malformed JSON and values the API rules reject;
 *   <li>404 {@code store_id_not_found} for a missing store, {@code undefined_endpoint} for an
 *       unknown path; 405 for a known path with another method;
 *   <li>500 {@code internal_error} for anything else.
 * </ul>
 */
final class ApiHandler implements HttpHandler {

  private final Operations operations;
  private final Consumer<Routes.@Nullable Match> counter;
  private final Supplier<Duration> latency;
  private final ScheduledExecutorService delays;
  private final Executor workers;

  ApiHandler(
      Operations operations,
      Consumer<Routes.@Nullable Match> counter,
      Supplier<Duration> latency,
      ScheduledExecutorService delays,
      Executor workers) {
    this.operations = operations;
    this.counter = counter;
    this.latency = latency;
    this.delays = delays;
    this.workers = workers;
  }

  @Override
  public void handle(HttpExchange exchange) {
    Duration delay = latency.get();
    if (delay.isZero()) {
      serve(exchange);
      return;
    }
    // The delay holds no worker thread: like a remote server, latency does not limit concurrency.
    try {
      delays.schedule(
          () -> workers.execute(() -> serve(exchange)), delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      exchange.close();
    }
  }

  private void serve(HttpExchange exchange) {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      byte[] request = readBody(exchange);
      Routes.Match match = null;
      Operations.Reply reply;
      try {
        match = Routes.match(method, path);
        reply = operations.handle(match, query(exchange), body(match, request));
      } catch (ApiError e) {
        if (e.allow() != null) {
          exchange.getResponseHeaders().set("Allow", e.allow());
        }
        reply = error(e.status(), e.code(), e.getMessage());
      } catch (MalformedJsonException | IllegalArgumentException e) {
        reply = error(400, "validation_error", e.getMessage());
      } catch (FgaValidationException e) {
        reply = error(400, e.code().apiName(), e.getMessage());
      } catch (FgaNotFoundException e) {
        reply = error(404, "store_id_not_found", e.getMessage());
      } catch (RuntimeException e) {
        reply = error(500, "internal_error", e.toString());
      } finally {
        counter.accept(match);
      }
      send(exchange, reply);
    } catch (IOException e) {
      // The client went away; there is no one left to answer.
    }
  }

  private static ObjectNode body(Routes.Match match, byte[] request) {
    if (!match.endpoint().method().equals("POST")) {
      return Json.object();
    }
    return Json.parseObject(new String(request, StandardCharsets.UTF_8));
  }

  private static byte[] readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      return in.readAllBytes();
    }
  }

  private static Map<String, String> query(HttpExchange exchange) {
    Map<String, String> query = new HashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      query.putIfAbsent(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return query;
  }

  private static Operations.Reply error(int status, String code, @Nullable String message) {
    return new Operations.Reply(status, ErrorJson.write(code, message == null ? "" : message));
  }

  private static void send(HttpExchange exchange, Operations.Reply reply) throws IOException {
    JsonNode body = reply.body();
    if (body == null) {
      exchange.sendResponseHeaders(reply.status(), -1);
      return;
    }
    byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(reply.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
