package dev.tandem.core.internal.remote;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** Parses the {@code Retry-After} header (RFC 9110 section 10.2.3). */
final class RetryAfter {

  private RetryAfter() {}

  /**
   * The delay a {@code Retry-After} value asks for: delay-seconds, or an HTTP date relative to
   * {@code now} (a date in the past is zero). Null when the header is absent or unparseable.
   */
  static @Nullable Duration parse(@Nullable String value, Instant now) {
    if (value == null) {
      return null;
    }
    String text = value.trim();
    if (text.isEmpty()) {
      return null;
    }
    if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      // Absurdly long values saturate instead of overflowing; they are beyond any cap anyway.
      return text.length() > 12
          ? Duration.ofSeconds(999_999_999_999L)
          : Duration.ofSeconds(Long.parseLong(text));
    }
    try {
      Instant date = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration delay = Duration.between(now, date);
      return delay.isNegative() ? Duration.ZERO : delay;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
