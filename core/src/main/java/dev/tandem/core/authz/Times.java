package dev.tandem.core.authz;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The timestamps of task expiry, in whole seconds, always rounded towards denial. */
final class Times {

  private Times() {}

  /**
   * The {@code current_time} to send: now rounded up to the next whole second, so a grant never
   * outlives its expiry and answers stay cacheable for up to a second.
   */
  static String currentTime(Clock clock) {
    Instant now = clock.instant();
    Instant whole = now.truncatedTo(ChronoUnit.SECONDS);
    return format(whole.equals(now) ? whole : whole.plusSeconds(1));
  }

  /** The {@code expires_at} to store: now plus the time to live, rounded down. */
  static Instant expiry(Clock clock, java.time.Duration ttl) {
    return clock.instant().plus(ttl).truncatedTo(ChronoUnit.SECONDS);
  }

  static String format(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }
}
