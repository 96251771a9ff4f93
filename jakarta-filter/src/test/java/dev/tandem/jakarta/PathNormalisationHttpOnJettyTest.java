package dev.tandem.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link PathNormalisationHttpTest} on Jetty, and what Jetty as shipped does before the filter: it
 * refuses most ambiguous forms itself.
 */
class PathNormalisationHttpOnJettyTest extends PathNormalisationHttpTest {

  @Override
  TestContainer.Kind container() {
    return TestContainer.Kind.JETTY;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "//projects/apollo",
        "/static/..;/projects/apollo",
        "/static/%2e%2e/projects/apollo",
        "/projects/apollo%2Fx",
        "/static/%5C..%5Cprojects/apollo"
      })
  void ambiguousPathWhenJettyAsShippedThenItRefusesItself(String path) throws Exception {
    assertThat(strict.get(path, "Authorization", alice).statusCode()).isEqualTo(400);
    assertThat(strict.get(path, "Authorization", alice).headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).doesNotContain("problem"));
    assertThat(strict.handled()).hasValue(0);
  }

  @Test
  void contextRootWhenRequestedThenJettyRedirectsBeforeTheFilter() throws Exception {
    assertThat(strict.getRaw(TestContainer.CONTEXT, "Authorization", alice)).isEqualTo(301);
    assertThat(strict.handled()).hasValue(0);
  }
}
