package dev.tandem.spring;

import java.util.ArrayList;
import java.util.List;

/** How access-token claims map to actors, under {@code tandem.claims}. */
public class ClaimsProperties {

  /** The claim holding the user's id. */
  private String userId = "sub";

  /** The claims naming the client, first present wins. */
  private List<String> clientIds = new ArrayList<>(List.of("client_id", "azp"));

  /** The RFC 8693 actor claim naming an agent. */
  private String actor = "act";

  /** The claim holding the agent's task id. */
  private String taskId = "task_id";

  /** The claim holding the tenant. */
  private String tenant = "tenant";

  /** The claim holding the grant type. */
  private String grantType = "gty";

  /** Grant-type values that mark a service-account token. */
  private List<String> serviceAccountGrantTypes =
      new ArrayList<>(List.of("client-credentials", "client_credentials"));

  /** Client ids of the application's own apps, whose calls need no user consent. */
  private List<String> firstPartyClients = new ArrayList<>();

  /** Whether a user token naming no client is taken as a first-party call. */
  private boolean allowTokensWithoutClient = false;

  public String getUserId() {
    return userId;
  }

  public void setUserId(String userId) {
    this.userId = userId;
  }

  public List<String> getClientIds() {
    return clientIds;
  }

  public void setClientIds(List<String> clientIds) {
    this.clientIds = clientIds;
  }

  public String getActor() {
    return actor;
  }

  public void setActor(String actor) {
    this.actor = actor;
  }

  public String getTaskId() {
    return taskId;
  }

  public void setTaskId(String taskId) {
    this.taskId = taskId;
  }

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  public String getGrantType() {
    return grantType;
  }

  public void setGrantType(String grantType) {
    this.grantType = grantType;
  }

  public List<String> getServiceAccountGrantTypes() {
    return serviceAccountGrantTypes;
  }

  public void setServiceAccountGrantTypes(List<String> serviceAccountGrantTypes) {
    this.serviceAccountGrantTypes = serviceAccountGrantTypes;
  }

  public List<String> getFirstPartyClients() {
    return firstPartyClients;
  }

  public void setFirstPartyClients(List<String> firstPartyClients) {
    this.firstPartyClients = firstPartyClients;
  }

  public boolean isAllowTokensWithoutClient() {
    return allowTokensWithoutClient;
  }

  public void setAllowTokensWithoutClient(boolean allowTokensWithoutClient) {
    this.allowTokensWithoutClient = allowTokensWithoutClient;
  }
}
