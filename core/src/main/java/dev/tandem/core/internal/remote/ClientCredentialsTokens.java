package dev.tandem.core.internal.remote;

import dev.tandem.core.FgaException;
import dev.tandem.core.FgaUnavailableException;
import dev.tandem.core.client.Credentials;
import dev.tandem.core.internal.http.Json;
import dev.tandem.core.internal.http.MalformedJsonException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * OAuth 2.0 client credentials (RFC 6749 section 4.4): a bearer token fetched from the token
 * endpoint, cached, and refreshed ahead of its expiry.
 *
 * <p>A token is refreshed once 90% of its lifetime has passed, or 60 seconds before it expires,
 * whichever comes later. Until it expires, callers keep using it while one background fetch runs;
 * after that they wait for the fetch, each up to its own timeout. Concurrent callers share one
 * fetch. A failed fetch is not cached: the next call tries again. Messages never carry the secret
 * or the token endpoint's answer.
 */
final class ClientCredentialsTokens implements Authorization {

  /** The lifetime assumed when the token endpoint does not say ({@code expires_in} is optional). */
  static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

  private static final Duration MAX_REFRESH_MARGIN = Duration.ofSeconds(60);

  private record Token(String header, Instant refreshAt, Instant expiresAt) {}

  private final Credentials.ClientCredentials credentials;
  private final HttpClient http;
  private final Duration fetchTimeout;
  private final Clock clock;
  private final String form;

  private volatile @Nullable Token token;

  // Guarded by this.
  private @Nullable CompletableFuture<Token> inflight;

  ClientCredentialsTokens(
      Credentials.ClientCredentials credentials,
      HttpClient http,
      Duration fetchTimeout,
      Clock clock) {
    this.credentials = credentials;
    this.http = http;
    this.fetchTimeout = fetchTimeout;
    this.clock = clock;
    this.form = form(credentials);
  }

  @Override
  public String header(Duration timeout) {
    Token current = token;
    Instant now = clock.instant();
    if (current != null && now.isBefore(current.refreshAt())) {
      return current.header();
    }
    CompletableFuture<Token> refresh = refresh();
    if (current != null && now.isBefore(current.expiresAt())) {
      return current.header();
    }
    return await(refresh, timeout).header();
  }

  @Override
  public synchronized void rejected() {
    token = null;
  }

  private synchronized CompletableFuture<Token> refresh() {
    Token current = token;
    if (current != null && clock.instant().isBefore(current.refreshAt())) {
      return CompletableFuture.completedFuture(current);
    }
    if (inflight != null) {
      return inflight;
    }
    CompletableFuture<Token> fetch = fetch();
    inflight = fetch;
    fetch.whenComplete(
        (fetched, error) -> {
          synchronized (this) {
            if (fetched != null) {
              token = fetched;
            }
            inflight = null;
          }
        });
    return fetch;
  }

  private CompletableFuture<Token> fetch() {
    Instant requested = clock.instant();
    HttpRequest request =
        HttpRequest.newBuilder(credentials.tokenUrl())
            .timeout(fetchTimeout)
            .version(HttpClient.Version.HTTP_1_1)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(response -> parse(response, requested));
  }

  private static Token parse(HttpResponse<String> response, Instant requested) {
    if (response.statusCode() != 200) {
      throw new FgaUnavailableException(
          "the OAuth token endpoint answered HTTP " + response.statusCode());
    }
    JsonNode body;
    try {
      body = Json.parseObject(response.body());
    } catch (MalformedJsonException e) {
      throw new FgaUnavailableException("the OAuth token endpoint's answer is not a JSON object");
    }
    JsonNode accessToken = body.get("access_token");
    if (accessToken == null || !accessToken.isString() || accessToken.asString().isBlank()) {
      throw new FgaUnavailableException("the OAuth token endpoint's answer has no access_token");
    }
    JsonNode tokenType = body.get("token_type");
    if (tokenType != null
        && !tokenType.isNull()
        && !(tokenType.isString() && tokenType.asString().equalsIgnoreCase("bearer"))) {
      throw new FgaUnavailableException("the OAuth token endpoint issued a non-bearer token");
    }
    JsonNode expiresIn = body.get("expires_in");
    Duration lifetime;
    if (expiresIn == null || expiresIn.isNull()) {
      lifetime = DEFAULT_LIFETIME;
    } else if (expiresIn.isIntegralNumber() && expiresIn.canConvertToLong()) {
      lifetime = Duration.ofSeconds(Math.max(0, expiresIn.asLong()));
    } else {
      throw new FgaUnavailableException("the OAuth token endpoint's expires_in is not a number");
    }
    Duration margin = lifetime.dividedBy(10);
    if (margin.compareTo(MAX_REFRESH_MARGIN) > 0) {
      margin = MAX_REFRESH_MARGIN;
    }
    Instant expiresAt = requested.plus(lifetime);
    return new Token("Bearer " + accessToken.asString(), expiresAt.minus(margin), expiresAt);
  }

  private Token await(CompletableFuture<Token> fetch, Duration timeout) {
    try {
      return fetch.get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw new FgaUnavailableException(
          "the OAuth token endpoint did not answer within "
              + Math.max(0, timeout.toMillis())
              + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FgaUnavailableException("interrupted while fetching an OAuth token");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof FgaException fga) {
        throw new FgaUnavailableException(fga.getMessage(), fga);
      }
      throw new FgaUnavailableException(
          "could not reach the OAuth token endpoint ("
              + (cause == null ? "unknown error" : cause.getClass().getSimpleName())
              + ")",
          cause);
    }
  }

  private static String form(Credentials.ClientCredentials credentials) {
    StringJoiner form = new StringJoiner("&");
    add(form, "grant_type", "client_credentials");
    add(form, "client_id", credentials.clientId());
    add(form, "client_secret", credentials.clientSecret());
    if (credentials.audience() != null) {
      add(form, "audience", credentials.audience());
    }
    if (!credentials.scopes().isEmpty()) {
      add(form, "scope", String.join(" ", credentials.scopes()));
    }
    return form.toString();
  }

  private static void add(StringJoiner form, String name, String value) {
    form.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
  }
}
