package dev.tandem.spring;

import dev.tandem.core.actor.Actor;
import dev.tandem.core.authz.Authorizer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Tandem's decisions for Spring Security expressions, registered as the bean {@code fga}:
 *
 * <pre>{@code
 * @PreAuthorize("@fga.check(#id, 'can_view', 'project')")
 * }</pre>
 *
 * <p>Answers false on any doubt: no actor, an actor that cannot be resolved, an id that is not one
 * valid object id (taken literally, never evaluated), a denial by any principal, a failing backend.
 */
public final class TandemFga {

  private final Supplier<Authorizer> authorizer;
  private final Supplier<@Nullable ActorResolver> actors;

  TandemFga(Supplier<Authorizer> authorizer, Supplier<@Nullable ActorResolver> actors) {
    this.authorizer = authorizer;
    this.actors = actors;
  }

  /**
   * Whether every principal of the current actor holds {@code relation} on {@code type:id}.
   *
   * @param id the object id: a string, number or UUID
   * @param relation the relation, e.g. {@code can_view}
   * @param type the object type, e.g. {@code project}
   */
  public boolean check(@Nullable Object id, String relation, String type) {
    String object = ObjectIds.object(type, id);
    if (object == null) {
      return false;
    }
    try {
      ActorResolver resolver = actors.get();
      Actor actor = resolver == null ? null : resolver.currentActor();
      return actor != null && authorizer.get().decide(actor, relation, object).granted();
    } catch (RuntimeException e) {
      return false;
    }
  }
}
