package dev.tandem.jakarta;

import static dev.tandem.jakarta.RouteRulesHttpTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.http.AuthorizationProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link PathNormalisationHttpTest} on Tomcat, and what Tomcat as shipped does before the filter:
 * it normalises most ambiguous forms and passes them on, so the filter is what refuses them.
 */
class PathNormalisationHttpOnTomcatTest extends PathNormalisationHttpTest {

  @Override
  TestContainer.Kind container() {
    return TestContainer.Kind.TOMCAT;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "//projects/apollo",
        "/projects;v=1/apollo",
        "/projects/apollo;jsessionid=0123456789ABCDEF",
        "/static/..;/projects/apollo",
        "/static/../projects/apollo",
        "/static/%2e%2e/projects/apollo",
        "/static/%252e%252e/projects/apollo",
        "/projects/apollo%3Bjsessionid=x"
      })
  void ambiguousPathWhenTomcatNormalisesItThenTheFilterRefusesIt(String path) throws Exception {
    assertProblem(strict.get(path, "Authorization", alice), AuthorizationProblem.badRequest());
    assertThat(strict.handled()).hasValue(0);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/projects/apollo%2Fx",
        "/static/%5C..%5Cprojects/apollo",
        "/projects/apollo%00",
        "/projects/apoll%FF"
      })
  void encodedSlashBackslashNulOrBadUtf8WhenTomcatAsShippedThenItRefusesItself(String path)
      throws Exception {
    assertThat(strict.get(path, "Authorization", alice).statusCode()).isEqualTo(400);
    assertThat(strict.get(path, "Authorization", alice).headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).doesNotContain("problem"));
    assertThat(strict.handled()).hasValue(0);
  }

  @Test
  void contextRootWhenRequestedThenTomcatRunsTheFilterOnSlashWithoutRedirect() throws Exception {
    assertThat(strict.getRaw(TestContainer.CONTEXT, "Authorization", alice)).isEqualTo(403);
    assertThat(strict.handled()).hasValue(0);
  }
}
