package dev.tandem.core.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How a remote client reaches an OpenFGA-compatible server.
 *
 * @param apiUrl the API base URL, e.g. {@code http://localhost:8080} or {@code
 *     https://api.us1.fga.dev}
 * @param credentials how to authenticate
 * @param connectTimeout the TCP connect timeout
 * @param attemptTimeout the deadline of one HTTP attempt
 * @param overallTimeout the deadline of one client call, retries included
 * @param maxRetries retries after the first attempt, on 429 and 5xx other than 501
 * @param baseBackoff the first retry delay; later delays double, with jitter
 * @param maxRetryAfter the longest {@code Retry-After} honoured; a longer one fails fast
 * @param maxConnections the connection pool size
 */
public record RemoteOptions(
    URI apiUrl,
    Credentials credentials,
    Duration connectTimeout,
    Duration attemptTimeout,
    Duration overallTimeout,
    int maxRetries,
    Duration baseBackoff,
    Duration maxRetryAfter,
    int maxConnections) {

  public RemoteOptions {
    Objects.requireNonNull(apiUrl, "apiUrl");
    Objects.requireNonNull(credentials, "credentials");
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(attemptTimeout, "attemptTimeout");
    requirePositive(overallTimeout, "overallTimeout");
    requirePositive(baseBackoff, "baseBackoff");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must not be negative, got " + maxRetries);
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be positive, got " + maxConnections);
    }
    String scheme = apiUrl.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException("apiUrl '" + apiUrl + "' must be an http or https URL");
    }
  }

  /**
   * Defaults: no credentials, 2 s connect, 2 s per attempt, 5 s overall, 3 retries from 50 ms,
   * {@code Retry-After} honoured up to 2 s, 64 connections.
   */
  public static RemoteOptions defaults(URI apiUrl) {
    return new RemoteOptions(
        apiUrl,
        Credentials.none(),
        Duration.ofSeconds(2),
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        3,
        Duration.ofMillis(50),
        Duration.ofSeconds(2),
        64);
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + duration);
    }
  }
}
