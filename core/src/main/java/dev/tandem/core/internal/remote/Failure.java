package dev.tandem.core.internal.remote;

import dev.tandem.core.ErrorCode;
import dev.tandem.core.FgaException;
import dev.tandem.core.FgaNotFoundException;
import dev.tandem.core.FgaUnavailableException;
import dev.tandem.core.FgaValidationException;
import dev.tandem.core.internal.http.ErrorJson;
import dev.tandem.core.internal.http.MalformedJsonException;
import feign.FeignException;
import java.io.IOException;
import java.lang.reflect.UndeclaredThrowableException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * What one failed attempt means: the exception the caller sees, whether another attempt may help
 * and is safe, and how the circuit breaker counts it.
 *
 * <p>Everything that is not a well-formed OpenFGA answer is {@link FgaUnavailableException}: a
 * caller deciding access must never mistake a failure for an answer.
 */
record Failure(
    FgaException exception,
    boolean retryable,
    @Nullable Duration retryAfter,
    Health health,
    boolean credentialsRejected) {

  Failure(FgaException exception, boolean retryable, @Nullable Duration retryAfter, Health health) {
    this(exception, retryable, retryAfter, health, false);
  }

  /** How the circuit breaker counts an attempt. */
  enum Health {
    /** The server answered properly (a 4xx is the caller's problem, not the server's). */
    ANSWERED,
    /** The server failed or could not be reached. */
    FAILED,
    /** Not about the server (e.g. the token endpoint failed): not counted. */
    UNRELATED
  }

  /** Whether a request that failed may be sent again. */
  enum Safety {
    /** Reads and queries: resent after any transient failure. */
    IDEMPOTENT,
    /**
     * Writes: resent only when the server cannot have acted on the request: the connection was
     * never made, or the answer was 429 or 503 (rejected before processing).
     */
    WRITE,
    /**
     * Tuple writes in OpenFGA's strict mode: applied all or nothing, and a resend of a write that
     * was applied is rejected ({@code write_failed_due_to_invalid_input}: duplicate or missing
     * tuple), so it can never apply twice. Resent like {@link #WRITE}, and also after the
     * connection closed before any byte of the answer ({@link NoAnswerException}: typically a
     * keep-alive connection the server closed as the request was sent). A rejection of such a
     * resend is ambiguous and reported as unavailable ({@link ResilientCalls}).
     */
    ATOMIC_WRITE
  }

  /** The codes of 404 answers that mean "no such endpoint", not "no such store". */
  private static boolean endpointMissing(ErrorJson.Error error) {
    return error.code().equals("undefined_endpoint") || error.code().equals("unimplemented");
  }

  static Failure classify(Throwable thrown, Safety safety, String operation) {
    Throwable cause = unwrap(thrown);
    if (cause instanceof HttpStatusException status) {
      return status(status, safety, operation);
    }
    if (cause instanceof FgaException fga) {
      return new Failure(fga, false, null, Health.UNRELATED);
    }
    if (cause instanceof MalformedJsonException malformed) {
      return failed(
          operation + ": the FGA server's answer is malformed: " + malformed.getMessage());
    }
    if (cause instanceof SSLException) {
      return new Failure(
          unavailable(operation + ": the TLS connection to the FGA server failed", cause),
          false,
          null,
          Health.FAILED);
    }
    if (cause instanceof ConnectException
        || cause instanceof HttpConnectTimeoutException
        || cause instanceof UnknownHostException
        || cause instanceof UnresolvedAddressException) {
      // Nothing was sent: safe to retry even a write.
      return new Failure(
          unavailable(operation + ": could not connect to the FGA server", cause),
          true,
          null,
          Health.FAILED);
    }
    if (cause instanceof NoAnswerException) {
      return new Failure(
          unavailable(
              operation + ": the connection to the FGA server closed before any byte of the answer",
              cause),
          safety != Safety.WRITE,
          null,
          Health.FAILED);
    }
    if (cause instanceof HttpTimeoutException) {
      return new Failure(
          unavailable(
              operation + ": the FGA server did not answer within the attempt timeout", cause),
          safety == Safety.IDEMPOTENT,
          null,
          Health.FAILED);
    }
    if (cause instanceof IOException) {
      return new Failure(
          unavailable(
              operation
                  + ": the connection to the FGA server failed ("
                  + cause.getClass().getSimpleName()
                  + ")",
              cause),
          safety == Safety.IDEMPOTENT,
          null,
          Health.FAILED);
    }
    return failed(
        operation
            + ": unexpected failure calling the FGA server ("
            + cause.getClass().getName()
            + ")",
        cause);
  }

  private static Failure status(HttpStatusException status, Safety safety, String operation) {
    int code = status.status();
    ErrorJson.Error error = status.error();
    if (code == 400 && !error.code().isEmpty()) {
      ErrorCode errorCode =
          ErrorCode.fromApiName(error.code())
              .filter(c -> c != ErrorCode.NO_ERROR)
              .orElse(ErrorCode.VALIDATION_ERROR);
      String message =
          error.message().isEmpty() ? "the FGA server rejected the request" : error.message();
      return new Failure(
          new FgaValidationException(errorCode, message), false, null, Health.ANSWERED);
    }
    if (code == 401 || code == 403) {
      return new Failure(
          new FgaUnavailableException(
              operation
                  + ": authentication to the FGA server failed (HTTP "
                  + code
                  + "); check the configured credentials"),
          false,
          null,
          Health.ANSWERED,
          code == 401);
    }
    if (code == 404) {
      if (endpointMissing(error)) {
        return answered(
            operation + ": the FGA server has no such endpoint (HTTP 404); check the API URL");
      }
      String message = error.message().isEmpty() ? "store not found" : error.message();
      return new Failure(new FgaNotFoundException(message), false, null, Health.ANSWERED);
    }
    boolean retryable =
        code == 429 || code == 503 || (code >= 500 && code != 501 && safety == Safety.IDEMPOTENT);
    if (code == 429 || (code >= 500 && code != 501)) {
      return new Failure(
          unavailable(describe(operation, code, error), null),
          retryable,
          status.retryAfter(),
          Health.FAILED);
    }
    return answered(describe(operation, code, error));
  }

  private static String describe(String operation, int code, ErrorJson.Error error) {
    String detail = error.code().isEmpty() ? "" : " (" + error.code() + ")";
    return operation + ": the FGA server answered HTTP " + code + detail;
  }

  private static Failure failed(String message) {
    return new Failure(new FgaUnavailableException(message), false, null, Health.FAILED);
  }

  private static Failure failed(String message, Throwable cause) {
    return new Failure(unavailable(message, cause), false, null, Health.FAILED);
  }

  private static Failure answered(String message) {
    return new Failure(new FgaUnavailableException(message), false, null, Health.ANSWERED);
  }

  private static FgaUnavailableException unavailable(String message, @Nullable Throwable cause) {
    return cause == null
        ? new FgaUnavailableException(message)
        : new FgaUnavailableException(message, cause);
  }

  /** Feign wraps transport and decoding failures; the interesting exception is underneath. */
  private static Throwable unwrap(Throwable thrown) {
    Throwable current = thrown;
    while ((current instanceof FeignException || current instanceof UndeclaredThrowableException)
        && current.getCause() != null
        && current.getCause() != current) {
      current = current.getCause();
    }
    return current;
  }
}
