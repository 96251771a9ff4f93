package dev.tandem.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.actor.Actor;
import dev.tandem.core.annotation.AuthenticatedOnly;
import dev.tandem.core.annotation.PublicEndpoint;
import dev.tandem.core.annotation.RequiresRelation;
import dev.tandem.core.authz.Authorizer;
import dev.tandem.core.authz.Consents;
import dev.tandem.core.authz.Permission;
import dev.tandem.core.authz.TaskGrants;
import dev.tandem.core.client.CachingFgaClient;
import dev.tandem.core.client.CoalescingFgaClient;
import dev.tandem.core.client.FgaClient;
import dev.tandem.core.model.AuthorizationModel;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

class TandemAutoConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(TandemAutoConfiguration.class))
          .withPropertyValues(Repo.modelProperty());

  @Test
  void embeddedModeProvidesClientModelAuthorizerAndResolver() {
    runner.run(
        context -> {
          assertThat(context).hasSingleBean(FgaClient.class);
          assertThat(context).hasSingleBean(Authorizer.class);
          assertThat(context).hasSingleBean(ActorResolver.class);
          assertThat(context).hasSingleBean(TandemMethodAdvisor.class);
          assertThat(context.getBean(AuthorizationModel.class).type("project")).isNotNull();
        });
  }

  @Test
  void embeddedModeWithoutModelFailsNamingTheKey() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(TandemAutoConfiguration.class))
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("tandem.model must be set"));
  }

  @Test
  void remoteModeWithoutStoreIdFailsNamingTheKey() {
    runner
        .withPropertyValues("tandem.mode=remote", "tandem.remote.api-url=http://localhost:1")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("tandem.remote.store-id"));
  }

  @Test
  void remoteModeWithoutApiUrlFailsNamingTheKey() {
    runner
        .withPropertyValues(
            "tandem.mode=remote", "tandem.remote.store-id=01ARZ3NDEKTSV4RRFFQ69G5FAV")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("tandem.remote.api-url"));
  }

  @Test
  void cacheIsOnByDefaultAndCoalescingOff() {
    runner.run(
        context ->
            assertThat(context.getBean(FgaClient.class)).isInstanceOf(CachingFgaClient.class));
  }

  @Test
  void cacheDisabledAndCoalescingEnabledDecorateAccordingly() {
    runner
        .withPropertyValues("tandem.cache.enabled=false", "tandem.coalescing.enabled=true")
        .run(
            context ->
                assertThat(context.getBean(FgaClient.class))
                    .isInstanceOf(CoalescingFgaClient.class));
  }

  @Test
  void userDefinedFgaClientWins() {
    FgaClient own = FgaClient.builder().embedded().build();
    runner
        .withBean(FgaClient.class, () -> own)
        .run(context -> assertThat(context.getBean(FgaClient.class)).isSameAs(own));
  }

  @Test
  void userDefinedAuthorizerWins() {
    Authorizer own = Authorizer.create(FgaClient.builder().embedded().build());
    runner
        .withBean(Authorizer.class, () -> own)
        .run(context -> assertThat(context.getBean(Authorizer.class)).isSameAs(own));
  }

  @Test
  void userDefinedActorResolverWins() {
    ActorResolver own = () -> Actor.user("alice");
    runner
        .withBean(ActorResolver.class, () -> own)
        .run(context -> assertThat(context.getBean(ActorResolver.class)).isSameAs(own));
  }

  @Test
  void consentsAndTaskGrantsAreProvidedOverTheSameClient() {
    runner.run(
        context -> {
          context
              .getBean(Consents.class)
              .grant("alice", "slack-app", Permission.of("can_view", "project:apollo"));
          // Written through the starter's client, so its authorizer sees the consent.
          assertThat(context.getBean(Consents.class).list("alice")).hasSize(1);
          assertThat(
                  context
                      .getBean(FgaClient.class)
                      .read(dev.tandem.core.client.ReadRequest.of("project:apollo", null, null))
                      .tuples())
              .hasSize(1);
          assertThat(context.getBean(TaskGrants.class).find("nosuchtask")).isEmpty();
        });
  }

  @Test
  void userDefinedConsentsAndTaskGrantsWin() {
    FgaClient other = FgaClient.builder().embedded().build();
    Consents consents = Consents.create(other);
    TaskGrants tasks = TaskGrants.create(other);
    runner
        .withBean(Consents.class, () -> consents)
        .withBean(TaskGrants.class, () -> tasks)
        .run(
            context -> {
              assertThat(context.getBean(Consents.class)).isSameAs(consents);
              assertThat(context.getBean(TaskGrants.class)).isSameAs(tasks);
            });
  }

  @Test
  void fgaBeanIsRegisteredUnderTheNameFga() {
    runner.run(context -> assertThat(context.getBean("fga")).isInstanceOf(TandemFga.class));
  }

  @Test
  void userDefinedFgaBeanWins() {
    Object own = new Object();
    runner
        .withBean("fga", Object.class, () -> own)
        .run(
            context -> {
              assertThat(context.getBean("fga")).isSameAs(own);
              assertThat(context).doesNotHaveBean(TandemFga.class);
            });
  }

  @Test
  void authorizationManagersNeedSpringSecurityWeb() {
    runner
        .withClassLoader(new FilteredClassLoader(RequestAuthorizationContext.class))
        .run(context -> assertThat(context).doesNotHaveBean(TandemAuthorizationManagers.class));
    runner.run(context -> assertThat(context).hasSingleBean(TandemAuthorizationManagers.class));
  }

  @Test
  void userDefinedAuthorizationManagersWin() {
    TandemAuthorizationManagers own =
        new TandemAuthorizationManagers(new TandemFga(() -> null, () -> null), () -> null);
    runner
        .withBean(TandemAuthorizationManagers.class, () -> own)
        .run(
            context ->
                assertThat(context.getBean(TandemAuthorizationManagers.class)).isSameAs(own));
  }

  @Test
  void annotatedBeanIsProxied() {
    runner
        .withBean(GoodService.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(AopUtils.isAopProxy(context.getBean(GoodService.class))).isTrue();
            });
  }

  @Test
  void modelMismatchesFailStartupWithEveryProblemInOneMessage() {
    runner
        .withBean(BadService.class)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasMessageContaining("relation 'no_such_relation' does not exist")
                    .hasMessageContaining("'can_view' exists on several types")
                    .hasMessageContaining("names #nope, not a parameter [id]")
                    .hasMessageContaining("may only read method parameters")
                    .hasMessageContaining("type 'nosuchtype' is not in the model")
                    .hasMessageContaining("BadService.finalMethod cannot be intercepted"));
  }

  @Test
  void contradictoryAnnotationsFailStartup() {
    runner
        .withBean(ContradictoryService.class)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasMessageContaining("both @PublicEndpoint and @AuthenticatedOnly"));
  }

  static class GoodService {
    @RequiresRelation(value = "can_create_ticket", on = "#projectId")
    public String create(String projectId) {
      return projectId;
    }
  }

  static class BadService {
    @RequiresRelation(value = "no_such_relation", on = "#id")
    public void unknownRelation(String id) {}

    @RequiresRelation(value = "can_view", on = "#id")
    public void ambiguousType(String id) {}

    @RequiresRelation(value = "can_create_ticket", on = "#nope")
    public void unknownParameter(String id) {}

    @RequiresRelation(value = "can_create_ticket", on = "T(java.lang.Runtime).getRuntime()")
    public void typeReference(String id) {}

    @RequiresRelation(value = "can_view", on = "#id", type = "nosuchtype")
    public void unknownType(String id) {}

    @RequiresRelation(value = "can_create_ticket", on = "#id")
    public final void finalMethod(String id) {}
  }

  static class ContradictoryService {
    @PublicEndpoint
    @AuthenticatedOnly
    public void both() {}
  }
}
