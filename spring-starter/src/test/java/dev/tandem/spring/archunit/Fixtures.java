package dev.tandem.spring.archunit;

import dev.tandem.core.annotation.AuthenticatedOnly;
import dev.tandem.core.annotation.PublicEndpoint;
import dev.tandem.core.annotation.RequiresRelation;
import dev.tandem.spring.app.CanCreateTicket;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/** Classes that the ArchUnit rules are checked against. */
final class Fixtures {

  private Fixtures() {}

  /** A mapping annotation of the application's own. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @RequestMapping(method = RequestMethod.GET, produces = "application/json")
  @interface JsonGet {}

  /** A controller stereotype of the application's own. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @RestController
  @interface ApiController {}

  @RestController
  static class CoveredController {
    @GetMapping("/a")
    @RequiresRelation(value = "can_view", on = "#id", type = "project")
    public String direct(String id) {
      return id;
    }

    @PostMapping("/b")
    @RequiresRelation(value = "can_view", on = "#id", type = "project")
    @RequiresRelation(value = "can_edit", on = "#id", type = "project")
    public String repeated(String id) {
      return id;
    }

    @PutMapping("/c")
    @CanCreateTicket
    public String meta(String projectId) {
      return projectId;
    }

    @DeleteMapping("/d")
    @PublicEndpoint
    public String open() {
      return "open";
    }

    @PatchMapping("/e")
    @AuthenticatedOnly
    public String anyActor() {
      return "any";
    }

    @JsonGet
    @AuthenticatedOnly
    public String customMapping() {
      return "custom";
    }

    /** Not an endpoint: no mapping. */
    public String helper() {
      return "helper";
    }
  }

  @Controller
  @RequiresRelation(value = "can_view", on = "#id", type = "project")
  static class ClassLevelController {
    @RequestMapping("/f")
    public String inherited(String id) {
      return id;
    }
  }

  @RestController
  static class UncoveredController {
    @GetMapping("/g")
    public String forgotten() {
      return "oops";
    }
  }

  @ApiController
  static class UncoveredCustomController {
    @JsonGet
    public String forgottenToo() {
      return "oops";
    }
  }

  /** Not a controller: mappings here are not endpoints. */
  static class NotAController {
    @GetMapping("/h")
    public String notServed() {
      return "no";
    }
  }

  static class MismatchedService {
    @RequiresRelation(value = "no_such_relation", on = "#id", type = "project")
    public void unknownRelation(String id) {}

    @RequiresRelation(value = "can_view", on = "#id")
    public void ambiguousType(String id) {}

    @RequiresRelation(value = "can_view", on = "#id", type = "nosuchtype")
    public void unknownType(String id) {}
  }

  static class SelfInvokingService {
    @RequiresRelation(value = "can_create_ticket", on = "#projectId")
    public String create(String projectId) {
      return projectId;
    }

    public String createTwice(String projectId) {
      return create(projectId) + create(projectId);
    }
  }
}
