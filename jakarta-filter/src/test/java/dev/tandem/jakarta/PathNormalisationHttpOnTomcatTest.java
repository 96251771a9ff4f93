package dev.tandem.jakarta;

/** {@link PathNormalisationHttpTest} on Tomcat. */
class PathNormalisationHttpOnTomcatTest extends PathNormalisationHttpTest {

  @Override
  TestContainer.Kind container() {
    return TestContainer.Kind.TOMCAT;
  }
}
