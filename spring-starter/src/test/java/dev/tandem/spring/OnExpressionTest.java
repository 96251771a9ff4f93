package dev.tandem.spring;

import static dev.tandem.spring.Denials.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.actor.Actor;
import dev.tandem.core.annotation.RequiresRelation;
import dev.tandem.core.authz.Authorizer;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The value of {@code on} decides the object, whether it names a parameter ({@code #id}, read
 * directly) or a property of one ({@code #ticket.projectId}, evaluated by SpEL).
 */
class OnExpressionTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(TandemAutoConfiguration.class))
          .withPropertyValues(Repo.modelProperty())
          .withBean(Authorizer.class, TandemFgaTest::authorizer)
          .withBean(ActorResolver.class, () -> () -> Actor.user("alice"))
          .withBean(Projects.class);

  @Test
  void onParameterWhenArgumentIsViewableThenRuns() {
    runner.run(
        context -> assertThat(context.getBean(Projects.class).view("apollo")).isEqualTo("apollo"));
  }

  @Test
  void onParameterWhenArgumentIsNotViewableThenForbidden() {
    runner.run(context -> assertStatus(() -> context.getBean(Projects.class).view("zeus"), 403));
  }

  @Test
  void onParameterWhenArgumentIsNullThenForbidden() {
    runner.run(context -> assertStatus(() -> context.getBean(Projects.class).view(null), 403));
  }

  @Test
  void onParameterWhenArgumentIsNotOneValidIdThenBadRequest() {
    runner.run(
        context -> {
          Projects projects = context.getBean(Projects.class);
          assertStatus(() -> projects.viewAny(List.of("apollo")), 400);
          assertStatus(() -> projects.view("T(java.lang.Runtime)"), 400);
          assertStatus(() -> projects.view("apollo,zeus"), 400);
          assertStatus(() -> projects.view(""), 400);
        });
  }

  @Test
  void onSecondParameterThenItsArgumentDecides() {
    runner.run(
        context -> {
          Projects projects = context.getBean(Projects.class);
          assertThat(projects.rename(UUID.randomUUID(), "apollo")).isEqualTo("apollo");
          assertStatus(() -> projects.rename(UUID.randomUUID(), "zeus"), 403);
        });
  }

  @Test
  void onPropertyWhenItsValueIsViewableThenRuns() {
    runner.run(
        context ->
            assertThat(context.getBean(Projects.class).open(new Ticket("apollo")))
                .isEqualTo("apollo"));
  }

  @Test
  void onPropertyWhenItsValueIsNotViewableThenForbidden() {
    runner.run(
        context ->
            assertStatus(() -> context.getBean(Projects.class).open(new Ticket("zeus")), 403));
  }

  @Test
  void onPropertyWhenTheParameterIsNullThenForbidden() {
    runner.run(context -> assertStatus(() -> context.getBean(Projects.class).open(null), 403));
  }

  @Test
  void onRootWhenAParameterIsNamedRootThenSpelRootNotTheArgumentThenForbidden() {
    // #root is SpEL's root object (none here), never the parameter of that name.
    runner.run(context -> assertStatus(() -> context.getBean(Projects.class).root("apollo"), 403));
  }

  /** A value whose property names the project. */
  public record Ticket(String projectId) {}

  static class Projects {
    @RequiresRelation(value = "can_view", on = "#id", type = "project")
    public @Nullable String view(@Nullable String id) {
      return id;
    }

    @RequiresRelation(value = "can_view", on = "#ids", type = "project")
    public List<String> viewAny(List<String> ids) {
      return ids;
    }

    @RequiresRelation(value = "can_view", on = "#project", type = "project")
    public String rename(UUID request, String project) {
      return project;
    }

    @RequiresRelation(value = "can_view", on = "#ticket.projectId", type = "project")
    public String open(@Nullable Ticket ticket) {
      return ticket == null ? "" : ticket.projectId();
    }

    @RequiresRelation(value = "can_view", on = "#root", type = "project")
    public String root(String root) {
      return root;
    }
  }
}
