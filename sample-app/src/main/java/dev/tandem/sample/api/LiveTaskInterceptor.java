package dev.tandem.sample.api;

import dev.tandem.core.actor.Actor;
import dev.tandem.core.authz.TaskGrants;
import dev.tandem.core.http.AuthorizationProblem;
import dev.tandem.spring.ActorResolver;
import dev.tandem.spring.TandemAccessDeniedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses every call of an agent whose task has ended or expired (403), before any endpoint runs.
 * Tandem's checks already deny such a task every relation; this makes endpoints that only filter
 * (an empty answer is not a refusal) refuse too, so an agent learns at once that its task is over.
 */
@Component
class LiveTaskInterceptor implements HandlerInterceptor {

  private final ActorResolver actors;
  private final TaskGrants tasks;

  LiveTaskInterceptor(ActorResolver actors, TaskGrants tasks) {
    this.actors = actors;
    this.tasks = tasks;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (CorsUtils.isPreFlightRequest(request)) {
      // A preflight runs no endpoint (browsers send it without credentials); the call that
      // follows is refused. Refusing here would end in a 500: no error handler serves preflights.
      return true;
    }
    Actor actor;
    try {
      actor = actors.currentActor();
    } catch (RuntimeException e) {
      return true; // Tandem answers 401 at the endpoint for a token that names no actor.
    }
    if (actor == null || actor.agentTask() == null) {
      return true;
    }
    Actor.AgentTask agentTask = actor.agentTask();
    if (!tasks.isLive(agentTask.taskId(), actor.principalId(), agentTask.agentId())) {
      throw new TandemAccessDeniedException(AuthorizationProblem.forbidden());
    }
    return true;
  }
}
