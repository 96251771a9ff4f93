package dev.tandem.core.internal.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.core.FgaUnavailableException;
import dev.tandem.core.FgaValidationException;
import dev.tandem.core.client.RemoteOptions;
import dev.tandem.core.internal.http.ErrorJson;
import dev.tandem.core.internal.http.MalformedJsonException;
import feign.Request;
import feign.RetryableException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Retry, deadline and breaker semantics on a fake clock: no real waiting. */
class ResilientCallsTest {

  private final AtomicLong now = new AtomicLong();
  private final List<Duration> sleeps = new ArrayList<>();
  private final AtomicInteger attempts = new AtomicInteger();

  private ResilientCalls calls(int maxRetries, Duration overall) {
    RemoteOptions options =
        new RemoteOptions(
            URI.create("http://fga.invalid"),
            dev.tandem.core.client.Credentials.none(),
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            overall,
            maxRetries,
            Duration.ofMillis(100),
            Duration.ofSeconds(5),
            4);
    return new ResilientCalls(
        options,
        CircuitBreaker.of("test", RemoteTransport.DEFAULT_BREAKER),
        timeout -> null,
        now::get,
        wait -> {
          sleeps.add(wait);
          now.addAndGet(wait.toNanos());
        });
  }

  private static HttpStatusException status(int code, Duration retryAfter) {
    return new HttpStatusException(code, retryAfter, new ErrorJson.Error("", ""));
  }

  /** A transport failure as Feign reports it. */
  private static RetryableException transport(IOException cause) {
    Request request =
        Request.create(
            Request.HttpMethod.POST,
            "http://fga.invalid/stores/s/check",
            Map.of(),
            new byte[0],
            StandardCharsets.UTF_8,
            null);
    return new RetryableException(
        -1, cause.getMessage(), Request.HttpMethod.POST, cause, (Long) null, request);
  }

  /** An attempt that throws the given failures in turn, then answers true. */
  private ResilientCalls.Attempt<Boolean> failing(RuntimeException... failures) {
    return options -> {
      int n = attempts.getAndIncrement();
      if (n < failures.length) {
        throw failures[n];
      }
      return true;
    };
  }

  private <T> T run(
      ResilientCalls calls, Failure.Safety safety, ResilientCalls.Attempt<T> attempt) {
    return calls.call("check", calls.deadline(), safety, attempt);
  }

