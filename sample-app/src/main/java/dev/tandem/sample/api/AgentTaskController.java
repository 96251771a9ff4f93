package dev.tandem.sample.api;

import dev.tandem.core.FgaValidationException;
import dev.tandem.core.actor.Actor;
import dev.tandem.core.annotation.AuthenticatedOnly;
import dev.tandem.core.authz.Permission;
import dev.tandem.core.authz.Task;
import dev.tandem.core.authz.TaskGrants;
import dev.tandem.core.http.AuthorizationProblem;
import dev.tandem.sample.auth.SampleClients;
import dev.tandem.spring.TandemAccessDeniedException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Agent tasks: a person lets an agent do a few named things for them, for a while. The agent then
 * exchanges the person's token for one bound to the task ({@code scope=task:{taskId}}).
 */
@RestController
class AgentTaskController {

  private static final long MAX_TTL_SECONDS = 86_400;
  private static final int MAX_GRANTS = 20;

  private final TaskGrants tasks;
  private final Callers callers;

  AgentTaskController(TaskGrants tasks, Callers callers) {
    this.tasks = tasks;
    this.callers = callers;
  }

  /** Starts a task; 403 when the person does not hold every grant themselves. */
  @PostMapping("/api/agent-tasks")
  @AuthenticatedOnly
  ResponseEntity<Map<String, String>> start(@RequestBody TaskRequest body) {
    Actor person = callers.person();
    if (body.agent() == null || !SampleClients.AGENTS.contains(body.agent())) {
      throw badRequest("agent must be one of " + SampleClients.AGENTS);
    }
    if (body.ttlSeconds() < 1 || body.ttlSeconds() > MAX_TTL_SECONDS) {
      throw badRequest("ttlSeconds must be between 1 and " + MAX_TTL_SECONDS);
    }
    if (body.grants() == null
        || body.grants().isEmpty()
        || body.grants().size() > MAX_GRANTS
        || body.grants().stream().anyMatch(Objects::isNull)) {
      throw badRequest("grants must hold 1 to " + MAX_GRANTS + " entries, none of them null");
    }
    List<Permission> grants = body.grants().stream().map(Grant::permission).toList();
    String taskId;
    try {
      taskId =
          tasks.start(
              person.principalId(), body.agent(), grants, Duration.ofSeconds(body.ttlSeconds()));
    } catch (FgaValidationException e) {
      // Every grant is valid (checked above): the person does not hold one of them.
      throw new TandemAccessDeniedException(AuthorizationProblem.forbidden(), e);
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("taskId", taskId));
  }

  /** Ends one of the person's tasks; 404 for a task that is not theirs. */
  @DeleteMapping("/api/agent-tasks/{taskId}")
  @AuthenticatedOnly
  ResponseEntity<Void> end(@PathVariable String taskId) {
    Actor person = callers.person();
    Optional<Task> task = find(taskId);
    if (task.isEmpty() || !task.get().userId().equals(person.principalId())) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    tasks.end(taskId);
    return ResponseEntity.noContent().build();
  }

  private Optional<Task> find(String taskId) {
    try {
      return tasks.find(taskId);
    } catch (RuntimeException e) {
      if (e instanceof FgaValidationException || e instanceof IllegalArgumentException) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static ResponseStatusException badRequest(String reason) {
    return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
  }
}
