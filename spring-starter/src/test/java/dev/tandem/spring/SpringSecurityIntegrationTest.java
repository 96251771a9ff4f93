package dev.tandem.spring;

import static dev.tandem.spring.Tokens.as;
import static dev.tandem.spring.Tokens.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tandem.spring.app.TestApp;
import org.junit.jupiter.api.Test;

class SpringSecurityIntegrationTest extends TestAppMvcTest {

  @Test
  void preAuthorizeWithFgaBeanAllowsViewer() throws Exception {
    mvc.perform(as(get("/reports/apollo"), user("alice")))
        .andExpect(status().isOk())
        .andExpect(content().string("report apollo"));
  }

  @Test
  void preAuthorizeWithFgaBeanForbidsOtherUser() throws Exception {
    mvc.perform(as(get("/reports/apollo"), user("bob"))).andExpect(status().isForbidden());
  }

  @Test
  void preAuthorizeWithFgaBeanTreatsExpressionsInIdsAsLiteralsWithoutAnyCheck() throws Exception {
    int before = TestApp.CHECKS.get();
    mvc.perform(as(get("/reports/{id}", "T(java.lang.Runtime)"), user("alice")))
        .andExpect(status().isForbidden());
    assertThat(TestApp.CHECKS.get()).isEqualTo(before);
  }

  @Test
  void preAuthorizeWithFgaBeanWithoutTokenIsUnauthenticated() throws Exception {
    mvc.perform(get("/reports/apollo")).andExpect(status().isUnauthorized());
  }

  @Test
  void preAuthorizeWithFgaBeanDeniesWhenBackendFails() throws Exception {
    TestApp.FAILING.set(true);
    mvc.perform(as(get("/reports/apollo"), user("alice"))).andExpect(status().isForbidden());
  }

  @Test
  void authorizationManagerAllowsViewerOfThePathVariable() throws Exception {
    mvc.perform(as(get("/guarded/projects/apollo"), user("alice")))
        .andExpect(status().isOk())
        .andExpect(content().string("guarded apollo"));
  }

  @Test
  void authorizationManagerForbidsOtherUserAndInvalidIds() throws Exception {
    mvc.perform(as(get("/guarded/projects/apollo"), user("bob"))).andExpect(status().isForbidden());
    int before = TestApp.CHECKS.get();
    mvc.perform(as(get("/guarded/projects/{id}", "a b"), user("alice")))
        .andExpect(status().isForbidden());
    assertThat(TestApp.CHECKS.get()).isEqualTo(before);
  }

  @Test
  void authorizationManagerWithoutTokenIsUnauthenticated() throws Exception {
    mvc.perform(get("/guarded/projects/apollo")).andExpect(status().isUnauthorized());
  }
}
