package dev.tandem.spring;

import dev.tandem.core.actor.Actor;
import dev.tandem.core.actor.ActorClaimsMapper;
import java.util.Map;
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
 *
 * <p>The actor of the last token mapped is kept, so that the annotated calls of one request map
 * their token once: it is reused only for that same authentication object with that same claims map
 * (compared by identity, never by content). Claims that cannot be mapped are mapped, and rejected,
 * again on every call.
 */
public final class SecurityContextActorResolver implements ActorResolver {

  private final ActorClaimsMapper mapper;
  private volatile @Nullable Mapped last;

  /** An authentication, its claims and the actor they were mapped to. */
  private record Mapped(Authentication authentication, Map<String, Object> claims, Actor actor) {}

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
      Map<String, Object> claims = token.getTokenAttributes();
      Mapped known = last;
      if (known != null && known.authentication() == authentication && known.claims() == claims) {
        return known.actor();
      }
      Actor actor = mapper.map(claims);
      last = new Mapped(authentication, claims, actor);
      return actor;
    }
    return null;
  }
}
