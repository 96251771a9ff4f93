package dev.tandem.core.internal.condition;

import java.time.Duration;

/**
 * Parses durations in the syntax of Go's {@code time.ParseDuration}, which OpenFGA uses for {@code
 * duration} parameters: a signed sequence of decimal numbers, each with an optional fraction and a
 * unit, such as {@code 300ms}, {@code -1.5h} or {@code 2h45m}. Units are {@code ns}, {@code us} (or
 * {@code µs}), {@code ms}, {@code s}, {@code m} and {@code h}; the total must fit in a signed
 * 64-bit count of nanoseconds.
 */
final class GoDuration {

  /** 2^63 as an unsigned long: the largest magnitude a negative duration may have. */
  private static final long MAX_MAGNITUDE = Long.MIN_VALUE;

  private GoDuration() {}

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException when {@code text} is not a valid Go duration
   */
  static Duration parse(String text) {
    int pos = 0;
    boolean negative = false;
    if (!text.isEmpty() && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
      negative = text.charAt(0) == '-';
      pos = 1;
    }
    if (text.substring(pos).equals("0")) {
      return Duration.ZERO;
    }
    if (pos == text.length()) {
      throw invalid(text);
    }
    long total = 0;
    while (pos < text.length()) {
      char first = text.charAt(pos);
      if (first != '.' && !isDigit(first)) {
        throw invalid(text);
      }
      int start = pos;
      long whole = 0;
      for (; pos < text.length() && isDigit(text.charAt(pos)); pos++) {
        if (Long.compareUnsigned(whole, Long.divideUnsigned(MAX_MAGNITUDE, 10)) > 0) {
          throw invalid(text);
        }
        whole = whole * 10 + (text.charAt(pos) - '0');
        if (Long.compareUnsigned(whole, MAX_MAGNITUDE) > 0) {
          throw invalid(text);
        }
      }
      boolean hasWhole = pos > start;
      long fraction = 0;
      double scale = 1;
      boolean hasFraction = false;
      if (pos < text.length() && text.charAt(pos) == '.') {
        pos++;
        boolean overflow = false;
        for (; pos < text.length() && isDigit(text.charAt(pos)); pos++) {
          hasFraction = true;
          if (overflow) {
            continue;
          }
          long next = fraction * 10 + (text.charAt(pos) - '0');
          if (fraction > Long.MAX_VALUE / 10 || Long.compareUnsigned(next, MAX_MAGNITUDE) > 0) {
            overflow = true;
            continue;
          }
          fraction = next;
          scale *= 10;
        }
      }
      if (!hasWhole && !hasFraction) {
        throw invalid(text);
      }
      int unitStart = pos;
      while (pos < text.length() && text.charAt(pos) != '.' && !isDigit(text.charAt(pos))) {
        pos++;
      }
      if (unitStart == pos) {
        throw new IllegalArgumentException("missing unit in duration '" + text + "'");
      }
      long unit = unitNanos(text, text.substring(unitStart, pos));
      if (Long.compareUnsigned(whole, Long.divideUnsigned(MAX_MAGNITUDE, unit)) > 0) {
        throw invalid(text);
      }
      long value = whole * unit;
      if (fraction != 0) {
        // Go computes the fractional part in float64; doing the same keeps results identical.
        value += (long) (unsignedToDouble(fraction) * ((double) unit / scale));
        if (Long.compareUnsigned(value, MAX_MAGNITUDE) > 0) {
          throw invalid(text);
        }
      }
      total += value;
      if (Long.compareUnsigned(total, MAX_MAGNITUDE) > 0) {
        throw invalid(text);
      }
    }
    if (negative) {
      return Duration.ofNanos(-total);
    }
    if (total < 0) {
      throw invalid(text);
    }
    return Duration.ofNanos(total);
  }

  private static long unitNanos(String text, String unit) {
    return switch (unit) {
      case "ns" -> 1L;
      case "us", "\u00b5s", "\u03bcs" -> 1_000L;
      case "ms" -> 1_000_000L;
      case "s" -> 1_000_000_000L;
      case "m" -> 60_000_000_000L;
      case "h" -> 3_600_000_000_000L;
      default ->
          throw new IllegalArgumentException(
              "unknown unit '" + unit + "' in duration '" + text + "'");
    };
  }

  private static double unsignedToDouble(long value) {
    // Halve with the lost bit kept as a sticky bit, so that rounding matches a direct conversion.
    return value >= 0 ? value : ((value >>> 1) | (value & 1)) * 2.0;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException("invalid duration '" + text + "'");
  }
}
