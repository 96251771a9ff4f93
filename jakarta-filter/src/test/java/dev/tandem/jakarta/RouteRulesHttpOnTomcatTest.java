package dev.tandem.jakarta;

/** {@link RouteRulesHttpTest} on Tomcat. */
class RouteRulesHttpOnTomcatTest extends RouteRulesHttpTest {

  @Override
  TestContainer.Kind container() {
    return TestContainer.Kind.TOMCAT;
  }
}
