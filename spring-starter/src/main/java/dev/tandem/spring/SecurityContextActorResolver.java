package dev.tandem.spring;

import dev.tandem.core.actor.Actor;
import dev.tandem.core.actor.ActorClaimsMapper;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

/**
 * The default {@link ActorResolver}: the claims of the current OAuth 2.0 token ({@code
 * JwtAuthenticationToken}, or an introspected {@code BearerTokenAuthentication}) mapped by an
 * {@link ActorClaimsMapper}. Anonymous, unauthenticated and other kinds of authentication have no
 * actor.
 */
public final class SecurityContextActorResolver implements ActorResolver {

  private final ActorClaimsMapper mapper;

  /** A resolver mapping token claims with {@code mapper}. */
  public SecurityContextActorResolver(ActorClaimsMapper mapper) {
    this.mapper = Objects.requireNonNull(mapper, "mapper");
  }

  @Override
  public @Nullable Actor currentActor() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null
        || authentication instanceof AnonymousAuthenticationToken
        || !authentication.isAuthenticated()) {
      return null;
    }
    if (authentication instanceof AbstractOAuth2TokenAuthenticationToken<?> token) {
      return mapper.map(token.getTokenAttributes());
    }
    return null;
  }
}
