package dev.tandem.core.client;

import dev.tandem.core.engine.BatchCheckItem;
import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.engine.CheckResult;
import dev.tandem.core.engine.ExpandRequest;
import dev.tandem.core.engine.ListObjectsRequest;
import dev.tandem.core.engine.ListUsersRequest;
import dev.tandem.core.engine.UsersetTree;
import dev.tandem.core.internal.http.QueryJson;
import dev.tandem.core.internal.remote.RemoteBackend;
import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.store.StoreInfo;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An {@link FgaClient} for a remote OpenFGA or Auth0 FGA server over its HTTP API.
 *
 * <p>Requests go over pooled keep-alive connections ({@link RemoteOptions#maxConnections()} in
 * flight at most), authenticated as {@link RemoteOptions#credentials()} say. Every call has a
 * deadline ({@link RemoteOptions#overallTimeout()}) that covers all of its attempts, and each
 * attempt its own timeout ({@link RemoteOptions#attemptTimeout()}); an answer that arrives after
 * the deadline is discarded.
 *
 * <p>Queries and reads are retried on 429 and 5xx answers other than 501, on timeouts and on broken
 * connections, with exponential backoff and jitter, or after the server's {@code Retry-After} when
 * it is at most {@link RemoteOptions#maxRetryAfter()} (a longer one fails at once). Writes are
 * retried only when the server cannot have applied them: connection refused, 429 or 503. A circuit
 * breaker opens after repeated failures, and calls then fail fast for a while.
 *
 * <p>Failing closed: a timeout, an unreachable or failing server, rejected credentials, or an
 * answer that is not exactly what the API defines (a truncated body, {@code {}} for a check, {@code
 * "allowed": "true"}) is an {@link dev.tandem.core.FgaUnavailableException}, never an answer. A 400
 * with an OpenFGA error code is an {@link dev.tandem.core.FgaValidationException} with that code,
 * and a 404 an {@link dev.tandem.core.FgaNotFoundException}.
 *
 * <p>Batch checks use {@code /batch-check} (at most 50 checks per call, several calls in parallel);
 * against a server without it (404 or 501) the client remembers that and sends parallel {@code
 * /check} calls instead.
 */
public final class RemoteFgaClient implements FgaClient {

  private final RemoteBackend backend;
  private final String storeId;
  private final @Nullable String modelId;

  private RemoteFgaClient(RemoteBackend backend, String storeId, @Nullable String modelId) {
    this.backend = backend;
    this.storeId = storeId;
    this.modelId = modelId;
  }

  /**
   * A client for one store of the server in {@code options}. Nothing is sent until the first call.
   *
   * @param options the server, credentials, timeouts, retries and pool size
   * @param storeId the store queried and written to
   * @param modelId the model version sent with queries and writes, or null for the store's latest
   * @return a client; {@link #close()} it to release its threads and connections
   */
  public static RemoteFgaClient create(
      RemoteOptions options, String storeId, @Nullable String modelId) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(storeId, "storeId");
    if (storeId.isBlank()) {
      throw new IllegalArgumentException("storeId must not be blank");
    }
    return new RemoteFgaClient(
        RemoteBackend.create(options),
        storeId,
        modelId == null || modelId.isEmpty() ? null : modelId);
  }

  @Override
  public String storeId() {
    return storeId;
  }

  @Override
  public Optional<String> modelId() {
    return Optional.ofNullable(modelId).filter(id -> !id.isEmpty());
  }

  @Override
  public CheckResult check(CheckRequest request, Consistency consistency) {
    return backend.check(storeId, request, options(consistency));
  }

  @Override
  public List<BatchCheckItem> batchCheck(List<CheckRequest> requests, Consistency consistency) {
    return backend.batchCheck(storeId, List.copyOf(requests), options(consistency));
  }

  @Override
  public Set<String> listObjects(ListObjectsRequest request, Consistency consistency) {
    return backend.listObjects(storeId, request, options(consistency));
  }

  @Override
  public Set<String> listUsers(ListUsersRequest request, Consistency consistency) {
    return backend.listUsers(storeId, request, options(consistency));
  }

  @Override
  public UsersetTree expand(ExpandRequest request, Consistency consistency) {
    return backend.expand(storeId, request, options(consistency));
  }

  @Override
  public ReadPage read(ReadRequest request, Consistency consistency) {
    return backend.read(storeId, request, consistency);
  }

  @Override
  public void write(WriteRequest request) {
    backend.write(storeId, request, modelId);
  }

  @Override
  public AuthorizationModel writeAuthorizationModel(AuthorizationModel model) {
    return backend.writeModel(storeId, model);
  }

  @Override
  public AuthorizationModel readAuthorizationModel(String id) {
    return backend.readModel(storeId, id);
  }

  @Override
  public AuthorizationModel readLatestAuthorizationModel() {
    return backend.readLatestModel(storeId);
  }

  @Override
  public StoreInfo createStore(String name) {
    return backend.createStore(name);
  }

  @Override
  public StoreInfo getStore(String id) {
    return backend.getStore(id);
  }

  @Override
  public List<StoreInfo> listStores() {
    return backend.listStores();
  }

  @Override
  public void deleteStore(String id) {
    backend.deleteStore(id);
  }

  /** Stops the client's worker threads and, on Java 21 and later, closes its connections. */
  @Override
  public void close() {
    backend.close();
  }

  private QueryJson.Options options(Consistency consistency) {
    return new QueryJson.Options(modelId, Objects.requireNonNull(consistency, "consistency"));
  }
}
