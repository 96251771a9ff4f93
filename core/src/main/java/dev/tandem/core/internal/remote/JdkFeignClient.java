package dev.tandem.core.internal.remote;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Feign's transport over {@code java.net.http.HttpClient}: pooled keep-alive connections (HTTP/2
 * over TLS where the server offers it), at most {@code maxConnections} requests in flight, and a
 * hard bound on each attempt.
 *
 * <p>The attempt's budget is {@link Request.Options#readTimeout()}. It covers waiting for a free
 * connection, fetching a token, sending, and reading the whole body; when it runs out the exchange
 * is cancelled and an {@link HttpTimeoutException} thrown. (The JDK's own request timeout stops at
 * the response headers, so a server that stalls mid-body would otherwise hang the call.)
 *
 * <p>When the connection may have been a pooled one (an answer has arrived before) and it reached
 * end of stream before any byte of the answer, the failure is a {@link NoAnswerException}: the
 * server closed an idle keep-alive connection as the request went out on it.
 */
final class JdkFeignClient implements Client {

  /** Headers the JDK client sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final HttpClient http;
  private final Semaphore inFlight;
  private final Authorization authorization;

  /**
   * Whether an answer has arrived, so the pool may hold a keep-alive connection: before that, every
   * request goes out on a new connection, which no idle timer can have closed.
   */
  private volatile boolean answered;

  JdkFeignClient(HttpClient http, int maxConnections, Authorization authorization) {
    this.http = http;
    this.inFlight = new Semaphore(maxConnections);
    this.authorization = authorization;
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    long budget = options.readTimeoutUnit().toNanos(options.readTimeout());
    long start = System.nanoTime();
    try {
      if (!inFlight.tryAcquire(budget, TimeUnit.NANOSECONDS)) {
        throw new HttpTimeoutException("no connection became free within the attempt timeout");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a connection");
    }
    try {
      String header = authorization.header(left(start, budget));
      HttpRequest httpRequest = httpRequest(request, header, left(start, budget));
      return send(request, httpRequest, left(start, budget));
    } finally {
      inFlight.release();
    }
  }

  private Response send(Request request, HttpRequest httpRequest, Duration timeout)
      throws IOException {
    boolean reusable = answered;
    CompletableFuture<HttpResponse<byte[]>> exchange =
        http.sendAsync(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
    HttpResponse<byte[]> response;
    try {
      response = exchange.get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw new HttpTimeoutException("no complete answer within " + timeout.toMillis() + " ms");
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the answer");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw reusable && NoAnswerException.matches(io) ? new NoAnswerException(io) : io;
      }
      throw new IOException("the HTTP exchange failed", cause);
    }
    answered = true;
    Map<String, Collection<String>> headers = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> entry : response.headers().map().entrySet()) {
      headers.put(entry.getKey(), entry.getValue());
    }
    return Response.builder()
        .status(response.statusCode())
        .headers(headers)
        .body(response.body())
        .request(request)
        .build();
  }

  private static HttpRequest httpRequest(
      Request request, @Nullable String authorization, Duration timeout) {
    byte[] body = request.body();
    HttpRequest.BodyPublisher publisher =
        body == null || body.length == 0
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body);
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(request.url()))
            .timeout(positive(timeout))
            .method(request.httpMethod().name(), publisher);
    for (Map.Entry<String, Collection<String>> entry : request.headers().entrySet()) {
      if (RESTRICTED.contains(entry.getKey().toLowerCase(Locale.ROOT))) {
        continue;
      }
      for (String value : entry.getValue()) {
        builder.header(entry.getKey(), value);
      }
    }
    if (authorization != null) {
      builder.setHeader("Authorization", authorization);
    }
    return builder.build();
  }

  private static Duration left(long start, long budget) {
    return Duration.ofNanos(budget - (System.nanoTime() - start));
  }

  private static Duration positive(Duration duration) {
    return duration.isNegative() || duration.isZero() ? Duration.ofMillis(1) : duration;
  }
}
