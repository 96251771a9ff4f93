package dev.tandem.spring.app;

import dev.tandem.core.annotation.AuthenticatedOnly;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints authorized by Spring Security with Tandem's decisions. */
@RestController
public class ReportController {

  // tag::preauthorize[]
  @GetMapping("/reports/{id}")
  @AuthenticatedOnly
  @PreAuthorize("@fga.check(#id, 'can_view', 'project')")
  public String report(@PathVariable String id) {
    return "report " + id;
  }

  // end::preauthorize[]

  /** Authorized in the filter chain by {@code TandemAuthorizationManagers}. */
  @GetMapping("/guarded/projects/{projectId}")
  @AuthenticatedOnly
  public String guarded(@PathVariable String projectId) {
    return "guarded " + projectId;
  }
}
