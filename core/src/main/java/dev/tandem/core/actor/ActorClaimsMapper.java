package dev.tandem.core.actor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Maps the claims of a validated OAuth access token to an {@link Actor}. Thread-safe and immutable;
 * built with {@link #builder()}.
 *
 * <ul>
 *   <li><b>Service account</b>: the grant-type claim ({@code gty}) is {@code client-credentials} or
 *       {@code client_credentials}, or {@code sub} equals the client id, or there is no {@code sub}
 *       but a client id. The principal is the client id; the token may not carry an {@code act} or
 *       task-id claim.
 *   <li><b>User</b>: otherwise; {@code sub} is required. The client id ({@code client_id}, else
 *       {@code azp}) names the app; unless it is one of the first-party clients, the app acts by
 *       delegation and needs the user's consent. A token without a client id is rejected unless
 *       {@link Builder#allowTokensWithoutClient} is set.
 *   <li><b>Agent</b>: an RFC 8693 {@code act} claim makes {@code act.sub} the agent acting for the
 *       user; the task-id claim ({@code task_id}, at the top level or inside {@code act}) is then
 *       required. Nested {@code act.act} entries become {@link Actor#actChain()} and never grant.
 *   <li><b>Tenant</b>: the tenant claim ({@code tenant}), when present.
 * </ul>
 *
 * <p>Claims of the wrong JSON type, empty ids, an {@code act} without {@code sub}, a task id
 * without an agent, or conflicting task ids are rejected with {@link InvalidActorException}. Ids
 * are not otherwise checked here: {@link SubjectMapper} decides which ids may become FGA subjects.
 */
public final class ActorClaimsMapper {

  private static final int MAX_ACT_DEPTH = 16;

  private final String userIdClaim;
  private final List<String> clientIdClaims;
  private final String actorClaim;
  private final String taskIdClaim;
  private final String tenantClaim;
  private final String grantTypeClaim;
  private final Set<String> serviceAccountGrantTypes;
  private final Set<String> firstPartyClients;
  private final boolean allowTokensWithoutClient;

  private ActorClaimsMapper(Builder b) {
    this.userIdClaim = b.userIdClaim;
    this.clientIdClaims = List.copyOf(b.clientIdClaims);
    this.actorClaim = b.actorClaim;
    this.taskIdClaim = b.taskIdClaim;
    this.tenantClaim = b.tenantClaim;
    this.grantTypeClaim = b.grantTypeClaim;
    this.serviceAccountGrantTypes = Set.copyOf(b.serviceAccountGrantTypes);
    this.firstPartyClients = Set.copyOf(b.firstPartyClients);
    this.allowTokensWithoutClient = b.allowTokensWithoutClient;
  }

  /** A builder with the defaults described above and no first-party clients. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The actor behind a token.
   *
   * @param claims the claims of an access token whose signature, issuer, audience and expiry have
   *     already been verified
   * @throws InvalidActorException when the claims cannot describe an actor
   */
  public Actor map(Map<String, ?> claims) {
    String subject = string(claims, userIdClaim, userIdClaim);
    String clientId = clientId(claims);
    Object act = claims.get(actorClaim);
    String tenant = string(claims, tenantClaim, tenantClaim);
    if (isServiceAccount(claims, subject, clientId)) {
      if (clientId == null) {
        throw new InvalidActorException(
            "a service-account token needs a client id claim " + clientIdClaims);
      }
      if (act != null || claims.get(taskIdClaim) != null) {
        throw new InvalidActorException(
            "a service-account token cannot carry '" + actorClaim + "' or '" + taskIdClaim + "'");
      }
      Actor actor = Actor.serviceAccount(clientId);
      return tenant == null ? actor : actor.inTenant(tenant);
    }
    if (subject == null) {
      throw new InvalidActorException("the token has no '" + userIdClaim + "' claim");
    }
    Actor actor = Actor.user(subject);
    if (clientId == null && !allowTokensWithoutClient) {
      throw new InvalidActorException(
          "the token names no client " + clientIdClaims + ": the app acting cannot be known");
    }
    if (clientId != null && !firstPartyClients.contains(clientId)) {
      actor = actor.viaClient(clientId);
    }
    actor = withAgent(actor, claims, act);
    return tenant == null ? actor : actor.inTenant(tenant);
  }

  private Actor withAgent(Actor actor, Map<String, ?> claims, @Nullable Object act) {
    String topTaskId = string(claims, taskIdClaim, taskIdClaim);
    if (act == null) {
      if (topTaskId != null) {
        throw new InvalidActorException(
            "the token has a '" + taskIdClaim + "' claim but no agent ('" + actorClaim + "')");
      }
      return actor;
    }
    Map<?, ?> current = actClaim(act, actorClaim);
    String agentId = string(current, "sub", actorClaim + ".sub");
    if (agentId == null) {
      throw new InvalidActorException("the '" + actorClaim + "' claim has no 'sub'");
    }
    String innerTaskId = string(current, taskIdClaim, actorClaim + "." + taskIdClaim);
    if (topTaskId != null && innerTaskId != null && !topTaskId.equals(innerTaskId)) {
      throw new InvalidActorException("the token names two different task ids");
    }
    String taskId = topTaskId != null ? topTaskId : innerTaskId;
    if (taskId == null) {
      throw new InvalidActorException(
          "an agent acts within a task: the token has '" + actorClaim + "' but no task id");
    }
    return actor.withAgentTask(agentId, taskId).withActChain(chain(current));
  }

  /** The subjects of the nested {@code act} entries below the current actor, outermost first. */
  private List<String> chain(Map<?, ?> current) {
    List<String> chain = new ArrayList<>();
    String path = actorClaim;
    Object next = current.get(actorClaim);
    while (next != null) {
      path = path + "." + actorClaim;
      if (chain.size() >= MAX_ACT_DEPTH) {
        throw new InvalidActorException("the '" + actorClaim + "' chain is nested too deep");
      }
      Map<?, ?> entry = actClaim(next, path);
      String sub = string(entry, "sub", path + ".sub");
      if (sub == null) {
        throw new InvalidActorException("the '" + path + "' claim has no 'sub'");
      }
      chain.add(sub);
      next = entry.get(actorClaim);
    }
    return chain;
  }

  private boolean isServiceAccount(
      Map<String, ?> claims, @Nullable String subject, @Nullable String clientId) {
    Object grantType = claims.get(grantTypeClaim);
    if (grantType instanceof String value && serviceAccountGrantTypes.contains(value)) {
      return true;
    }
    return clientId != null && (subject == null || subject.equals(clientId));
  }

  private @Nullable String clientId(Map<String, ?> claims) {
    for (String claim : clientIdClaims) {
      String value = string(claims, claim, claim);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private static Map<?, ?> actClaim(Object value, String path) {
    if (value instanceof Map<?, ?> map) {
      return map;
    }
    throw new InvalidActorException("the '" + path + "' claim must be a JSON object");
  }

  /** A string claim, null when absent; rejected when of another type or empty. */
  private static @Nullable String string(Map<?, ?> claims, String name, String path) {
    Object value = claims.get(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      throw new InvalidActorException("the '" + path + "' claim must be a string");
    }
    if (text.isEmpty()) {
      throw new InvalidActorException("the '" + path + "' claim must not be empty");
    }
    return text;
  }

  /** Builds an {@link ActorClaimsMapper}; every setting has a default. */
  public static final class Builder {
    private String userIdClaim = "sub";
    private List<String> clientIdClaims = List.of("client_id", "azp");
    private String actorClaim = "act";
    private String taskIdClaim = "task_id";
    private String tenantClaim = "tenant";
    private String grantTypeClaim = "gty";
    private Set<String> serviceAccountGrantTypes =
        Set.of("client-credentials", "client_credentials");
    private Set<String> firstPartyClients = Set.of();
    private boolean allowTokensWithoutClient;

    private Builder() {}

    /** The claim holding the user's id; {@code sub} by default. */
    public Builder userIdClaim(String claim) {
      this.userIdClaim = Objects.requireNonNull(claim, "claim");
      return this;
    }

    /** The claims naming the client, first present wins; {@code client_id}, {@code azp}. */
    public Builder clientIdClaims(List<String> claims) {
      this.clientIdClaims = List.copyOf(claims);
      return this;
    }

    /** The RFC 8693 actor claim; {@code act} by default. */
    public Builder actorClaim(String claim) {
      this.actorClaim = Objects.requireNonNull(claim, "claim");
      return this;
    }

    /** The claim holding the agent's task id; {@code task_id} by default. */
    public Builder taskIdClaim(String claim) {
      this.taskIdClaim = Objects.requireNonNull(claim, "claim");
      return this;
    }

    /** The claim holding the tenant; {@code tenant} by default. */
    public Builder tenantClaim(String claim) {
      this.tenantClaim = Objects.requireNonNull(claim, "claim");
      return this;
    }

    /**
     * The grant-type claim and the values that mark a service-account token; {@code gty} with
     * {@code client-credentials} or {@code client_credentials} by default.
     */
    public Builder serviceAccountGrantTypes(String claim, Collection<String> values) {
      this.grantTypeClaim = Objects.requireNonNull(claim, "claim");
      this.serviceAccountGrantTypes = Set.copyOf(values);
      return this;
    }

    /** Client ids of the application's own apps, whose calls need no consent; none by default. */
    public Builder firstPartyClients(Collection<String> clientIds) {
      this.firstPartyClients = Set.copyOf(clientIds);
      return this;
    }

    /**
     * Whether a user token that names no client is taken as a first-party call instead of being
     * rejected; false by default, since such a token cannot tell which app acts.
     */
    public Builder allowTokensWithoutClient(boolean allow) {
      this.allowTokensWithoutClient = allow;
      return this;
    }

    /** The mapper. */
    public ActorClaimsMapper build() {
      return new ActorClaimsMapper(this);
    }
  }
}
