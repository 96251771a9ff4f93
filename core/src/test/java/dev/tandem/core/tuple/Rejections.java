package dev.tandem.core.tuple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tandem.core.ErrorCode;
import dev.tandem.core.FgaValidationException;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on validation failures. */
final class Rejections {

  private Rejections() {}

  /** Asserts that {@code call} fails with {@code code}; returns an assertion on the message. */
  static AbstractStringAssert<?> assertRejected(ThrowingCallable call, ErrorCode code) {
    FgaValidationException e = catchThrowableOfType(FgaValidationException.class, call);
    assertThat(e).as("expected an FgaValidationException with %s", code).isNotNull();
    assertThat(e.code()).as("error code of: %s", e.getMessage()).isEqualTo(code);
    return assertThat(e.getMessage());
  }
}
