package dev.tandem.jakarta;

/** {@link DecisionsHttpTest} on Tomcat. */
class DecisionsHttpOnTomcatTest extends DecisionsHttpTest {

  @Override
  TestContainer.Kind container() {
    return TestContainer.Kind.TOMCAT;
  }
}
