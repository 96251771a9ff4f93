package dev.tandem.core.authz;

import dev.tandem.core.ErrorCode;
import dev.tandem.core.FgaUnavailableException;
import dev.tandem.core.FgaValidationException;
import dev.tandem.core.actor.SubjectMapper;
import dev.tandem.core.client.FgaClient;
import dev.tandem.core.engine.BatchCheckItem;
import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.tuple.TupleCondition;
import dev.tandem.core.tuple.TupleKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Expiring grants for an AI agent's task: the user starts a task for an agent with an explicit list
 * of permissions and a time to live; the agent's requests are then allowed only within them (and
 * within what the user holds, see {@link Authorizer}).
 *
 * <p>Starting a task writes, for a new unguessable id (128 random bits):
 *
 * <pre>
 * task:{id}#owner@user:{userId}           binds the task to its user
 * task:{id}#agent@agent:{agentId}         binds the task to its agent
 * {object}#{relation}@task:{id} with task_active {expires_at: ...}   one per grant
 * </pre>
 *
 * <p>so a grant serves only this task, for this user and this agent, until it expires. The model
 * must accept {@code task with task_active} on the relations agents may be granted ({@link
 * Conventions}). A user may only grant what they hold themselves: {@link #start} checks each
 * permission for the user first and refuses the whole task otherwise. Thread-safe.
 */
public final class TaskGrants {

  private static final char[] BASE32 = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

  private final FgaClient client;
  private final SubjectMapper subjects;
  private final Conventions conventions;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  private TaskGrants(
      FgaClient client, SubjectMapper subjects, Conventions conventions, Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.subjects = Objects.requireNonNull(subjects, "subjects");
    this.conventions = Objects.requireNonNull(conventions, "conventions");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Task grants over {@code client} with the default subjects, conventions and system clock. */
  public static TaskGrants create(FgaClient client) {
    return create(client, SubjectMapper.defaults(), Conventions.DEFAULT, Clock.systemUTC());
  }

  /** Task grants with the subjects, conventions and clock the {@link Authorizer} uses. */
  public static TaskGrants create(
      FgaClient client, SubjectMapper subjects, Conventions conventions, Clock clock) {
    return new TaskGrants(client, subjects, conventions, clock);
  }

  /**
   * Starts a task of {@code agentId} for {@code userId} holding {@code grants} for {@code ttl}.
   *
   * @return the new task's id, for the agent's token ({@code task_id})
   * @throws dev.tandem.core.actor.InvalidActorException when the user or agent id is rejected
   * @throws FgaValidationException when a permission is invalid, not held by the user, or not one
   *     the model lets a task hold; nothing is written then
   * @throws dev.tandem.core.FgaException when the backend fails
   */
  public String start(String userId, String agentId, List<Permission> grants, Duration ttl) {
    if (grants.isEmpty()) {
      throw new IllegalArgumentException("a task needs at least one grant");
    }
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive, got " + ttl);
    }
    String user = subjects.user(userId);
    String agent = subjects.agent(agentId);
    List<Permission> unique = new ArrayList<>(new LinkedHashSet<>(grants));
    for (Permission permission : unique) {
      permission.requireValid();
    }
    requireHeldBy(user, unique);
    String taskId = newId();
    String task = subjects.task(taskId);
    Conventions.Expiry expiry = conventions.expiry();
    TupleCondition condition =
        new TupleCondition(
            expiry.condition(), Map.of(expiry.expiresAt(), Times.format(Times.expiry(clock, ttl))));
    List<TupleKey> tuples = new ArrayList<>();
    for (Permission permission : unique) {
      tuples.add(new TupleKey(permission.object(), permission.relation(), task, condition));
    }
    // The bindings go last: until they are written, no grant of the task serves any request.
    tuples.add(TupleKey.of(task, conventions.task().owner(), user));
    tuples.add(TupleKey.of(task, conventions.task().agent(), agent));
    try {
      Tuples.write(client, tuples);
    } catch (RuntimeException e) {
      if (tuples.size() > Tuples.MAX_PER_WRITE) {
        cleanUp(task, e);
      }
      throw e;
    }
    return taskId;
  }

  /**
   * Ends a task: its bindings are deleted first, so no request is served by it from then on, then
   * its grants. Ending a task that does not exist changes nothing.
   */
  public void end(String taskId) {
    String task = subjects.task(taskId);
    Tuples.delete(client, Tuples.readAll(client, task, null, null));
    Tuples.delete(client, Tuples.grantsTo(client, task));
  }

  /**
   * Whether the task with this id exists, is bound to {@code userId} and {@code agentId}, and its
   * grants have not expired by this instance's clock: the test to make before issuing an agent a
   * token for the task, or before serving it.
   *
   * @throws dev.tandem.core.actor.InvalidActorException when the task id is rejected
   */
  public boolean isLive(String taskId, String userId, String agentId) {
    return find(taskId)
        .filter(task -> task.isLiveFor(userId, agentId, clock.instant()))
        .isPresent();
  }

  /** The task with this id, if it is bound to a user and an agent. */
  public Optional<Task> find(String taskId) {
    String task = subjects.task(taskId);
    String owner = null;
    String agent = null;
    for (TupleKey binding : Tuples.readAll(client, task, null, null)) {
      if (binding.relation().equals(conventions.task().owner())) {
        owner = Tuples.id(binding.user());
      } else if (binding.relation().equals(conventions.task().agent())) {
        agent = Tuples.id(binding.user());
      }
    }
    if (owner == null || agent == null) {
      return Optional.empty();
    }
    List<Permission> grants = new ArrayList<>();
    Instant expiresAt = null;
    for (TupleKey grant : Tuples.grantsTo(client, task)) {
      grants.add(Permission.of(grant.relation(), grant.object()));
      Instant expires = expiresAt(grant);
      if (expires != null && (expiresAt == null || expires.isAfter(expiresAt))) {
        expiresAt = expires;
      }
    }
    return Optional.of(new Task(taskId, owner, agent, grants, expiresAt));
  }

  private void requireHeldBy(String user, List<Permission> permissions) {
    Map<String, Object> context =
        Map.of(conventions.expiry().currentTime(), Times.currentTime(clock));
    List<CheckRequest> checks = new ArrayList<>();
    for (Permission permission : permissions) {
      checks.add(
          new CheckRequest(permission.object(), permission.relation(), user, List.of(), context));
    }
    List<BatchCheckItem> items = client.batchCheck(checks);
    if (items.size() != checks.size()) {
      throw new FgaUnavailableException("batch check answered the wrong number of items");
    }
    for (int i = 0; i < items.size(); i++) {
      BatchCheckItem item = items.get(i);
      if (item instanceof BatchCheckItem.Failed failed) {
        throw failed.error();
      }
      if (!item.allowed()) {
        throw new FgaValidationException(
            ErrorCode.VALIDATION_ERROR,
            "a task can only be granted what its user holds: the user does not hold "
                + permissions.get(i));
      }
    }
  }

  private void cleanUp(String task, RuntimeException failure) {
    try {
      Tuples.delete(client, Tuples.grantsTo(client, task));
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  private @Nullable Instant expiresAt(TupleKey grant) {
    TupleCondition condition = grant.condition();
    if (condition == null) {
      return null;
    }
    Object value = condition.context().get(conventions.expiry().expiresAt());
    try {
      return value instanceof String text ? Instant.parse(text) : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** 128 random bits in 26 characters of lower-case Crockford base32. */
  private String newId() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    StringBuilder id = new StringBuilder(26);
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        id.append(BASE32[(buffer >>> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    id.append(BASE32[(buffer << (5 - bits)) & 31]);
    return id.toString();
  }
}
