package dev.tandem.core.actor;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The chain of principals behind one request: a user or a service account, and optionally the
 * third-party app and the AI agent acting on the user's behalf.
 *
 * <p>Every principal of the chain must hold a relation for a request to be allowed: the principal
 * itself; the consent bound to ({@link #delegatedClientId()}, user) when a third-party app acts;
 * the task of {@link #agentTask()} when an agent acts. {@link #actChain()} (the nested {@code act}
 * entries of a token) is kept for audit and never grants anything.
 *
 * <p>Ids are kept as given; whether they are acceptable is decided when they are mapped to FGA
 * subjects ({@link SubjectMapper}).
 *
 * @param kind whether the principal is a user or a service account
 * @param principalId the user's id ({@code sub}) or the service account's client id
 * @param delegatedClientId the third-party app acting for the user, or null when the user calls
 *     through a first-party app; always null for a service account
 * @param agentTask the agent acting for the user and its current task, or null; always null for a
 *     service account (agents act for users)
 * @param tenant the tenant named by the token, or null
 * @param actChain earlier actors of a delegation chain, outermost first; informational only
 */
public record Actor(
    Kind kind,
    String principalId,
    @Nullable String delegatedClientId,
    @Nullable AgentTask agentTask,
    @Nullable String tenant,
    List<String> actChain) {

  /** What the principal of an actor is. */
  public enum Kind {
    /** A person, signed in to an app. */
    USER,
    /** An OAuth client acting for itself (client credentials, API key). */
    SERVICE_ACCOUNT
  }

  /**
   * An AI agent acting within one task.
   *
   * @param agentId the agent's id (RFC 8693 {@code act.sub})
   * @param taskId the task's id
   */
  public record AgentTask(String agentId, String taskId) {
    public AgentTask {
      Objects.requireNonNull(agentId, "agentId");
      Objects.requireNonNull(taskId, "taskId");
    }
  }

  public Actor {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(principalId, "principalId");
    actChain = List.copyOf(actChain);
    if (kind == Kind.SERVICE_ACCOUNT && delegatedClientId != null) {
      throw new IllegalArgumentException("a service account cannot act through another client");
    }
    if (kind == Kind.SERVICE_ACCOUNT && agentTask != null) {
      throw new IllegalArgumentException("agents act for users, not for service accounts");
    }
  }

  /** A user calling through a first-party app. */
  public static Actor user(String userId) {
    return new Actor(Kind.USER, userId, null, null, null, List.of());
  }

  /** A service account acting for itself. */
  public static Actor serviceAccount(String clientId) {
    return new Actor(Kind.SERVICE_ACCOUNT, clientId, null, null, null, List.of());
  }

  /** This actor with a third-party app acting for the user. */
  public Actor viaClient(String clientId) {
    return new Actor(kind, principalId, clientId, agentTask, tenant, actChain);
  }

  /** This actor with an agent acting for the user within a task. */
  public Actor withAgentTask(String agentId, String taskId) {
    return new Actor(
        kind, principalId, delegatedClientId, new AgentTask(agentId, taskId), tenant, actChain);
  }

  /** This actor in a tenant. */
  public Actor inTenant(String tenant) {
    return new Actor(kind, principalId, delegatedClientId, agentTask, tenant, actChain);
  }

  /** This actor with the informational chain of earlier actors. */
  public Actor withActChain(List<String> chain) {
    return new Actor(kind, principalId, delegatedClientId, agentTask, tenant, chain);
  }
}
