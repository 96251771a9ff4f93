package dev.tandem.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.core.FgaUnavailableException;
import dev.tandem.core.actor.Actor;
import dev.tandem.core.authz.Authorizer;
import dev.tandem.core.client.FgaClient;
import dev.tandem.core.client.WriteRequest;
import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.tuple.TupleKey;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

class TandemFgaTest {

  static final AuthorizationModel MODEL = Repo.model();

  static Authorizer authorizer() {
    FgaClient client = FgaClient.builder().embedded().build();
    client.writeAuthorizationModel(MODEL);
    client.write(
        new WriteRequest(
            List.of(TupleKey.of("project:apollo", "viewer", "user:alice")), List.of()));
    return Authorizer.create(client);
  }

  private final Authorizer authorizer = authorizer();

  private TandemFga fga(Supplier<Actor> actor) {
    return new TandemFga(() -> authorizer, () -> actor::get);
  }

  @Test
  void checkWhenActorHoldsRelationThenTrue() {
    assertThat(fga(() -> Actor.user("alice")).check("apollo", "can_view", "project")).isTrue();
  }

  @Test
  void checkWhenActorLacksRelationThenFalse() {
    assertThat(fga(() -> Actor.user("bob")).check("apollo", "can_view", "project")).isFalse();
  }

  @Test
  void checkWhenIdIsNullInvalidOrAnExpressionThenFalse() {
    TandemFga fga = fga(() -> Actor.user("alice"));
    assertThat(fga.check(null, "can_view", "project")).isFalse();
    assertThat(fga.check("apollo,zeus", "can_view", "project")).isFalse();
    assertThat(fga.check("T(java.lang.Runtime)", "can_view", "project")).isFalse();
    assertThat(fga.check(List.of("apollo"), "can_view", "project")).isFalse();
  }

  @Test
  void checkWhenNoActorOrResolverFailsOrNoResolverThenFalse() {
    assertThat(fga(() -> null).check("apollo", "can_view", "project")).isFalse();
    assertThat(
            fga(() -> {
                  throw new IllegalStateException("bad token");
                })
                .check("apollo", "can_view", "project"))
        .isFalse();
    assertThat(new TandemFga(() -> authorizer, () -> null).check("apollo", "can_view", "project"))
        .isFalse();
  }

  @Test
  void checkWhenBackendFailsThenFalse() {
    TandemFga fga =
        new TandemFga(
            () -> {
              throw new FgaUnavailableException("down");
            },
            () -> () -> Actor.user("alice"));
    assertThat(fga.check("apollo", "can_view", "project")).isFalse();
  }

  @Test
  void authorizationManagerWhenPathVariableMissingThenDenied() {
    AuthorizationManager<RequestAuthorizationContext> manager =
        new TandemAuthorizationManagers(fga(() -> Actor.user("alice")), () -> MODEL)
            .relation("can_view", "project", "projectId");
    MockHttpServletRequest request = new MockHttpServletRequest();
    assertThat(manager.authorize(() -> null, new RequestAuthorizationContext(request)).isGranted())
        .isFalse();
    assertThat(
            manager
                .authorize(
                    () -> null,
                    new RequestAuthorizationContext(request, Map.of("projectId", "apollo")))
                .isGranted())
        .isTrue();
  }

  @Test
  void authorizationManagerWhenRelationNotOnTypeThenRejectedAtCreation() {
    TandemAuthorizationManagers managers =
        new TandemAuthorizationManagers(fga(() -> Actor.user("alice")), () -> MODEL);
    assertThatThrownBy(() -> managers.relation("can_create_ticket", "ticket", "id"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("relation 'can_create_ticket' does not exist on type 'ticket'");
  }
}
