package dev.tandem.core.internal.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void parseWhenDelaySecondsThenThatDelay() {
    assertThat(RetryAfter.parse("0", NOW)).isEqualTo(Duration.ZERO);
    assertThat(RetryAfter.parse(" 120 ", NOW)).isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void parseWhenHttpDateThenTimeUntilIt() {
    assertThat(RetryAfter.parse("Sun, 01 Mar 2026 12:00:30 GMT", NOW))
        .isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void parseWhenHttpDateInThePastThenZero() {
    assertThat(RetryAfter.parse("Sun, 01 Mar 2026 11:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
  }

  @Test
  void parseWhenHugeNumberThenSaturatesInsteadOfOverflowing() {
    assertThat(RetryAfter.parse("99999999999999999999999", NOW))
        .isGreaterThan(Duration.ofDays(365));
  }

  @Test
  void parseWhenAbsentOrGarbageThenNull() {
    assertThat(RetryAfter.parse(null, NOW)).isNull();
    assertThat(RetryAfter.parse("", NOW)).isNull();
    assertThat(RetryAfter.parse("-5", NOW)).isNull();
    assertThat(RetryAfter.parse("soon", NOW)).isNull();
    assertThat(RetryAfter.parse("1.5", NOW)).isNull();
  }
}
