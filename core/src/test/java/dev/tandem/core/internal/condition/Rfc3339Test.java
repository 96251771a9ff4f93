package dev.tandem.core.internal.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 3339 timestamps as Go's {@code time.Parse(time.RFC3339, ...)} reads them. */
class Rfc3339Test {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "2023-10-11T10:00:00Z, 2023-10-11T10:00:00Z",
    "2023-10-11T10:00:00.000Z, 2023-10-11T10:00:00Z",
    "2023-10-11T10:00:00.5Z, 2023-10-11T10:00:00.500Z",
    "2023-10-11T10:00:00.123456789Z, 2023-10-11T10:00:00.123456789Z",
    "2023-10-11T10:00:00.1234567891234Z, 2023-10-11T10:00:00.123456789Z",
    "2023-10-11T12:30:00+02:30, 2023-10-11T10:00:00Z",
    "2023-10-11T00:00:00-05:00, 2023-10-11T05:00:00Z",
    "2023-10-11T00:00:00+23:59, 2023-10-10T00:01:00Z",
    "2024-02-29T23:59:59Z, 2024-02-29T23:59:59Z",
    "0001-01-01T00:00:00Z, 0001-01-01T00:00:00Z",
    "9999-12-31T23:59:59.999999999Z, 9999-12-31T23:59:59.999999999Z"
  })
  void parseWhenValidThenInstant(String text, String expected) {
    assertThat(Rfc3339.parse(text)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "2023-10-11",
        "2023-10-11T10:00Z",
        "2023-10-11T10:00:00",
        "2023-10-11 10:00:00Z",
        "2023-10-11t10:00:00Z",
        "2023-10-11T10:00:00z",
        "2023-10-11T10:00:00.Z",
        "2023-10-11T10:00:00+0200",
        "2023-10-11T10:00:00+02",
        "2023-10-11T10:00:00+24:00",
        "2023-10-11T10:00:00+02:60",
        "2023-13-11T10:00:00Z",
        "2023-00-11T10:00:00Z",
        "2023-02-29T10:00:00Z",
        "2023-04-31T10:00:00Z",
        "2023-10-11T24:00:00Z",
        "2023-10-11T23:60:00Z",
        "2023-10-11T23:59:60Z",
        "+2023-10-11T10:00:00Z",
        "2023-1a-11T10:00:00Z",
        "2023-10-11T10:00:00Z "
      })
  void parseWhenInvalidThenRejects(String text) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Rfc3339.parse(text))
        .withMessageContaining("RFC 3339");
  }
}
