package dev.tandem.core.internal.condition;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The value of an {@code ipaddress} condition parameter: the CEL type {@code IPAddress}, created by
 * {@code ipaddress("...")} and tested with {@code .in_cidr("...")}.
 *
 * <p>Parsing and matching follow Go's {@code net/netip}, which OpenFGA uses: IPv4 in dotted decimal
 * without leading zeros, IPv6 with an optional zone ({@code fe80::1%eth0}). An IPv4 address and its
 * IPv4-mapped IPv6 form ({@code ::ffff:1.2.3.4}) are different addresses; a zoned address is in no
 * CIDR range. Text is never resolved as a host name.
 */
final class IpAddress {

  private final byte[] bytes;
  private final @Nullable String zone;
  private final String text;

  private IpAddress(byte[] bytes, @Nullable String zone, String text) {
    this.bytes = bytes;
    this.zone = zone;
    this.text = text;
  }

  /**
   * Parses an IPv4 or IPv6 address.
   *
   * @throws IllegalArgumentException when {@code text} is not a well-formed address
   */
  static IpAddress parse(String text) {
    for (int i = 0; i < text.length(); i++) {
      switch (text.charAt(i)) {
        case '.':
          return new IpAddress(parseIpv4(text, 0, text.length()), null, text);
        case ':':
          return parseIpv6(text);
        case '%':
          throw invalid(text, "missing IPv6 address");
        default:
          break;
      }
    }
    throw invalid(text, "unable to parse IP");
  }

  /**
   * Whether this address lies in a CIDR range such as {@code 10.0.0.0/8}.
   *
   * @throws IllegalArgumentException when {@code cidr} is malformed
   */
  boolean inCidr(String cidr) {
    int slash = cidr.lastIndexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("'" + cidr + "' is a malformed CIDR string");
    }
    IpAddress network;
    try {
      network = parse(cidr.substring(0, slash));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + cidr + "' is a malformed CIDR string", e);
    }
    int bits = prefixLength(cidr, slash + 1, network.bytes.length * 8);
    if (network.zone != null) {
      throw new IllegalArgumentException("'" + cidr + "' is a malformed CIDR string");
    }
    if (zone != null || bytes.length != network.bytes.length) {
      return false;
    }
    int fullBytes = bits / 8;
    for (int i = 0; i < fullBytes; i++) {
      if (bytes[i] != network.bytes[i]) {
        return false;
      }
    }
    int rest = bits % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (bytes[fullBytes] & mask) == (network.bytes[fullBytes] & mask);
  }

  private static int prefixLength(String cidr, int from, int maxBits) {
    String digits = cidr.substring(from);
    boolean wellFormed =
        !digits.isEmpty()
            && digits.length() <= 3
            && digits.chars().allMatch(c -> c >= '0' && c <= '9')
            && (digits.length() == 1 || digits.charAt(0) != '0');
    if (!wellFormed || Integer.parseInt(digits) > maxBits) {
      throw new IllegalArgumentException("'" + cidr + "' is a malformed CIDR string");
    }
    return Integer.parseInt(digits);
  }

  private static byte[] parseIpv4(String text, int start, int end) {
    byte[] out = new byte[4];
    int field = 0;
    int value = 0;
    int digits = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        if (digits == 1 && value == 0) {
          throw invalid(text, "IPv4 field has octet with leading zero");
        }
        value = value * 10 + (c - '0');
        digits++;
        if (value > 255) {
          throw invalid(text, "IPv4 field has value >255");
        }
      } else if (c == '.') {
        if (digits == 0 || i == end - 1) {
          throw invalid(text, "IPv4 field must have at least one digit");
        }
        if (field == 3) {
          throw invalid(text, "IPv4 address too long");
        }
        out[field++] = (byte) value;
        value = 0;
        digits = 0;
      } else {
        throw invalid(text, "unexpected character '" + c + "'");
      }
    }
    if (field < 3 || digits == 0) {
      throw invalid(text, "IPv4 address too short");
    }
    out[3] = (byte) value;
    return out;
  }

  private static IpAddress parseIpv6(String text) {
    int end = text.length();
    String zone = null;
    int percent = text.indexOf('%');
    if (percent >= 0) {
      zone = text.substring(percent + 1);
      end = percent;
      if (zone.isEmpty()) {
        throw invalid(text, "zone must be a non-empty string");
      }
    }
    byte[] out = new byte[16];
    int ellipsis = -1;
    int pos = 0;
    int filled = 0;
    if (end >= 2 && text.charAt(0) == ':' && text.charAt(1) == ':') {
      ellipsis = 0;
      pos = 2;
    }
    while (pos < end && filled < 16) {
      int value = 0;
      int digits = 0;
      while (pos + digits < end && hexValue(text.charAt(pos + digits)) >= 0) {
        if (digits == 4) {
          throw invalid(text, "each group must have 4 or less digits");
        }
        value = (value << 4) | hexValue(text.charAt(pos + digits));
        digits++;
      }
      if (digits == 0) {
        throw invalid(text, "each colon-separated field must have at least one digit");
      }
      if (pos + digits < end && text.charAt(pos + digits) == '.') {
        if (ellipsis < 0 && filled != 12) {
          throw invalid(text, "embedded IPv4 address must replace the final 2 fields");
        }
        if (filled + 4 > 16) {
          throw invalid(text, "too many hex fields to fit an embedded IPv4 address");
        }
        System.arraycopy(parseIpv4(text, pos, end), 0, out, filled, 4);
        filled += 4;
        pos = end;
        break;
      }
      out[filled++] = (byte) (value >> 8);
      out[filled++] = (byte) value;
      pos += digits;
      if (pos == end) {
        break;
      }
      if (text.charAt(pos) != ':') {
        throw invalid(text, "unexpected character, want colon");
      }
      if (pos + 1 == end) {
        throw invalid(text, "colon must be followed by more characters");
      }
      pos++;
      if (text.charAt(pos) == ':') {
        if (ellipsis >= 0) {
          throw invalid(text, "multiple :: in address");
        }
        ellipsis = filled;
        pos++;
      }
    }
    if (pos != end) {
      throw invalid(text, "trailing garbage after address");
    }
    if (filled < 16) {
      if (ellipsis < 0) {
        throw invalid(text, "address string too short");
      }
      int gap = 16 - filled;
      System.arraycopy(out, ellipsis, out, ellipsis + gap, filled - ellipsis);
      Arrays.fill(out, ellipsis, ellipsis + gap, (byte) 0);
    } else if (ellipsis >= 0) {
      throw invalid(text, "the :: must expand to at least one field of zeros");
    }
    return new IpAddress(out, zone, text);
  }

  /** The value of an ASCII hex digit, or -1; {@link Character#digit} would accept other scripts. */
  private static int hexValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static IllegalArgumentException invalid(String text, String reason) {
    return new IllegalArgumentException("'" + text + "' is not an IP address: " + reason);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof IpAddress that
        && Arrays.equals(bytes, that.bytes)
        && Objects.equals(zone, that.zone);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(bytes) + Objects.hashCode(zone);
  }

  /** The address as it was written. */
  @Override
  public String toString() {
    return text;
  }
}
