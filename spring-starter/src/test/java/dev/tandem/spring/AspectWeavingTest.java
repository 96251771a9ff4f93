package dev.tandem.spring;

import static dev.tandem.spring.Denials.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tandem.core.actor.Actor;
import dev.tandem.core.authz.Authorizer;
import dev.tandem.core.client.FgaClient;
import dev.tandem.core.client.WriteRequest;
import dev.tandem.core.tuple.TupleKey;
import dev.tandem.spring.woven.CustomReport;
import dev.tandem.spring.woven.PlainService;
import dev.tandem.spring.woven.ProjectReport;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;

/**
 * {@code TandemEnforcementAspect} woven for real: this class runs in its own JVM with the AspectJ
 * agent and {@code META-INF/tandem-test-aop.xml} (the {@code aspectj-weaving} surefire execution),
 * and {@link PlainService} and {@link ProjectReport} are created with {@code new}, never beans.
 */
class AspectWeavingTest {

  private final AtomicReference<Actor> actor = new AtomicReference<>();
  private final List<TandemDecisionEvent> decisions = new CopyOnWriteArrayList<>();

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(TandemAutoConfiguration.class))
          .withPropertyValues(Repo.modelProperty())
          .withBean(ActorResolver.class, () -> actor::get)
          .withBean(Authorizer.class, AspectWeavingTest::authorizer)
          .withBean(
              "decisions",
              ApplicationListener.class,
              () -> (ApplicationListener<TandemDecisionEvent>) decisions::add);

  private static Authorizer authorizer() {
    FgaClient client = FgaClient.builder().embedded().build();
    client.writeAuthorizationModel(Repo.model());
    client.write(
        new WriteRequest(
            List.of(
                TupleKey.of("project:apollo", "viewer", "user:alice"),
                TupleKey.of("project:apollo", "editor", "user:alice"),
                TupleKey.of("project:apollo", "viewer", "user:bob")),
            List.of()));
    return Authorizer.create(client);
  }

  @Test
  void viewWhenActorMayViewThenRuns() {
    actor.set(Actor.user("alice"));
    runner.run(
        context -> assertThat(new PlainService().view("apollo")).isEqualTo("project apollo"));
  }

  @Test
  void viewWhenActorMayNotViewThenDenied() {
    actor.set(Actor.user("mallory"));
    runner.run(context -> assertStatus(() -> new PlainService().view("apollo"), 403));
  }

  @Test
  void editWhenOneRepeatedRequirementFailsThenDeniedByOneBatch() {
    actor.set(Actor.user("bob"));
    runner.run(
        context -> {
          assertThatThrownBy(() -> new PlainService().edit("apollo"))
              .isInstanceOf(TandemAccessDeniedException.class);
          assertThat(decisions)
              .extracting(TandemDecisionEvent::relation, TandemDecisionEvent::batchSize)
              .containsExactly(tuple("can_view", 2), tuple("can_edit", 2));
          actor.set(Actor.user("alice"));
          assertThat(new PlainService().edit("apollo")).isEqualTo("editing apollo");
        });
  }

  @Test
  void viewWhenIdIsAnExpressionThenBadRequestWithoutDecision() {
    actor.set(Actor.user("alice"));
    runner.run(
        context -> {
          assertStatus(() -> new PlainService().view("T(java.lang.Runtime)"), 400);
          assertThat(decisions).isEmpty();
        });
  }

  @Test
  void viewWhenNoActorThenUnauthenticated() {
    runner.run(context -> assertStatus(() -> new PlainService().view("apollo"), 401));
  }

  @Test
  void viewWhenNotConfiguredThenDenied() {
    assertThatThrownBy(() -> new PlainService().view("apollo"))
        .isInstanceOf(TandemAccessDeniedException.class)
        .hasRootCauseMessage(
            "Tandem enforcement is not configured: dev.tandem.spring.woven.PlainService.view"
                + " is denied until TandemAutoConfiguration has started");
  }

  @Test
  void viewWhenContextClosedThenDeniedAgain() {
    actor.set(Actor.user("alice"));
    runner.run(context -> assertThat(new PlainService().view("apollo")).isNotNull());
    assertThatThrownBy(() -> new PlainService().view("apollo"))
        .isInstanceOf(TandemAccessDeniedException.class);
  }

  @Test
  void createTicketWhenMetaAnnotatedThenEnforced() {
    actor.set(Actor.user("bob"));
    runner.run(
        context -> {
          assertStatus(() -> new PlainService().createTicket("apollo"), 403);
          actor.set(Actor.user("alice"));
          assertThat(new PlainService().createTicket("apollo")).isEqualTo("ticket in apollo");
          assertThat(decisions)
              .extracting(TandemDecisionEvent::relation, TandemDecisionEvent::outcome)
              .containsExactly(
                  tuple("can_create_ticket", TandemDecisionEvent.Outcome.DENIED),
                  tuple("can_create_ticket", TandemDecisionEvent.Outcome.GRANTED));
        });
  }

  @Test
  void maintainWhenMetaAnnotationIsTwoLevelsDeepThenEnforced() {
    actor.set(Actor.user("bob"));
    runner.run(
        context -> {
          assertThatThrownBy(() -> new PlainService().maintain("apollo"))
              .isInstanceOf(TandemAccessDeniedException.class);
          actor.set(Actor.user("alice"));
          assertThat(new PlainService().maintain("apollo")).isEqualTo("maintaining apollo");
        });
  }

  @Test
  void summaryWhenRequirementIsOnTheClassThenEnforced() {
    actor.set(Actor.user("mallory"));
    runner.run(
        context -> {
          assertStatus(() -> new ProjectReport().summary("apollo"), 403);
          actor.set(Actor.user("bob"));
          assertThat(new ProjectReport().summary("apollo")).isEqualTo("summary of apollo");
          assertThat(decisions)
              .extracting(TandemDecisionEvent::relation, TandemDecisionEvent::object)
              .containsExactly(
                  tuple("can_view", "project:apollo"), tuple("can_view", "project:apollo"));
        });
  }

  @Test
  void titleWhenStaticMethodOfAnnotatedClassThenNotChecked() {
    assertThat(ProjectReport.title("apollo")).isEqualTo("report on apollo");
  }

  @Test
  void summaryWhenOverriddenByUnannotatedSubclassThenSuperclassRequirementStillApplies() {
    assertThatThrownBy(() -> new CustomReport().summary("apollo"))
        .isInstanceOf(TandemAccessDeniedException.class);
    runner.run(
        context -> {
          actor.set(Actor.user("mallory"));
          assertStatus(() -> new CustomReport().summary("apollo"), 403);
          actor.set(Actor.user("bob"));
          assertThat(new CustomReport().summary("apollo")).isEqualTo("custom summary of apollo");
        });
  }

  @Test
  void undecidedWhenOptOutsContradictThenCallFails() {
    actor.set(Actor.user("alice"));
    runner.run(
        context ->
            assertThatThrownBy(() -> new PlainService().undecided())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("declares both @PublicEndpoint and @AuthenticatedOnly"));
  }

  @Test
  void visibleWhenFilterByRelationThenKeepsOnlyWhatTheActorMayView() {
    actor.set(Actor.user("bob"));
    runner.run(
        context ->
            assertThat(new PlainService().visible("zeus", "apollo", "hermes", "apollo"))
                .containsExactly("apollo", "apollo"));
  }

  @Test
  void meWhenAuthenticatedOnlyThenNeedsAnActor() {
    runner.run(
        context -> {
          assertStatus(() -> new PlainService().me(), 401);
          actor.set(Actor.user("mallory"));
          assertThat(new PlainService().me()).isEqualTo("me");
        });
  }

  @Test
  void everyEnforcedFormWhenNotConfiguredThenDenied() {
    PlainService service = new PlainService();
    assertThatThrownBy(() -> service.createTicket("apollo"))
        .isInstanceOf(TandemAccessDeniedException.class);
    assertThatThrownBy(() -> service.maintain("apollo"))
        .isInstanceOf(TandemAccessDeniedException.class);
    assertThatThrownBy(() -> service.visible("apollo"))
        .isInstanceOf(TandemAccessDeniedException.class);
    assertThatThrownBy(() -> service.me()).isInstanceOf(TandemAccessDeniedException.class);
    assertThatThrownBy(() -> new ProjectReport().summary("apollo"))
        .isInstanceOf(TandemAccessDeniedException.class);
  }

  @Test
  void openWhenUnannotatedThenRunsUnwovenAndUnchecked() {
    assertThat(new PlainService().open()).isEqualTo("open");
  }
}
