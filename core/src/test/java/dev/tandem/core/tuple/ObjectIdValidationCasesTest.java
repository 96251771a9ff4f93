package dev.tandem.core.tuple;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.testing.ConformanceData;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Every case of OpenFGA's shared {@code object-id-validation-cases.yaml}, each as its own test. */
class ObjectIdValidationCasesTest {

  private static final String CASES = "language/tests/data/object-id-validation-cases.yaml";

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (JsonNode node : ConformanceData.yaml(CASES)) {
      cases.add(
          Arguments.of(
              node.get("name").asString(),
              node.get("object_id").asString(),
              node.get("valid").asBoolean()));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isValidObjectIdWhenSharedCaseThenAgreesWithOpenFgaTooling(
      String name, String objectId, boolean valid) {
    assertThat(Identifiers.isValidObjectId(objectId)).as(name).isEqualTo(valid);
  }

  @Test
  void casesWhenReadThenAllTwentyThreeArePresent() {
    assertThat(cases()).hasSize(23);
  }
}
