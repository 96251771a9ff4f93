package dev.tandem.jakarta;

/** {@link DecisionsHttpTest} on Jetty. */
class DecisionsHttpOnJettyTest extends DecisionsHttpTest {

  @Override
  TestContainer.Kind container() {
    return TestContainer.Kind.JETTY;
  }
}
