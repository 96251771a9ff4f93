package dev.tandem.spring.archunit;

import dev.tandem.core.annotation.RequiresRelation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Controllers implementing API interfaces, such as those OpenAPI Generator writes. */
final class InterfaceFixtures {

  private InterfaceFixtures() {}

  /** Mapping and requirement on the interface. */
  interface ProjectsApi {
    @GetMapping("/projects/{id}")
    @RequiresRelation(value = "can_view", on = "#id", type = "project")
    String view(String id);
  }

  @RestController
  static class ProjectsApiController implements ProjectsApi {
    @Override
    public String view(String id) {
      return id;
    }
  }

  /** Requirement on the interface, mapping on the controller. */
  interface TicketsApi {
    @RequiresRelation(value = "can_view", on = "#id", type = "project")
    String tickets(String id);
  }

  @RestController
  static class TicketsController implements TicketsApi {
    @Override
    @GetMapping("/projects/{id}/tickets")
    public String tickets(String id) {
      return id;
    }
  }

  /** Mapping on the interface, no authorization anywhere. */
  interface OpenApi {
    @GetMapping("/everything")
    String everything();
  }

  @RestController
  static class OpenApiController implements OpenApi {
    @Override
    public String everything() {
      return "everything";
    }
  }

  /** A class that is not a bean, woven by AspectJ, whose requirement is only on its interface. */
  static class WovenWithInterfaceRequirement implements TicketsApi {
    @Override
    public String tickets(String id) {
      return id;
    }
  }

  /** A woven class that repeats the requirement on the implementation. */
  static class WovenWithOwnRequirement implements TicketsApi {
    @Override
    @RequiresRelation(value = "can_view", on = "#id", type = "project")
    public String tickets(String id) {
      return id;
    }
  }
}
