package dev.tandem.spring;

import static dev.tandem.spring.Tokens.as;
import static dev.tandem.spring.Tokens.claims;
import static dev.tandem.spring.Tokens.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tandem.spring.app.TestApp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

class WebEnforcementTest extends TestAppMvcTest {

  @Test
  void viewerIsAllowed() throws Exception {
    mvc.perform(as(get("/projects/apollo"), user("alice")))
        .andExpect(status().isOk())
        .andExpect(content().string("project apollo"));
  }

  @Test
  void otherUserIsForbiddenWithProblemDetail() throws Exception {
    mvc.perform(as(get("/projects/apollo"), user("bob")))
        .andExpect(status().isForbidden())
        .andExpect(content().contentType("application/problem+json"))
        .andExpect(jsonPath("$.status").value(403))
        .andExpect(jsonPath("$.type").value("https://tandem.dev/problems/forbidden"));
  }

  @Test
  void requestWithoutTokenIsUnauthenticated() throws Exception {
    mvc.perform(get("/projects/apollo"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", "Bearer"))
        .andExpect(content().contentType("application/problem+json"));
    mvc.perform(get("/me")).andExpect(status().isUnauthorized());
  }

  @Test
  void authenticatedOnlyNeedsJustAnActor() throws Exception {
    mvc.perform(as(get("/me"), user("bob"))).andExpect(status().isOk());
  }

  @Test
  void delegatedAppWithoutConsentGetsConsentRequiredNamingRelationAndObject() throws Exception {
    mvc.perform(as(get("/projects/apollo"), claims("alice", "third-party", Map.of())))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.type").value("https://tandem.dev/problems/consent-required"))
        .andExpect(jsonPath("$.consent.client").value("third-party"))
        .andExpect(jsonPath("$.consent.relation").value("can_view"))
        .andExpect(jsonPath("$.consent.object").value("project:apollo"));
  }

  @Test
  void agentTaskInsideItsGrantsIsAllowedAndOutsideIsForbidden() throws Exception {
    Map<String, Object> agent = Map.of("act", Map.of("sub", "bot"), "task_id", "t1");
    mvc.perform(as(get("/projects/apollo"), claims("alice", "web", agent)))
        .andExpect(status().isOk());
    mvc.perform(as(get("/projects/zeus"), claims("alice", "web", agent)))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.type").value("https://tandem.dev/problems/outside-task"));
  }

  @Test
  void metaAnnotationInfersTheTypeFromTheModel() throws Exception {
    mvc.perform(as(post("/projects/apollo/tickets"), user("carol"))).andExpect(status().isOk());
    mvc.perform(as(post("/projects/apollo/tickets"), user("alice")))
        .andExpect(status().isForbidden());
  }

  @Test
  void backendFailureAnswersServiceUnavailableWithRetryAfter() throws Exception {
    TestApp.FAILING.set(true);
    mvc.perform(as(get("/projects/apollo"), user("alice")))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "5"))
        .andExpect(content().contentType("application/problem+json"));
  }

  @Test
  void maliciousIdsAreBadRequestsWithoutAnyCheck() throws Exception {
    int before = TestApp.CHECKS.get();
    for (String id : new String[] {"T(java.lang.Runtime)", "#{1+1}", "a b", "x:y", "${user}"}) {
      mvc.perform(as(get("/projects/{id}", id), user("alice")))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.type").value("https://tandem.dev/problems/invalid-request"));
    }
    assertThat(TestApp.CHECKS.get()).isEqualTo(before);
  }

  @Test
  void repeatedQueryParameterIsABadRequestWithoutAnyCheck() throws Exception {
    int before = TestApp.CHECKS.get();
    mvc.perform(as(get("/projects?id=apollo&id=zeus"), user("alice")))
        .andExpect(status().isBadRequest());
    assertThat(TestApp.CHECKS.get()).isEqualTo(before);
    mvc.perform(as(get("/projects?id=apollo"), user("alice"))).andExpect(status().isOk());
  }

  @Test
  void deniedAndNonexistentObjectsAnswerAlike() throws Exception {
    MvcResult denied = mvc.perform(as(get("/projects/apollo"), user("bob"))).andReturn();
    MvcResult missing = mvc.perform(as(get("/projects/no-such-project"), user("bob"))).andReturn();
    assertThat(missing.getResponse().getStatus()).isEqualTo(denied.getResponse().getStatus());
    assertThat(missing.getResponse().getContentAsString())
        .isEqualTo(denied.getResponse().getContentAsString());
  }
}
