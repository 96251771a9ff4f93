package dev.tandem.jakarta;

import dev.tandem.core.actor.Actor;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Finds the {@link Actor} behind a request, e.g. from a bearer token ({@link JwtActorResolver}) or
 * a session the application keeps. Implementations are thread-safe.
 */
@FunctionalInterface
public interface ActorResolver {

  /**
   * The actor behind {@code request}.
   *
   * @return the actor, or null when the request carries no credentials (answered with 401)
   * @throws InvalidTokenException when the request carries credentials that are not valid (answered
   *     with 401); any other exception means the actor could not be established now, and is
   *     answered with 503
   */
  @Nullable Actor resolve(HttpServletRequest request);
}
