package dev.tandem.jakarta;

/** {@link PathNormalisationHttpTest} on Jetty. */
class PathNormalisationHttpOnJettyTest extends PathNormalisationHttpTest {

  @Override
  TestContainer.Kind container() {
    return TestContainer.Kind.JETTY;
  }
}
