package dev.tandem.core.authz;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An agent task as stored: who started it, for which agent, and what it may do until when.
 *
 * @param id the task id
 * @param userId the user who started the task
 * @param agentId the agent bound to the task
 * @param grants what the task may do (besides what its user must hold)
 * @param expiresAt when the grants expire, or null when none remain
 */
public record Task(
    String id,
    String userId,
    String agentId,
    List<Permission> grants,
    @Nullable Instant expiresAt) {

  public Task {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(agentId, "agentId");
    grants = List.copyOf(grants);
  }

  /**
   * Whether this task is bound to {@code userId} and {@code agentId} and its grants have not
   * expired at {@code now}: the test an authorization server makes before issuing an agent a token
   * for the task, and an API may make before serving the agent.
   */
  public boolean isLiveFor(String userId, String agentId, Instant now) {
    return this.userId.equals(userId)
        && this.agentId.equals(agentId)
        && expiresAt != null
        && expiresAt.isAfter(now);
  }
}
