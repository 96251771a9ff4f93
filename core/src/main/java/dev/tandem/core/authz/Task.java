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
}
