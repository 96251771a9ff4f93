package dev.tandem.spring;

import dev.tandem.core.actor.Actor;
import org.jspecify.annotations.Nullable;

/**
 * Finds the {@link Actor} behind the current call. The default reads the claims of Spring
 * Security's current OAuth 2.0 token through {@link dev.tandem.core.actor.ActorClaimsMapper};
 * define a bean of this type to replace it.
 *
 * <p>Returning null means there is no actor, and the call is answered 401. Throwing (for example
 * {@link dev.tandem.core.actor.InvalidActorException} for a token that cannot describe an actor)
 * also answers 401: enforcement never lets a call through on doubt.
 */
@FunctionalInterface
public interface ActorResolver {

  /** The actor of the current call, or null when the call is anonymous. */
  @Nullable Actor currentActor();
}
