package dev.tandem.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.ErrorCode;
import dev.tandem.core.FgaUnavailableException;
import dev.tandem.core.FgaValidationException;
import dev.tandem.core.engine.BatchCheckItem;
import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.engine.CheckResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** The default {@link FgaClient#checkAsync} and {@link ForwardingFgaClient}'s forwarding of it. */
class AsyncCheckDefaultsTest {

  static final CheckRequest ANNE_VIEWS_README =
      CheckRequest.of("doc:readme", "viewer", "user:anne");

  final FakeFgaClient delegate = new FakeFgaClient();

  static Throwable failureOf(CompletableFuture<CheckResult> answer) throws InterruptedException {
    assertThat(answer).isDone();
    try {
      CheckResult result = answer.get();
      throw new AssertionError("expected the check to fail, got " + result);
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  @Test
  void checkAsyncWhenCheckAnswersThenACompletedFutureWithThatResult() throws Exception {
    delegate.grant("doc:readme", "viewer", "user:anne");

    CompletableFuture<CheckResult> answer = delegate.checkAsync(ANNE_VIEWS_README);

    assertThat(answer).isDone();
    assertThat(answer.get().allowed()).isTrue();
    assertThat(delegate.consistencies).containsExactly(Consistency.UNSPECIFIED);
  }

  @Test
  void checkAsyncPassesTheConsistency() {
    delegate.checkAsync(ANNE_VIEWS_README, Consistency.HIGHER_CONSISTENCY).join();

    assertThat(delegate.consistencies).containsExactly(Consistency.HIGHER_CONSISTENCY);
  }

  @Test
  void checkAsyncWhenCheckThrowsAnFgaExceptionThenTheFutureFailsWithIt() throws Exception {
    FgaValidationException invalid =
        new FgaValidationException(ErrorCode.RELATION_NOT_FOUND, "relation not found");
    delegate.rule = request -> new BatchCheckItem.Failed(invalid);

    assertThat(failureOf(delegate.checkAsync(ANNE_VIEWS_README))).isSameAs(invalid);
  }

  @Test
  void checkAsyncWhenCheckThrowsSomethingElseThenUnavailableWithThatCause() throws Exception {
    IllegalStateException bug = new IllegalStateException("bug");
    delegate.rule =
        request -> {
          throw bug;
        };

    assertThat(failureOf(delegate.checkAsync(ANNE_VIEWS_README)))
        .isInstanceOf(FgaUnavailableException.class)
        .hasCause(bug);
  }

  @Test
  void checkAsyncWhenCheckAnswersNothingThenUnavailableNotAnAllow() throws Exception {
    FgaClient noAnswer =
        new ForwardingFgaClient(delegate) {
          @Override
          public CheckResult check(CheckRequest request, Consistency consistency) {
            return null;
          }

          @Override
          public CompletableFuture<CheckResult> checkAsync(
              CheckRequest request, Consistency consistency) {
            return AsyncChecks.completed(() -> check(request, consistency));
          }
        };

    assertThat(failureOf(noAnswer.checkAsync(ANNE_VIEWS_README)))
        .isInstanceOf(FgaUnavailableException.class);
  }

  @Test
  void forwardingClientPassesCheckAsyncToTheDelegate() {
    CompletableFuture<CheckResult> theDelegates = new CompletableFuture<>();
    FgaClient inner =
        new ForwardingFgaClient(delegate) {
          @Override
          public CompletableFuture<CheckResult> checkAsync(
              CheckRequest request, Consistency consistency) {
            return theDelegates;
          }
        };
    FgaClient outer = new ForwardingFgaClient(inner) {};

    assertThat(outer.checkAsync(ANNE_VIEWS_README)).isSameAs(theDelegates);
    assertThat(delegate.checkCalls).hasValue(0);
  }
}
