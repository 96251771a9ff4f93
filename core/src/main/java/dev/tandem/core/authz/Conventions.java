package dev.tandem.core.authz;

import dev.tandem.core.tuple.Identifiers;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The relations and condition through which the model represents consents, tasks and tenants.
 * {@link Authorizer}, {@link Consents} and {@link TaskGrants} must share one value. The defaults
 * match {@code docs/models/project-management.fga}:
 *
 * <pre>
 * type task        relations: owner [user], agent [agent]
 * type consent     relations: user [user], client [client]
 * type organization relations: service_account [client]
 * condition task_active(current_time: timestamp, expires_at: timestamp)
 * </pre>
 *
 * @param task how a task is bound to its user and agent
 * @param consent how a consent is bound to its user and app (used for listing)
 * @param tenant how a service account is bound to its tenant, or null to not check tenant claims
 * @param expiry the condition on task grants
 */
public record Conventions(
    TaskRelations task, ConsentRelations consent, @Nullable TenantBinding tenant, Expiry expiry) {

  /** The conventions of the reference model. */
  public static final Conventions DEFAULT =
      new Conventions(
          new TaskRelations("owner", "agent"),
          new ConsentRelations("user", "client"),
          new TenantBinding("organization", "service_account"),
          new Expiry("task_active", "current_time", "expires_at"));

  public Conventions {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(consent, "consent");
    Objects.requireNonNull(expiry, "expiry");
  }

  /** These conventions with another tenant binding, or none (null). */
  public Conventions withTenant(@Nullable TenantBinding binding) {
    return new Conventions(task, consent, binding, expiry);
  }

  /**
   * {@code task:{id}#owner@user:{sub}} and {@code task:{id}#agent@agent:{id}}: both must hold for a
   * task's grants to serve a request.
   *
   * @param owner the relation from a task to its user
   * @param agent the relation from a task to its agent
   */
  public record TaskRelations(String owner, String agent) {
    public TaskRelations {
      Identifiers.validateRelation(owner);
      Identifiers.validateRelation(agent);
    }
  }

  /**
   * {@code consent:{id}#user@user:{sub}} and {@code consent:{id}#client@client:{id}}: written with
   * every consent so a user's consents can be listed.
   *
   * @param user the relation from a consent to its user
   * @param client the relation from a consent to its app
   */
  public record ConsentRelations(String user, String client) {
    public ConsentRelations {
      Identifiers.validateRelation(user);
      Identifiers.validateRelation(client);
    }
  }

  /**
   * {@code organization:{tenant}#service_account@client:{id}}: a service account naming a tenant
   * must belong to it.
   *
   * @param type the tenant type
   * @param relation the relation from a tenant to its service accounts
   */
  public record TenantBinding(String type, String relation) {
    public TenantBinding {
      Identifiers.validateType(type);
      Identifiers.validateRelation(relation);
    }
  }

  /**
   * The condition on task grants: {@code condition} holds while {@code currentTime}, sent by the
   * SDK with every check, is before {@code expiresAt}, stored in each grant tuple.
   *
   * @param condition the condition name
   * @param currentTime the request parameter holding the current time (RFC 3339)
   * @param expiresAt the tuple parameter holding the expiry (RFC 3339)
   */
  public record Expiry(String condition, String currentTime, String expiresAt) {
    public Expiry {
      Objects.requireNonNull(condition, "condition");
      Objects.requireNonNull(currentTime, "currentTime");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }
  }
}
