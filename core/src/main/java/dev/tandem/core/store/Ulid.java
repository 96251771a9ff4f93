package dev.tandem.core.store;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Generates ULIDs (26 characters of Crockford base32: 48-bit millisecond time, 80 random bits), the
 * identifiers OpenFGA uses for stores and models. Identifiers from one generator sort in creation
 * order, also within one millisecond.
 */
final class Ulid {

  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private long lastMillis = -1;
  private long randomHigh;
  private long randomLow;

  Ulid(Clock clock) {
    this.clock = clock;
  }

  synchronized String next() {
    long millis = clock.millis();
    if (millis <= lastMillis) {
      millis = lastMillis;
      randomLow++;
      if (randomLow >= 1L << 40) {
        randomLow = 0;
        randomHigh++;
      }
    } else {
      randomHigh = random.nextLong() & ((1L << 40) - 1);
      randomLow = random.nextLong() & ((1L << 40) - 1);
    }
    lastMillis = millis;
    char[] out = new char[26];
    encode(millis, out, 0, 10);
    encode(randomHigh, out, 10, 8);
    encode(randomLow, out, 18, 8);
    return new String(out);
  }

  private static void encode(long value, char[] out, int offset, int length) {
    for (int i = offset + length - 1; i >= offset; i--) {
      out[i] = ALPHABET[(int) (value & 31)];
      value >>>= 5;
    }
  }
}
