package dev.tandem.core.authz;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The timestamps of task expiry, in whole seconds, always rounded towards denial. */
final class Times {

  /** The last {@code current_time} formatted: every check within one second sends the same. */
  private record Second(long epochSecond, String text) {}

  private static volatile Second last = new Second(Long.MIN_VALUE, "");

  private Times() {}

  /**
   * The {@code current_time} to send: now rounded up to the next whole second, so a grant never
   * outlives its expiry and answers stay cacheable for up to a second.
   */
  static String currentTime(Clock clock) {
    Instant now = clock.instant();
    long second = now.getNano() == 0 ? now.getEpochSecond() : now.getEpochSecond() + 1;
    Second known = last;
    if (known.epochSecond() == second) {
      return known.text();
    }
    String text = format(Instant.ofEpochSecond(second));
    last = new Second(second, text);
    return text;
  }

  /** The {@code expires_at} to store: now plus the time to live, rounded down. */
  static Instant expiry(Clock clock, java.time.Duration ttl) {
    return clock.instant().plus(ttl).truncatedTo(ChronoUnit.SECONDS);
  }

  static String format(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }
}
