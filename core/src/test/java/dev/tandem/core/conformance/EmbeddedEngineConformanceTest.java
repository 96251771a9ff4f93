package dev.tandem.core.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every assertion of OpenFGA's conformance suite against the embedded engine, in both of upstream's
 * modes (tuples written; tuples as contextual tuples).
 */
class EmbeddedEngineConformanceTest {

  /** Tests not run, each with its reason. Must stay under 1% of assertions. */
  static final Map<String, String> EXCLUSIONS = Map.of();

  private final ConformanceRunner runner = new ConformanceRunner(new EmbeddedBackend(), EXCLUSIONS);

  @TestFactory
  List<DynamicNode> consolidatedSuite() {
    List<ConformanceSuite.Case> cases =
        ConformanceSuite.load("openfga/consolidated_1_1_tests.yaml");
    assertThat(cases).hasSizeGreaterThan(130);
    return runner.tests(cases);
  }

  @TestFactory
  List<DynamicNode> abacSuite() {
    List<ConformanceSuite.Case> cases = ConformanceSuite.load("openfga/abac_tests.yaml");
    assertThat(cases).hasSizeGreaterThan(20);
    return runner.tests(cases);
  }
}
