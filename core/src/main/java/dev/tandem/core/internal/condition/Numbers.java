package dev.tandem.core.internal.condition;

import com.google.common.primitives.UnsignedLong;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/**
 * Converts JSON-like numbers to the CEL values of {@code int}, {@code uint} and {@code double}
 * parameters, with OpenFGA's rules: numbers and numeric strings are accepted; {@code int} and
 * {@code uint} reject fractions and values out of their range; a {@code double} given as a string
 * must be exactly representable.
 */
final class Numbers {

  private static final BigInteger UINT_LIMIT = BigInteger.ONE.shiftLeft(64);
  private static final double TWO_POW_63 = 0x1p63;

  /** More integer digits than any int or uint has; bounds the work done on huge exponents. */
  private static final int MAX_INTEGER_DIGITS = 21;

  private Numbers() {}

  /** The value of an {@code int} parameter. */
  static Long toInt(@Nullable Object value) {
    if (value instanceof Long l) {
      return l;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isFinite(d) && d == Math.rint(d) && d >= -TWO_POW_63 && d < TWO_POW_63) {
        return (long) d;
      }
    }
    BigInteger integer = integral(value, "an int");
    if (integer.bitLength() >= 64) {
      throw new IllegalArgumentException(
          "expected an int value, but found " + integer + ", which is out of range");
    }
    return integer.longValue();
  }

  /** The value of a {@code uint} parameter. */
  static UnsignedLong toUint(@Nullable Object value) {
    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      long l = ((Number) value).longValue();
      if (l >= 0) {
        return UnsignedLong.valueOf(l);
      }
    }
    BigInteger integer = integral(value, "a uint");
    if (integer.signum() < 0 || integer.compareTo(UINT_LIMIT) >= 0) {
      throw new IllegalArgumentException(
          "expected a uint value, but found " + integer + ", which is out of range");
    }
    return UnsignedLong.fromLongBits(integer.longValue());
  }

  /** The value of a {@code double} parameter. */
  static Double toDouble(@Nullable Object value) {
    double result;
    if (value instanceof Number number && !(value instanceof BigDecimal)) {
      result = number.doubleValue();
    } else if (value instanceof BigDecimal decimal) {
      result = decimal.doubleValue();
    } else if (value instanceof String text) {
      BigDecimal decimal = parse(text, "a double");
      result = decimal.doubleValue();
      // OpenFGA narrows numeric strings to float64 and rejects any loss of precision.
      if (Double.isFinite(result) && new BigDecimal(result).compareTo(decimal) != 0) {
        throw new IllegalArgumentException(
            "expected a double value, but '" + text + "' cannot be represented exactly as one");
      }
    } else {
      throw new IllegalArgumentException(
          "expected a double value, but found " + Values.describe(value));
    }
    if (!Double.isFinite(result)) {
      throw new IllegalArgumentException(
          "expected a double value, but found "
              + Values.describe(value)
              + ", which cannot be represented as one");
    }
    return result;
  }

  private static BigInteger integral(@Nullable Object value, String expected) {
    BigDecimal decimal;
    if (value instanceof BigInteger integer) {
      return integer;
    } else if (value instanceof BigDecimal d) {
      decimal = d;
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException(
            "expected " + expected + " value, but found " + Values.describe(value));
      }
      decimal = new BigDecimal(d);
    } else if (value instanceof Number number) {
      decimal = BigDecimal.valueOf(number.longValue());
    } else if (value instanceof String text) {
      decimal = parse(text, expected);
    } else {
      throw new IllegalArgumentException(
          "expected " + expected + " value, but found " + Values.describe(value));
    }
    if (decimal.signum() == 0) {
      return BigInteger.ZERO;
    }
    BigDecimal stripped = decimal.stripTrailingZeros();
    if (stripped.scale() > 0) {
      throw new IllegalArgumentException(
          "expected " + expected + " value, but found " + Values.describe(value));
    }
    if (stripped.precision() - stripped.scale() > MAX_INTEGER_DIGITS) {
      throw new IllegalArgumentException(
          "expected "
              + expected
              + " value, but found "
              + Values.describe(value)
              + ", which is out of range");
    }
    return stripped.toBigIntegerExact();
  }

  private static BigDecimal parse(String text, String expected) {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "expected " + expected + " value, but found invalid string value '" + text + "'", e);
    }
  }
}
