package dev.tandem.core.internal.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing and CIDR matching with the rules of Go's {@code net/netip}. */
class IpAddressTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0.0.0.0",
        "192.168.0.1",
        "255.255.255.255",
        "::",
        "::1",
        "1::",
        "2001:db8::1",
        "2001:DB8:0:0:0:0:0:1",
        "1:2:3:4:5:6:7:8",
        "::ffff:192.168.0.1",
        "1:2:3:4:5:6:1.2.3.4",
        "fe80::1%eth0",
        "fe80::1%1"
      })
  void parseWhenWellFormedThenAccepts(String text) {
    assertThat(IpAddress.parse(text)).hasToString(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "localhost",
        "1.2.3",
        "1.2.3.4.5",
        "1.2.3.",
        ".1.2.3",
        "1..2.3",
        "256.0.0.1",
        "999.999.999.999",
        "01.2.3.4",
        "1.2.3.4%eth0",
        "1.2.3.04",
        "%eth0",
        ":1",
        "1:",
        "1:2:3:4:5:6:7",
        "1:2:3:4:5:6:7:8:9",
        "1:2:3:4:5:6:7:8::",
        "1::2::3",
        "12345::1",
        "fe80::1%",
        "::ffff:1.2.3",
        "1:2:3:4:5:1.2.3.4",
        "g::1",
        "\u0661.2.3.4",
        "1.2.3.4 "
      })
  void parseWhenMalformedThenRejects(String text) {
    assertThatIllegalArgumentException().isThrownBy(() -> IpAddress.parse(text));
  }

  @Test
  void equalsWhenSameAddressWrittenDifferentlyThenEqual() {
    assertThat(IpAddress.parse("2001:db8::1")).isEqualTo(IpAddress.parse("2001:DB8:0:0::0:1"));
    assertThat(IpAddress.parse("2001:db8::1").hashCode())
        .isEqualTo(IpAddress.parse("2001:DB8:0:0::0:1").hashCode());
  }

  @Test
  void equalsWhenIpv4AndItsMappedIpv6FormThenDifferent() {
    assertThat(IpAddress.parse("1.2.3.4")).isNotEqualTo(IpAddress.parse("::ffff:1.2.3.4"));
  }

  @Test
  void equalsWhenZonesDifferThenDifferent() {
    assertThat(IpAddress.parse("fe80::1%eth0")).isNotEqualTo(IpAddress.parse("fe80::1%eth1"));
    assertThat(IpAddress.parse("fe80::1%eth0")).isNotEqualTo(IpAddress.parse("fe80::1"));
  }

  @ParameterizedTest(name = "{0} in {1} = {2}")
  @CsvSource({
    "192.168.0.1, 192.168.0.0/24, true",
    "192.168.1.0, 192.168.0.0/24, false",
    "10.255.255.255, 10.0.0.0/8, true",
    "11.0.0.0, 10.0.0.0/8, false",
    "10.1.2.3, 10.9.9.9/8, true",
    "1.2.3.4, 0.0.0.0/0, true",
    "1.2.3.4, 1.2.3.4/32, true",
    "1.2.3.5, 1.2.3.4/32, false",
    "192.168.0.129, 192.168.0.128/25, true",
    "192.168.0.127, 192.168.0.128/25, false",
    "2001:db8::1, 2001:db8::/32, true",
    "2001:db9::1, 2001:db8::/32, false",
    "::1, ::/0, true",
    "1.2.3.4, ::/0, false",
    "::ffff:1.2.3.4, 1.2.3.0/24, false",
    "::ffff:1.2.3.4, ::ffff:1.2.3.0/120, true",
    "fe80::1%eth0, fe80::/10, false"
  })
  void inCidrWhenAddressChecked(String address, String cidr, boolean expected) {
    assertThat(IpAddress.parse(address).inCidr(cidr)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "10.0.0.0",
        "10.0.0.0/",
        "10.0.0.0/33",
        "10.0.0.0/08",
        "10.0.0.0/+8",
        "10.0.0.0/-1",
        "10.0.0/8",
        "::/129",
        "fe80::%eth0/64",
        "/8"
      })
  void inCidrWhenCidrMalformedThenRejects(String cidr) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> IpAddress.parse("10.0.0.1").inCidr(cidr))
        .withMessageContaining("malformed CIDR");
  }
}
