package dev.tandem.core.internal.remote;

import dev.tandem.core.internal.http.ErrorJson;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A non-2xx answer, as decoded by {@link StatusErrorDecoder}; {@link Failure} turns it into an
 * {@link dev.tandem.core.FgaException}. Never leaves this package.
 */
final class HttpStatusException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient @Nullable Duration retryAfter;
  private final transient ErrorJson.Error error;

  HttpStatusException(int status, @Nullable Duration retryAfter, ErrorJson.Error error) {
    super("HTTP " + status, null, false, false);
    this.status = status;
    this.retryAfter = retryAfter;
    this.error = error;
  }

  int status() {
    return status;
  }

  /** The server's {@code Retry-After}, or null when it sent none (or one that did not parse). */
  @Nullable Duration retryAfter() {
    return retryAfter;
  }

  /** The OpenFGA error body; empty code and message when there was none. */
  ErrorJson.Error error() {
    return error;
  }
}
