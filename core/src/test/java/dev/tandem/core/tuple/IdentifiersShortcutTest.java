package dev.tandem.core.tuple;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.FgaValidationException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Identifiers#validateObject} and {@link Identifiers#validateUser} accept plainly valid
 * values without running every rule; they must accept exactly what the rules accept.
 */
class IdentifiersShortcutTest {

  /** Characters each rule treats differently, and some it does not care about. */
  private static final String ALPHABET = "a:#@* \u0001\u00e9\u007f";

  @Test
  void validateObjectWhenAnyShortValueThenAgreesWithTheRules() {
    for (String value : values()) {
      boolean byRules =
          Identifiers.objectField(value, false) == null && Identifiers.objectFormat(value) == null;
      assertThat(accepted(() -> Identifiers.validateObject(value))).as(value).isEqualTo(byRules);
    }
  }

  @Test
  void validateUserWhenAnyShortValueThenAgreesWithTheRules() {
    for (String value : values()) {
      boolean byRules =
          Identifiers.tupleUserField(value) == null && Identifiers.userFormat(value) == null;
      assertThat(accepted(() -> Identifiers.validateUser(value))).as(value).isEqualTo(byRules);
    }
  }

  @Test
  void validateWhenAtTheLengthLimitsThenAgreesWithTheRules() {
    for (int length : new int[] {253, 254, 255, 256, 257, 511, 512, 513}) {
      for (String value :
          List.of(
              "t:" + "i".repeat(length - 2),
              "t".repeat(length - 2) + ":i",
              "t".repeat(Math.max(1, length - 2)) + ":*")) {
        boolean objectByRules =
            Identifiers.objectField(value, false) == null
                && Identifiers.objectFormat(value) == null;
        boolean userByRules =
            Identifiers.tupleUserField(value) == null && Identifiers.userFormat(value) == null;
        assertThat(accepted(() -> Identifiers.validateObject(value)))
            .as("object of %d", value.length())
            .isEqualTo(objectByRules);
        assertThat(accepted(() -> Identifiers.validateUser(value)))
            .as("user of %d", value.length())
            .isEqualTo(userByRules);
      }
    }
  }

  /** Every string of up to five characters over {@link #ALPHABET}. */
  private static List<String> values() {
    List<String> values = new ArrayList<>();
    values.add("");
    int from = 0;
    for (int length = 1; length <= 5; length++) {
      int to = values.size();
      for (int i = from; i < to; i++) {
        for (char c : ALPHABET.toCharArray()) {
          values.add(values.get(i) + c);
        }
      }
      from = to;
    }
    return values;
  }

  private static boolean accepted(Runnable validation) {
    try {
      validation.run();
      return true;
    } catch (FgaValidationException e) {
      return false;
    }
  }
}