  @Test
  void callWhenTransientFailuresThenRetriesWithGrowingJitteredBackoff() {
    ResilientCalls calls = calls(3, Duration.ofSeconds(30));

    boolean answer =
        run(
            calls,
            Failure.Safety.IDEMPOTENT,
            failing(status(500, null), status(502, null), status(504, null)));

    assertThat(answer).isTrue();
    assertThat(attempts).hasValue(4);
    assertThat(sleeps).hasSize(3);
    assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(150));
    assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(300));
    assertThat(sleeps.get(2)).isBetween(Duration.ofMillis(200), Duration.ofMillis(600));
  }

  @Test
  void callWhenRetriesExhaustedThenUnavailable() {
    ResilientCalls calls = calls(2, Duration.ofSeconds(30));

    assertThatThrownBy(
            () ->
                run(
                    calls,
                    Failure.Safety.IDEMPOTENT,
                    failing(status(500, null), status(500, null), status(500, null))))
        .isInstanceOf(FgaUnavailableException.class)
        .hasMessageContaining("HTTP 500");
    assertThat(attempts).hasValue(3);
  }

  @Test
  void callWhenRetryAfterWithinCapThenWaitsExactlyThat() {
    ResilientCalls calls = calls(3, Duration.ofSeconds(30));

    run(calls, Failure.Safety.IDEMPOTENT, failing(status(429, Duration.ofSeconds(3))));

    assertThat(sleeps).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void callWhenRetryAfterBeyondCapThenFailsWithoutWaiting() {
    ResilientCalls calls = calls(3, Duration.ofSeconds(30));

    assertThatThrownBy(
            () ->
                run(calls, Failure.Safety.IDEMPOTENT, failing(status(503, Duration.ofSeconds(6)))))
        .isInstanceOf(FgaUnavailableException.class)
        .hasMessageContaining("asked to retry after 6 s");
    assertThat(sleeps).isEmpty();
    assertThat(attempts).hasValue(1);
  }

  @Test
  void callWhenWaitWouldEndPastDeadlineThenFailsWithoutWaiting() {
    ResilientCalls calls = calls(3, Duration.ofSeconds(2));

    assertThatThrownBy(
            () ->
                run(calls, Failure.Safety.IDEMPOTENT, failing(status(429, Duration.ofSeconds(4)))))
        .isInstanceOf(FgaUnavailableException.class)
        .hasMessageContaining("overall timeout");
    assertThat(sleeps).isEmpty();
  }

  @Test
  void callWhenAnswerArrivesAfterDeadlineThenDiscarded() {
    ResilientCalls calls = calls(3, Duration.ofSeconds(2));

    assertThatThrownBy(
            () ->
                run(
                    calls,
                    Failure.Safety.IDEMPOTENT,
                    options -> {
                      now.addAndGet(Duration.ofMillis(2_001).toNanos());
                      return true;
                    }))
        .isInstanceOf(FgaUnavailableException.class)
        .hasMessageContaining("overall timeout");
  }

  @Test
  void callGivesEachAttemptTheSmallerOfAttemptTimeoutAndTimeLeft() {
    ResilientCalls calls = calls(3, Duration.ofMillis(4_500));
    List<Long> timeouts = new ArrayList<>();

    run(
        calls,
        Failure.Safety.IDEMPOTENT,
        options -> {
          timeouts.add(options.readTimeoutUnit().toMillis(options.readTimeout()));
          if (timeouts.size() < 3) {
            now.addAndGet(Duration.ofMillis(1_900).toNanos());
            throw transport(new HttpTimeoutException("slow"));
          }
          return true;
        });

    assertThat(timeouts.get(0)).isEqualTo(2_000);
    assertThat(timeouts.get(2)).isLessThan(1_000);
  }

  @Test
  void callWhenValidationErrorThenNotRetried() {
    ResilientCalls calls = calls(3, Duration.ofSeconds(30));
    HttpStatusException invalid =
        new HttpStatusException(400, null, new ErrorJson.Error("invalid_tuple", "bad"));

    assertThatThrownBy(() -> run(calls, Failure.Safety.IDEMPOTENT, failing(invalid)))
        .isInstanceOf(FgaValidationException.class);
    assertThat(attempts).hasValue(1);
  }

  @Test
  void callWhenMalformedAnswerThenUnavailableAndNotRetried() {
    ResilientCalls calls = calls(3, Duration.ofSeconds(30));

    assertThatThrownBy(
            () ->
                run(
                    calls,
                    Failure.Safety.IDEMPOTENT,
                    failing(new MalformedJsonException("'allowed' must be a boolean"))))
        .isInstanceOf(FgaUnavailableException.class)
        .hasMessageContaining("malformed");
    assertThat(attempts).hasValue(1);
  }

  @Test
  void writeWhenServerErrorOrTimeoutOrResetThenNotRetried() {
    for (RuntimeException failure :
        List.of(
            status(500, null),
            status(502, null),
            transport(new HttpTimeoutException("slow")),
            transport(new IOException("Connection reset")))) {
      attempts.set(0);
      ResilientCalls calls = calls(3, Duration.ofSeconds(30));

      assertThatThrownBy(() -> run(calls, Failure.Safety.WRITE, failing(failure)))
          .isInstanceOf(FgaUnavailableException.class);
      assertThat(attempts).as("%s", failure).hasValue(1);
    }
  }

  @Test
  void writeWhenRejectedBeforeProcessingThenRetried() {
    for (RuntimeException failure :
        List.of(
            status(429, null),
            status(503, null),
            transport(new ConnectException("Connection refused")))) {
      attempts.set(0);
      ResilientCalls calls = calls(3, Duration.ofSeconds(30));

      assertThat(run(calls, Failure.Safety.WRITE, failing(failure))).isTrue();
      assertThat(attempts).as("%s", failure).hasValue(2);
    }
  }

  @Test
  void callWhenBreakerOpenThenFailsFastWithoutAttempting() {
    CircuitBreaker breaker = CircuitBreaker.of("open", RemoteTransport.DEFAULT_BREAKER);
    breaker.transitionToOpenState();
    RemoteOptions options = RemoteOptions.defaults(URI.create("http://fga.invalid"));
    ResilientCalls calls =
        new ResilientCalls(options, breaker, timeout -> null, now::get, sleeps::add);

    assertThatThrownBy(() -> run(calls, Failure.Safety.IDEMPOTENT, failing()))
        .isInstanceOf(FgaUnavailableException.class)
        .hasMessageContaining("circuit breaker");
    assertThat(attempts).hasValue(0);
  }

  @Test
  void callWhenServerRejectsCredentialsThenCachedCredentialIsDropped() {
    AtomicInteger rejected = new AtomicInteger();
    Authorization authorization =
        new Authorization() {
          @Override
          public String header(Duration timeout) {
            return "Bearer t";
          }

          @Override
          public void rejected() {
            rejected.incrementAndGet();
          }
        };
    ResilientCalls calls =
        new ResilientCalls(
            RemoteOptions.defaults(URI.create("http://fga.invalid")),
            CircuitBreaker.of("auth", RemoteTransport.DEFAULT_BREAKER),
            authorization,
            now::get,
            sleeps::add);

    assertThatThrownBy(() -> run(calls, Failure.Safety.IDEMPOTENT, failing(status(401, null))))
        .isInstanceOf(FgaUnavailableException.class);
    assertThat(rejected).hasValue(1);
  }

  @Test
  void callReportsTheAttemptDurationToTheBreaker() {
    CircuitBreaker breaker = CircuitBreaker.of("metrics", RemoteTransport.DEFAULT_BREAKER);
    ResilientCalls calls =
        new ResilientCalls(
            RemoteOptions.defaults(URI.create("http://fga.invalid")),
            breaker,
            timeout -> null,
            now::get,
            sleeps::add);

    calls.call(
        "check",
        calls.deadline(),
        Failure.Safety.IDEMPOTENT,
        (Request.Options options) -> {
          now.addAndGet(TimeUnit.MILLISECONDS.toNanos(5));
          return true;
        });

    assertThat(breaker.getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(1);
  }
}
