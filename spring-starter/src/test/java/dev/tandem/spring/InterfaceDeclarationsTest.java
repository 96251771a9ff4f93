package dev.tandem.spring;

import static dev.tandem.spring.Denials.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.core.actor.Actor;
import dev.tandem.core.annotation.FilterByRelation;
import dev.tandem.core.annotation.RequiresRelation;
import dev.tandem.core.authz.Authorizer;
import dev.tandem.core.client.FgaClient;
import dev.tandem.core.client.WriteRequest;
import dev.tandem.core.tuple.TupleKey;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Tandem annotations declared on the interface a bean implements (the pattern of OpenAPI-generated
 * controller interfaces) are enforced on the bean, as Spring Security enforces {@code PreAuthorize}
 * declared on interfaces.
 */
class InterfaceDeclarationsTest {

  private final AtomicReference<Actor> actor = new AtomicReference<>();

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(TandemAutoConfiguration.class))
          .withPropertyValues(Repo.modelProperty())
          .withBean(ActorResolver.class, () -> actor::get)
          .withBean(Authorizer.class, InterfaceDeclarationsTest::authorizer);

  private static Authorizer authorizer() {
    FgaClient client = FgaClient.builder().embedded().build();
    client.writeAuthorizationModel(Repo.model());
    client.write(
        new WriteRequest(
            List.of(
                TupleKey.of("project:apollo", "viewer", "user:alice"),
                TupleKey.of("project:zeus", "viewer", "user:alice")),
            List.of()));
    return Authorizer.create(client);
  }

  /** An API interface carrying the requirement; its implementation names the parameter alike. */
  interface ProjectApi {
    @RequiresRelation(value = "can_view", on = "#id", type = "project")
    String view(String id);
  }

  static class ProjectApiController implements ProjectApi {
    @Override
    public String view(String projectId) {
      return "project " + projectId;
    }
  }

  @RequiresRelation(value = "can_view", on = "#project", type = "project")
  interface Reports {
    String summary(String project);
  }

  static class ReportService implements Reports {
    @Override
    public String summary(String project) {
      return "summary of " + project;
    }
  }

  interface Search {
    @FilterByRelation(value = "can_view", type = "project", id = "#this")
    List<String> visible(String... ids);
  }

  static class SearchService implements Search {
    @Override
    public List<String> visible(String... ids) {
      return List.of(ids);
    }
  }

  interface Viewing {
    @RequiresRelation(value = "can_view", on = "#id", type = "project")
    String open(String id);
  }

  interface Editing {
    @RequiresRelation(value = "can_edit", on = "#id", type = "project")
    String open(String id);
  }

  static class Ambiguous implements Viewing, Editing {
    @Override
    public String open(String id) {
      return "opened " + id;
    }
  }

  /** Two interfaces declaring the same requirement agree: nothing to guess. */
  interface AlsoViewing {
    @RequiresRelation(value = "can_view", on = "#id", type = "project")
    String open(String id);
  }

  static class Agreeing implements Viewing, AlsoViewing {
    @Override
    public String open(String id) {
      return "opened " + id;
    }
  }

  @Test
  void viewWhenRequirementDeclaredOnInterfaceMethodAndActorLacksRelationThenDenied() {
    actor.set(Actor.user("mallory"));
    runner
        .withBean(ProjectApiController.class)
        .run(context -> assertStatus(() -> context.getBean(ProjectApi.class).view("apollo"), 403));
  }

  @Test
  void viewWhenRequirementDeclaredOnInterfaceMethodAndActorHoldsRelationThenRuns() {
    actor.set(Actor.user("alice"));
    runner
        .withBean(ProjectApiController.class)
        .run(
            context ->
                assertThat(context.getBean(ProjectApi.class).view("apollo"))
                    .isEqualTo("project apollo"));
  }

  @Test
  void viewWhenRequirementDeclaredOnInterfaceMethodAndNoActorThenUnauthenticated() {
    runner
        .withBean(ProjectApiController.class)
        .run(context -> assertStatus(() -> context.getBean(ProjectApi.class).view("apollo"), 401));
  }

  @Test
  void summaryWhenRequirementDeclaredOnInterfaceTypeThenEnforced() {
    runner
        .withBean(ReportService.class)
        .run(
            context -> {
              Reports reports = context.getBean(Reports.class);
              actor.set(Actor.user("mallory"));
              assertThatThrownBy(() -> reports.summary("apollo"))
                  .isInstanceOf(TandemAccessDeniedException.class);
              actor.set(Actor.user("alice"));
              assertThat(reports.summary("apollo")).isEqualTo("summary of apollo");
            });
  }

  @Test
  void visibleWhenFilterDeclaredOnInterfaceMethodThenFiltered() {
    actor.set(Actor.user("alice"));
    runner
        .withBean(SearchService.class)
        .run(
            context ->
                assertThat(context.getBean(Search.class).visible("hermes", "apollo", "zeus"))
                    .containsExactly("apollo", "zeus"));
  }

  @Test
  void startupWhenTwoInterfacesDeclareDifferentRequirementsThenFailsNamingBoth() {
    runner
        .withBean(Ambiguous.class)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasMessageContaining("Ambiguous.open(java.lang.String) inherits conflicting")
                    .hasMessageContaining("InterfaceDeclarationsTest$Viewing.open")
                    .hasMessageContaining("InterfaceDeclarationsTest$Editing.open"));
  }

  @Test
  void startupWhenTwoInterfacesDeclareTheSameRequirementThenStartsAndEnforces() {
    actor.set(Actor.user("mallory"));
    runner
        .withBean(Agreeing.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThatThrownBy(() -> context.getBean(Viewing.class).open("apollo"))
                  .isInstanceOf(TandemAccessDeniedException.class);
            });
  }

  /** An interface requirement naming a parameter neither method has. */
  interface Misnamed {
    @RequiresRelation(value = "can_view", on = "#nope", type = "project")
    String view(String id);
  }

  static class MisnamedService implements Misnamed {
    @Override
    public String view(String id) {
      return id;
    }
  }

  @Test
  void startupWhenInterfaceRequirementNamesNoParameterThenFailsNamingTheInterface() {
    runner
        .withBean(MisnamedService.class)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasMessageContaining("MisnamedService.view @RequiresRelation(\"can_view\")")
                    .hasMessageContaining("declared on")
                    .hasMessageContaining("names #nope, not a parameter [id]"));
  }
}
