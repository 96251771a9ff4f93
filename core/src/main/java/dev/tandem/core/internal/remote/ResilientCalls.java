package dev.tandem.core.internal.remote;

import dev.tandem.core.ErrorCode;
import dev.tandem.core.FgaException;
import dev.tandem.core.FgaUnavailableException;
import dev.tandem.core.FgaValidationException;
import dev.tandem.core.client.RemoteOptions;
import feign.Request;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs one client call as a series of HTTP attempts under a deadline, a retry policy and a circuit
 * breaker.
 *
 * <ul>
 *   <li>Each attempt gets {@code min(attemptTimeout, time left)}; the deadline ({@code
 *       overallTimeout}) covers every attempt and every wait. An answer that arrives after it is
 *       discarded.
 *   <li>After a retryable failure ({@link Failure}) the next attempt waits the server's {@code
 *       Retry-After}, or an exponential backoff from {@code baseBackoff} with 50% jitter, at most
 *       {@code maxRetries} times. A {@code Retry-After} longer than {@code maxRetryAfter}, or a
 *       wait that would end past the deadline, fails at once instead of waiting.
 *   <li>The circuit breaker sees every attempt. Once open it refuses attempts, and calls fail fast
 *       until it lets trial calls through again.
 * </ul>
 *
 * Every failure leaves as an {@link FgaException}: never an answer.
 */
final class ResilientCalls {

  /** One HTTP attempt and the parsing of its answer, bounded by the options' read timeout. */
  @FunctionalInterface
  interface Attempt<T> {
    T run(Request.Options options);
  }

  /** Waits between attempts; tests substitute one that records instead of sleeping. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final RemoteOptions options;
  private final CircuitBreaker breaker;
  private final Authorization authorization;
  private final IntervalFunction backoff;
  private final LongSupplier ticker;
  private final Sleeper sleeper;

  ResilientCalls(
      RemoteOptions options,
      CircuitBreaker breaker,
      Authorization authorization,
      LongSupplier ticker,
      Sleeper sleeper) {
    this.options = options;
    this.breaker = breaker;
    this.authorization = authorization;
    this.ticker = ticker;
    this.sleeper = sleeper;
    this.backoff =
        IntervalFunction.ofExponentialRandomBackoff(
            Math.max(1, options.baseBackoff().toMillis()),
            2.0,
            0.5,
            Math.max(1, options.overallTimeout().toMillis()));
  }

  /** A deadline of {@code overallTimeout} from now, for one client call. */
  Deadline deadline() {
    return Deadline.after(options.overallTimeout(), ticker);
  }

  <T> T call(String operation, Deadline deadline, Failure.Safety safety, Attempt<T> attempt) {
    int retries = 0;
    @Nullable FgaException unanswered = null;
    while (true) {
      Duration left = deadline.remaining();
      if (left.isNegative() || left.isZero()) {
        throw deadlineExceeded(operation, deadline, null);
      }
      if (!breaker.tryAcquirePermission()) {
        throw new FgaUnavailableException(
            operation
                + ": the circuit breaker is open after repeated failures of the FGA server;"
                + " failing fast");
      }
      Duration attemptTimeout = min(options.attemptTimeout(), left);
      long start = ticker.getAsLong();
      T value = null;
      Failure failure = null;
      try {
        value = attempt.run(requestOptions(attemptTimeout));
      } catch (RuntimeException e) {
        failure = Failure.classify(e, safety, operation);
      }
      long elapsed = ticker.getAsLong() - start;
      if (failure == null) {
        if (deadline.expired()) {
          FgaUnavailableException late = deadlineExceeded(operation, deadline, null);
          breaker.onError(elapsed, TimeUnit.NANOSECONDS, late);
          throw late;
        }
        breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
        return value;
      }
      record(failure, elapsed);
      if (unanswered != null && rejectedAsDuplicateOrMissing(failure)) {
        throw new FgaUnavailableException(
            operation
                + ": the outcome is unknown: an earlier attempt got no answer ("
                + unanswered.getMessage()
                + ") and its resend was rejected as writing an existing or deleting a missing"
                + " tuple, as it is when the earlier attempt was applied",
            failure.exception());
      }
      if (failure.exception().getCause() instanceof NoAnswerException) {
        unanswered = failure.exception();
      }
      if (failure.retryable() && tooLate(failure.retryAfter())) {
        throw new FgaUnavailableException(
            failure.exception().getMessage()
                + "; it asked to retry after "
                + failure.retryAfter().toSeconds()
                + " s, longer than maxRetryAfter ("
                + options.maxRetryAfter().toMillis()
                + " ms)",
            failure.exception());
      }
      Duration wait = nextWait(failure, retries);
      if (wait == null) {
        throw failure.exception();
      }
      if (wait.compareTo(deadline.remaining()) >= 0) {
        throw deadlineExceeded(operation, deadline, failure.exception());
      }
      sleep(wait, failure.exception());
      retries++;
    }
  }

  private static boolean rejectedAsDuplicateOrMissing(Failure failure) {
    return failure.exception() instanceof FgaValidationException validation
        && validation.code() == ErrorCode.WRITE_FAILED_DUE_TO_INVALID_INPUT;
  }

  private void record(Failure failure, long elapsedNanos) {
    switch (failure.health()) {
      case ANSWERED:
        breaker.onSuccess(elapsedNanos, TimeUnit.NANOSECONDS);
        break;
      case FAILED:
        breaker.onError(elapsedNanos, TimeUnit.NANOSECONDS, failure.exception());
        break;
      default:
        breaker.releasePermission();
    }
    if (failure.credentialsRejected()) {
      authorization.rejected();
    }
  }

  /** The wait before the next attempt, or null when there must be none. */
  private @Nullable Duration nextWait(Failure failure, int retries) {
    if (!failure.retryable() || retries >= options.maxRetries()) {
      return null;
    }
    Duration retryAfter = failure.retryAfter();
    return retryAfter != null ? retryAfter : Duration.ofMillis(backoff.apply(retries + 1));
  }

  private boolean tooLate(@Nullable Duration retryAfter) {
    return retryAfter != null && retryAfter.compareTo(options.maxRetryAfter()) > 0;
  }

  private void sleep(Duration wait, FgaException failure) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FgaUnavailableException(
          "interrupted before retrying: " + failure.getMessage(), failure);
    }
  }

  private Request.Options requestOptions(Duration attemptTimeout) {
    return new Request.Options(
        options.connectTimeout().toNanos(),
        TimeUnit.NANOSECONDS,
        Math.max(1, attemptTimeout.toNanos()),
        TimeUnit.NANOSECONDS,
        false);
  }

  private static FgaUnavailableException deadlineExceeded(
      String operation, Deadline deadline, @Nullable FgaException last) {
    String message =
        operation
            + ": no answer within the overall timeout of "
            + deadline.total().toMillis()
            + " ms";
    return last == null
        ? new FgaUnavailableException(message)
        : new FgaUnavailableException(message + "; last failure: " + last.getMessage(), last);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
