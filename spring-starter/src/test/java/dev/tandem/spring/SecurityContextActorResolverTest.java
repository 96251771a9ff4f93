package dev.tandem.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.core.actor.Actor;
import dev.tandem.core.actor.ActorClaimsMapper;
import dev.tandem.core.actor.InvalidActorException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class SecurityContextActorResolverTest {

  private final SecurityContextActorResolver resolver =
      new SecurityContextActorResolver(
          ActorClaimsMapper.builder().firstPartyClients(List.of("web")).build());

  @AfterEach
  void clear() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void currentActorWhenSameAuthenticationAgainThenSameActorWithoutMappingAgain() {
    signIn(token(Map.of("sub", "alice", "client_id", "web")));

    Actor first = resolver.currentActor();

    assertThat(first).isEqualTo(Actor.user("alice"));
    assertThat(resolver.currentActor()).isSameAs(first);
  }

  @Test
  void currentActorWhenAnotherAuthenticationThenItsOwnActor() {
    JwtAuthenticationToken alice = token(Map.of("sub", "alice", "client_id", "web"));
    JwtAuthenticationToken bob = token(Map.of("sub", "bob", "client_id", "web"));
    JwtAuthenticationToken aliceAgain = token(Map.of("sub", "alice", "client_id", "slack"));

    signIn(alice);
    assertThat(resolver.currentActor()).isEqualTo(Actor.user("alice"));
    signIn(bob);
    assertThat(resolver.currentActor()).isEqualTo(Actor.user("bob"));
    signIn(aliceAgain);
    assertThat(resolver.currentActor()).isEqualTo(Actor.user("alice").viaClient("slack"));
  }

  @Test
  void currentActorWhenClaimsCannotBeMappedThenRejectedOnEveryCall() {
    signIn(token(Map.of("client_id", "web", "task_id", "t1", "scope", "x")));

    for (int call = 0; call < 2; call++) {
      assertThatThrownBy(resolver::currentActor).isInstanceOf(InvalidActorException.class);
    }
  }

  @Test
  void currentActorWhenAuthenticationNoLongerAuthenticatedThenNone() {
    JwtAuthenticationToken token = token(Map.of("sub", "alice", "client_id", "web"));
    signIn(token);
    assertThat(resolver.currentActor()).isNotNull();

    token.setAuthenticated(false);

    assertThat(resolver.currentActor()).isNull();
  }

  private static JwtAuthenticationToken token(Map<String, Object> claims) {
    Jwt jwt =
        Jwt.withTokenValue("token").header("alg", "none").claims(c -> c.putAll(claims)).build();
    return new JwtAuthenticationToken(jwt, List.of());
  }

  private static void signIn(Authentication authentication) {
    SecurityContextHolder.getContext().setAuthentication(authentication);
  }
}
