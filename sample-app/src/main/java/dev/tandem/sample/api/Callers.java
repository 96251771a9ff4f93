package dev.tandem.sample.api;

import dev.tandem.core.actor.Actor;
import dev.tandem.core.actor.SubjectMapper;
import dev.tandem.core.http.AuthorizationProblem;
import dev.tandem.spring.ActorResolver;
import dev.tandem.spring.TandemAccessDeniedException;
import org.springframework.stereotype.Component;

/** The actor behind the current request, for endpoints that act on the caller's own behalf. */
@Component
class Callers {

  private final ActorResolver actors;

  Callers(ActorResolver actors) {
    this.actors = actors;
  }

  /** The current actor; 401 when there is none. */
  Actor current() {
    Actor actor = actors.currentActor();
    if (actor == null) {
      throw new TandemAccessDeniedException(AuthorizationProblem.unauthenticated());
    }
    return actor;
  }

  /**
   * The current actor when it is a person acting through the first-party app: only they may give
   * consents and start agent tasks, never an app or an agent acting for them. 403 otherwise.
   */
  Actor person() {
    Actor actor = current();
    if (actor.kind() != Actor.Kind.USER
        || actor.delegatedClientId() != null
        || actor.agentTask() != null) {
      throw new TandemAccessDeniedException(AuthorizationProblem.forbidden());
    }
    return actor;
  }

  /** The FGA subject of the actor's principal: {@code user:alice} or {@code client:bot}. */
  static String subject(Actor actor) {
    SubjectMapper subjects = SubjectMapper.defaults();
    return actor.kind() == Actor.Kind.USER
        ? subjects.user(actor.principalId())
        : subjects.client(actor.principalId());
  }
}
