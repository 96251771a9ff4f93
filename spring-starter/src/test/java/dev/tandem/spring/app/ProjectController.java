package dev.tandem.spring.app;

import dev.tandem.core.annotation.AuthenticatedOnly;
import dev.tandem.core.annotation.RequiresRelation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints of the test app. */
@RestController
public class ProjectController {

  @GetMapping("/projects")
  @RequiresRelation(value = "can_view", on = "#id", type = "project")
  public String viewByQuery(@RequestParam String id) {
    return "project " + id;
  }

  // tag::controller[]
  @GetMapping("/projects/{id}")
  @RequiresRelation(value = "can_view", on = "#id", type = "project")
  public String view(@PathVariable String id) {
    return "project " + id;
  }

  @PostMapping("/projects/{projectId}/tickets")
  @CanCreateTicket
  public String createTicket(@PathVariable String projectId) {
    return "ticket in " + projectId;
  }

  @GetMapping("/me")
  @AuthenticatedOnly
  public String me() {
    return "me";
  }
  // end::controller[]
}
