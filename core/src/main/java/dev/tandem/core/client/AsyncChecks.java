package dev.tandem.core.client;

import dev.tandem.core.FgaException;
import dev.tandem.core.FgaUnavailableException;
import dev.tandem.core.engine.CheckResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Helpers that keep every asynchronous check answer an {@link FgaException} or a result. */
final class AsyncChecks {

  private AsyncChecks() {}

  /** The failure as an {@link FgaException}: unwrapped from future wrappers, or wrapped. */
  static FgaException asFga(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof FgaException fga) {
      return fga;
    }
    return new FgaUnavailableException("the check failed", cause);
  }

  /** Runs a synchronous check now and returns its outcome as a completed future. */
  static CompletableFuture<CheckResult> completed(Supplier<CheckResult> check) {
    try {
      return settled(check.get(), null);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(asFga(e));
    }
  }

  /**
   * A new future completed like {@code source}, with an {@link FgaException} (never a wrapper) on
   * failure and a failure for a missing result. Callers get their own future, so one caller
   * completing or cancelling it cannot change what another caller sees.
   */
  static CompletableFuture<CheckResult> relay(CompletableFuture<CheckResult> source) {
    CompletableFuture<CheckResult> answer = new CompletableFuture<>();
    source.whenComplete((result, error) -> complete(answer, result, error));
    return answer;
  }

  /** Completes {@code answer} with {@code result}, or with {@code error} as an FgaException. */
  static void complete(
      CompletableFuture<CheckResult> answer,
      @Nullable CheckResult result,
      @Nullable Throwable error) {
    if (error != null) {
      answer.completeExceptionally(asFga(error));
    } else if (result == null) {
      answer.completeExceptionally(
          new FgaUnavailableException("the delegate answered a check with no result"));
    } else {
      answer.complete(result);
    }
  }

  private static CompletableFuture<CheckResult> settled(
      @Nullable CheckResult result, @Nullable Throwable error) {
    CompletableFuture<CheckResult> answer = new CompletableFuture<>();
    complete(answer, result, error);
    return answer;
  }
}
