package dev.tandem.jakarta;

/** {@link RouteRulesHttpTest} on Jetty. */
class RouteRulesHttpOnJettyTest extends RouteRulesHttpTest {

  @Override
  TestContainer.Kind container() {
    return TestContainer.Kind.JETTY;
  }
}
