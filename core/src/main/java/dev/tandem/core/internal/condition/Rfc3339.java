package dev.tandem.core.internal.condition;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Parses RFC 3339 timestamps as Go's {@code time.Parse(time.RFC3339, ...)} does, which OpenFGA uses
 * for {@code timestamp} parameters: {@code 2006-01-02T15:04:05Z} or with an offset {@code -07:00},
 * an optional fraction of any length (digits past nanoseconds are ignored), an upper-case {@code T}
 * and {@code Z}.
 *
 * <p>Hand-written because {@code DateTimeFormatter} costs about a microsecond per call, and the
 * engine converts timestamps on every evaluation.
 */
final class Rfc3339 {

  private static final int SECONDS_END = "2006-01-02T15:04:05".length();

  private Rfc3339() {}

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException when {@code text} is not an RFC 3339 timestamp
   */
  static Instant parse(String text) {
    if (text.length() < SECONDS_END + 1
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      throw invalid(text);
    }
    int year = number(text, 0, 4, 0, 9999);
    int month = number(text, 5, 7, 1, 12);
    int day = number(text, 8, 10, 1, YearMonth.of(year, month).lengthOfMonth());
    int hour = number(text, 11, 13, 0, 23);
    int minute = number(text, 14, 16, 0, 59);
    int second = number(text, 17, 19, 0, 59);
    int pos = SECONDS_END;
    int nanos = 0;
    if (text.charAt(pos) == '.' && pos + 1 < text.length() && isDigit(text.charAt(pos + 1))) {
      pos++;
      int digits = 0;
      for (; pos < text.length() && isDigit(text.charAt(pos)); pos++, digits++) {
        if (digits < 9) {
          nanos = nanos * 10 + (text.charAt(pos) - '0');
        }
      }
      for (; digits < 9; digits++) {
        nanos *= 10;
      }
    }
    int offsetSeconds = offset(text, pos);
    long epochSecond =
        LocalDate.of(year, month, day).toEpochDay() * 86_400L
            + hour * 3_600L
            + minute * 60L
            + second
            - offsetSeconds;
    return Instant.ofEpochSecond(epochSecond, nanos);
  }

  private static int offset(String text, int pos) {
    int remaining = text.length() - pos;
    if (remaining == 1 && text.charAt(pos) == 'Z') {
      return 0;
    }
    char sign = text.charAt(pos);
    if (remaining != 6 || (sign != '+' && sign != '-') || text.charAt(pos + 3) != ':') {
      throw invalid(text);
    }
    int seconds =
        number(text, pos + 1, pos + 3, 0, 23) * 3_600 + number(text, pos + 4, pos + 6, 0, 59) * 60;
    return sign == '-' ? -seconds : seconds;
  }

  private static int number(String text, int from, int to, int min, int max) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        throw invalid(text);
      }
      value = value * 10 + (c - '0');
    }
    if (value < min || value > max) {
      throw invalid(text);
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        "expected an RFC 3339 formatted timestamp string, but found '" + text + "'");
  }
}
