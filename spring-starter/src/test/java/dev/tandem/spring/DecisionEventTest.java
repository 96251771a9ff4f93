package dev.tandem.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.core.FgaUnavailableException;
import dev.tandem.core.actor.Actor;
import dev.tandem.core.annotation.RequiresRelation;
import dev.tandem.core.authz.Authorizer;
import dev.tandem.core.authz.PrincipalRole;
import dev.tandem.core.client.FgaClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;

class DecisionEventTest {

  private final List<TandemDecisionEvent> events = new CopyOnWriteArrayList<>();
  private final AtomicReference<Actor> actor =
      new AtomicReference<>(Actor.user("alice").viaClient("app"));

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(TandemAutoConfiguration.class))
          .withPropertyValues(Repo.modelProperty())
          .withBean(ActorResolver.class, () -> actor::get)
          .withBean(Projects.class)
          .withBean(
              "capture",
              ApplicationListener.class,
              () -> (ApplicationListener<TandemDecisionEvent>) events::add);

  @Test
  void deniedDecisionPublishesEventWithChainRelationObjectAndDeniedPrincipals() {
    runner
        .withBean(Authorizer.class, TandemFgaTest::authorizer)
        .run(
            context -> {
              assertThatThrownBy(() -> context.getBean(Projects.class).view("apollo"))
                  .isInstanceOf(TandemAccessDeniedException.class);
              assertThat(events).hasSize(1);
              TandemDecisionEvent event = events.get(0);
              assertThat(event.outcome()).isEqualTo(TandemDecisionEvent.Outcome.DENIED);
              assertThat(event.relation()).isEqualTo("can_view");
              assertThat(event.object()).isEqualTo("project:apollo");
              assertThat(event.deniedPrincipals()).containsExactly(PrincipalRole.CONSENT);
              assertThat(event.actorChain()).isEqualTo("user:alice via client:app");
              assertThat(event.toString()).startsWith("decision denied actor=[user:alice via");
            });
  }

  @Test
  void auditLineWhenTokenIdHoldsALineBreakThenStaysOnOneLine() {
    actor.set(Actor.user("alice\ndecision granted actor=[user:root]").viaClient("app"));
    runner
        .withBean(Authorizer.class, TandemFgaTest::authorizer)
        .run(
            context -> {
              assertThatThrownBy(() -> context.getBean(Projects.class).view("apollo"))
                  .isInstanceOf(TandemAccessDeniedException.class);
              assertThat(events).hasSize(1);
              String line = events.get(0).toString();
              assertThat(line).doesNotContain("\n").contains("user:alice\\u000Adecision");
              assertThat(line).doesNotContain("[user:root]");
            });
  }

  @Test
  void failingBackendPublishesUnavailableEvent() {
    runner
        .withBean(
            Authorizer.class,
            () ->
                Authorizer.create(
                    (FgaClient)
                        java.lang.reflect.Proxy.newProxyInstance(
                            FgaClient.class.getClassLoader(),
                            new Class<?>[] {FgaClient.class},
                            (proxy, method, args) -> {
                              throw new FgaUnavailableException("down (test)");
                            })))
        .run(
            context -> {
              assertThatThrownBy(() -> context.getBean(Projects.class).view("apollo"))
                  .isInstanceOf(TandemAccessDeniedException.class);
              assertThat(events)
                  .extracting(TandemDecisionEvent::outcome)
                  .containsExactly(TandemDecisionEvent.Outcome.UNAVAILABLE);
            });
  }

  @Test
  void auditLogListenerIsRegisteredAndBacksOff() {
    runner.run(context -> assertThat(context).hasSingleBean(TandemAuditLog.class));
    TandemAuditLog own = new TandemAuditLog();
    runner
        .withBean(TandemAuditLog.class, () -> own)
        .run(context -> assertThat(context.getBean(TandemAuditLog.class)).isSameAs(own));
  }

  static class Projects {
    @RequiresRelation(value = "can_view", on = "#id", type = "project")
    public String view(String id) {
      return id;
    }
  }
}
