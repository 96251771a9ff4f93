package dev.tandem.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * The test app over Spring Security's mock JWTs ({@code spring-security-test}), as docs/spring.md
 * tells users to test: the mock token is a {@code JwtAuthenticationToken}, mapped like a real one.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "logging.level.dev.tandem.spring=debug")
class MockJwtTest extends TestAppMvcTest {

  // tag::mock-jwt[]
  @Test
  void viewerWithMockJwtIsAllowedAndOtherUserForbidden() throws Exception {
    mvc.perform(
            get("/projects/apollo")
                .with(jwt().jwt(t -> t.subject("alice").claim("client_id", "web"))))
        .andExpect(status().isOk());
    mvc.perform(
            get("/projects/apollo")
                .with(jwt().jwt(t -> t.subject("bob").claim("client_id", "web"))))
        .andExpect(status().isForbidden());
  }

  // end::mock-jwt[]

  @Test
  void mockJwtWithoutClientIdIsUnauthorizedAndTheReasonIsLoggedAtDebug(CapturedOutput output)
      throws Exception {
    mvc.perform(get("/projects/apollo").with(jwt().jwt(t -> t.subject("alice"))))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", "Bearer error=\"invalid_token\""))
        .andExpect(jsonPath("$.type").value("https://tandem.dev/problems/unauthenticated"));

    assertThat(output)
        .contains("401: the token describes no actor: the token names no client [client_id, azp]");
  }

  @Test
  void mockJwtWhoseSubjectCannotBeAnFgaSubjectIsUnauthorizedAsAnInvalidToken() throws Exception {
    mvc.perform(
            get("/projects/apollo")
                .with(jwt().jwt(t -> t.subject("bob#member").claim("client_id", "web"))))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", "Bearer error=\"invalid_token\""))
        .andExpect(jsonPath("$.type").value("https://tandem.dev/problems/unauthenticated"));
  }
}
