package dev.tandem.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on the {@link TandemAccessDeniedException} that enforcement throws. */
final class Denials {

  private Denials() {}

  /** {@code call} is refused with a problem of HTTP status {@code status}. */
  static void assertStatus(ThrowingCallable call, int status) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            TandemAccessDeniedException.class,
            e -> assertThat(e.problem().status()).isEqualTo(status));
  }
}
