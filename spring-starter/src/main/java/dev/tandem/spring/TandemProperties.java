package dev.tandem.spring;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.core.io.Resource;

/** Configuration of Tandem under {@code tandem.*}. */
@ConfigurationProperties("tandem")
public class TandemProperties {

  /** Which backend answers checks: the embedded engine or a remote OpenFGA-compatible server. */
  private Mode mode = Mode.EMBEDDED;

  /**
   * The authorization model: an OpenFGA DSL file ({@code .fga}) or JSON ({@code .json}). Required
   * in embedded mode; in remote mode, the store's model is read when unset.
   */
  private @Nullable Resource model;

  /**
   * Tuples written at startup in embedded mode: a YAML or JSON ({@code .json}) list of {object,
   * relation, user, condition?}, or such a list under {@code tuples}.
   */
  private @Nullable Resource tuples;

  /** How long clients are told to wait (Retry-After) when authorization is unavailable. */
  private Duration retryAfter = Duration.ofSeconds(5);

  /** The remote server. */
  private final Remote remote = new Remote();

  /** The decision cache. */
  private final Cache cache = new Cache();

  /** Coalescing of concurrent checks into batches. */
  private final Coalescing coalescing = new Coalescing();

  /** How access-token claims map to actors. */
  @NestedConfigurationProperty private final ClaimsProperties claims = new ClaimsProperties();

  public Mode getMode() {
    return mode;
  }

  public void setMode(Mode mode) {
    this.mode = mode;
  }

  public @Nullable Resource getModel() {
    return model;
  }

  public void setModel(@Nullable Resource model) {
    this.model = model;
  }

  public @Nullable Resource getTuples() {
    return tuples;
  }

  public void setTuples(@Nullable Resource tuples) {
    this.tuples = tuples;
  }

  public Duration getRetryAfter() {
    return retryAfter;
  }

  public void setRetryAfter(Duration retryAfter) {
    this.retryAfter = retryAfter;
  }

  public Remote getRemote() {
    return remote;
  }

  public Cache getCache() {
    return cache;
  }

  public Coalescing getCoalescing() {
    return coalescing;
  }

  public ClaimsProperties getClaims() {
    return claims;
  }

  /** The backend. */
  public enum Mode {
    /** The in-process engine, loaded from {@code tandem.model} and {@code tandem.tuples}. */
    EMBEDDED,
    /** An OpenFGA-compatible server at {@code tandem.remote.api-url}. */
    REMOTE
  }

  /** A remote OpenFGA-compatible server. */
  public static class Remote {

    /** The API base URL, e.g. http://localhost:8080 or https://api.us1.fga.dev. */
    private @Nullable URI apiUrl;

    /** The store to query; required in remote mode. */
    private @Nullable String storeId;

    /** The model id to query; the store's latest model when unset. */
    private @Nullable String modelId;

    /** A static API token (OpenFGA pre-shared key); exclusive with client credentials. */
    private @Nullable String apiToken;

    /** OAuth 2.0 client credentials for the server (Auth0 FGA). */
    private final ClientCredentials clientCredentials = new ClientCredentials();

    /** The TCP connect timeout. */
    private Duration connectTimeout = Duration.ofSeconds(2);

    /** The deadline of one HTTP attempt. */
    private Duration attemptTimeout = Duration.ofSeconds(2);

    /** The deadline of one call, retries included. */
    private Duration overallTimeout = Duration.ofSeconds(5);

    /** Retries after the first attempt, on 429 and 5xx. */
    private int retries = 3;

    public @Nullable URI getApiUrl() {
      return apiUrl;
    }

    public void setApiUrl(@Nullable URI apiUrl) {
      this.apiUrl = apiUrl;
    }

    public @Nullable String getStoreId() {
      return storeId;
    }

    public void setStoreId(@Nullable String storeId) {
      this.storeId = storeId;
    }

    public @Nullable String getModelId() {
      return modelId;
    }

    public void setModelId(@Nullable String modelId) {
      this.modelId = modelId;
    }

    public @Nullable String getApiToken() {
      return apiToken;
    }

    public void setApiToken(@Nullable String apiToken) {
      this.apiToken = apiToken;
    }

    public ClientCredentials getClientCredentials() {
      return clientCredentials;
    }

    public Duration getConnectTimeout() {
      return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
    }

    public Duration getAttemptTimeout() {
      return attemptTimeout;
    }

    public void setAttemptTimeout(Duration attemptTimeout) {
      this.attemptTimeout = attemptTimeout;
    }

    public Duration getOverallTimeout() {
      return overallTimeout;
    }

    public void setOverallTimeout(Duration overallTimeout) {
      this.overallTimeout = overallTimeout;
    }

    public int getRetries() {
      return retries;
    }

    public void setRetries(int retries) {
      this.retries = retries;
    }
  }

  /** OAuth 2.0 client credentials for the FGA server. */
  public static class ClientCredentials {

    /** The token endpoint; required with any other client-credentials property. */
    private @Nullable URI tokenUrl;

    /** The client id. */
    private @Nullable String clientId;

    /** The client secret. */
    private @Nullable String clientSecret;

    /** The audience parameter (Auth0 FGA requires it). */
    private @Nullable String audience;

    /** The scopes to request. */
    private List<String> scopes = new ArrayList<>();

    public @Nullable URI getTokenUrl() {
      return tokenUrl;
    }

    public void setTokenUrl(@Nullable URI tokenUrl) {
      this.tokenUrl = tokenUrl;
    }

    public @Nullable String getClientId() {
      return clientId;
    }

    public void setClientId(@Nullable String clientId) {
      this.clientId = clientId;
    }

    public @Nullable String getClientSecret() {
      return clientSecret;
    }

    public void setClientSecret(@Nullable String clientSecret) {
      this.clientSecret = clientSecret;
    }

    public @Nullable String getAudience() {
      return audience;
    }

    public void setAudience(@Nullable String audience) {
      this.audience = audience;
    }

    public List<String> getScopes() {
      return scopes;
    }

    public void setScopes(List<String> scopes) {
      this.scopes = scopes;
    }
  }

  /** The decision cache. */
  public static class Cache {

    /** Whether check results are cached. */
    private boolean enabled = true;

    /** How long a result is kept; a revoke made elsewhere is honoured within it. */
    private Duration ttl = Duration.ofSeconds(10);

    /** The most results kept. */
    private long maxSize = 10_000;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public Duration getTtl() {
      return ttl;
    }

    public void setTtl(Duration ttl) {
      this.ttl = ttl;
    }

    public long getMaxSize() {
      return maxSize;
    }

    public void setMaxSize(long maxSize) {
      this.maxSize = maxSize;
    }
  }

  /** Coalescing of concurrent checks into batches. */
  public static class Coalescing {

    /** Whether concurrent checks are gathered into batch calls. */
    private boolean enabled = false;

    /** How long a check waits for others to join its batch. */
    private Duration window = Duration.ofMillis(2);

    /** The most checks in one batch (OpenFGA's limit is 50). */
    private int maxBatch = 50;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public Duration getWindow() {
      return window;
    }

    public void setWindow(Duration window) {
      this.window = window;
    }

    public int getMaxBatch() {
      return maxBatch;
    }

    public void setMaxBatch(int maxBatch) {
      this.maxBatch = maxBatch;
    }
  }
}
