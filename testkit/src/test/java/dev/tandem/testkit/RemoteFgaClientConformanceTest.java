package dev.tandem.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.conformance.ConformanceRunner;
import dev.tandem.core.conformance.ConformanceSuite;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every assertion of OpenFGA's conformance suite, in both of upstream's modes, through {@link
 * dev.tandem.core.client.RemoteFgaClient} against {@link OpenFgaTestServer}: the same count as the
 * embedded run, with the same exclusions (none).
 */
class RemoteFgaClientConformanceTest {

  private static OpenFgaTestServer server;
  private static ConformanceRunner runner;

  @BeforeAll
  static void start() {
    server = new OpenFgaTestServer().start();
    runner = new ConformanceRunner(new RemoteClientConformanceBackend(server), Map.of());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

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
