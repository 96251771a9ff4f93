package dev.tandem.core.internal.remote;

import dev.tandem.core.ErrorCode;
import dev.tandem.core.FgaUnavailableException;
import dev.tandem.core.FgaValidationException;
import dev.tandem.core.client.Consistency;
import dev.tandem.core.client.ReadPage;
import dev.tandem.core.client.ReadRequest;
import dev.tandem.core.client.RemoteOptions;
import dev.tandem.core.client.WriteRequest;
import dev.tandem.core.engine.BatchCheckItem;
import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.engine.CheckResult;
import dev.tandem.core.engine.ExpandRequest;
import dev.tandem.core.engine.ListObjectsRequest;
import dev.tandem.core.engine.ListUsersRequest;
import dev.tandem.core.engine.UsersetTree;
import dev.tandem.core.internal.http.AdminJson;
import dev.tandem.core.internal.http.DataJson;
import dev.tandem.core.internal.http.ExpandJson;
import dev.tandem.core.internal.http.QueryJson;
import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.store.StoreInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenFGA HTTP API as typed operations, each one client call under a deadline, with retries and
 * a circuit breaker ({@link ResilientCalls}). {@code dev.tandem.core.client.RemoteFgaClient} binds
 * it to a store and a model.
 *
 * <p>Retries: queries and reads retry after any transient failure. Writes (tuples, models, stores)
 * retry only when the server cannot have acted on them (connection refused, 429, 503), never after
 * a timeout, a reset connection or a 500: a write that may have been applied is reported as
 * unavailable rather than sent twice. Tuple writes, which OpenFGA applies at most once, are also
 * resent after a connection closed before any byte of the answer (see {@link #write}).
 */
public final class RemoteBackend implements AutoCloseable {

  private final OpenFgaApi api;
  private final ResilientCalls calls;
  private final Checks checks;
  private final ExecutorService workers;
  private final AutoCloseable http;

  RemoteBackend(OpenFgaApi api, ResilientCalls calls, ExecutorService workers, AutoCloseable http) {
    this.api = api;
    this.calls = calls;
    this.workers = workers;
    this.http = http;
    this.checks = new Checks(api, calls, workers);
  }

  /** A backend for the server in {@code options}, with the default circuit breaker. */
  public static RemoteBackend create(RemoteOptions options) {
    return RemoteTransport.backend(Objects.requireNonNull(options, "options"));
  }

  public CheckResult check(String storeId, CheckRequest request, QueryJson.Options options) {
    return checks.check(segment(storeId, "store id"), request, options, calls.deadline());
  }

  public List<BatchCheckItem> batchCheck(
      String storeId, List<CheckRequest> requests, QueryJson.Options options) {
    return checks.batchCheck(segment(storeId, "store id"), requests, options);
  }

  public Set<String> listObjects(
      String storeId, ListObjectsRequest request, QueryJson.Options options) {
    ObjectNode body = QueryJson.writeListObjects(request, options);
    String store = segment(storeId, "store id");
    return query(
        "list-objects", a -> QueryJson.readListObjectsResponse(api.listObjects(store, body, a)));
  }

  public Set<String> listUsers(
      String storeId, ListUsersRequest request, QueryJson.Options options) {
    ObjectNode body = QueryJson.writeListUsers(request, options);
    String store = segment(storeId, "store id");
    return query("list-users", a -> QueryJson.readListUsersResponse(api.listUsers(store, body, a)));
  }

  public UsersetTree expand(String storeId, ExpandRequest request, QueryJson.Options options) {
    ObjectNode body = ExpandJson.writeRequest(request, options);
    String store = segment(storeId, "store id");
    return query("expand", a -> ExpandJson.readResponse(api.expand(store, body, a)));
  }

  public ReadPage read(String storeId, ReadRequest request, Consistency consistency) {
    ObjectNode body = DataJson.writeRead(request, consistency);
    String store = segment(storeId, "store id");
    return query("read", a -> DataJson.readReadResponse(api.read(store, body, a)));
  }

  /**
   * Writes tuples; any 2xx answer means the write was applied, whatever its body. The request is
   * strict (no {@code on_duplicate}/{@code on_missing: ignore}), so the server applies it at most
   * once; it is therefore also resent when the connection closed before any byte of the answer, and
   * a rejection of that resend as a duplicate or missing tuple is reported as unavailable, the
   * outcome being unknown ({@link Failure.Safety#ATOMIC_WRITE}).
   */
  public void write(String storeId, WriteRequest request, @Nullable String modelId) {
    ObjectNode body = DataJson.writeWrite(request, modelId);
    String store = segment(storeId, "store id");
    calls.call(
        "write",
        calls.deadline(),
        Failure.Safety.ATOMIC_WRITE,
        a -> {
          api.write(store, body, a);
          return null;
        });
  }

  public AuthorizationModel writeModel(String storeId, AuthorizationModel model) {
    ObjectNode body = AdminJson.writeModel(model);
    String store = segment(storeId, "store id");
    String id =
        write(
            "write-authorization-model",
            a -> AdminJson.readModelId(api.writeModel(store, body, a)));
    return model.withId(id);
  }

  public AuthorizationModel readModel(String storeId, String modelId) {
    String store = segment(storeId, "store id");
    String model = segment(modelId, "authorization model id");
    return query(
        "read-authorization-model",
        a -> AdminJson.readModelResponse(api.readModel(store, model, a)));
  }

  public AuthorizationModel readLatestModel(String storeId) {
    String store = segment(storeId, "store id");
    AdminJson.ModelPage page =
        query(
            "read-authorization-models",
            a -> AdminJson.readModels(api.readModels(store, 1, null, a)));
    if (page.models().isEmpty()) {
      throw new FgaValidationException(
          ErrorCode.LATEST_AUTHORIZATION_MODEL_NOT_FOUND,
          "store " + storeId + " has no authorization model");
    }
    return page.models().get(0);
  }

  public StoreInfo createStore(String name) {
    ObjectNode body = AdminJson.writeCreateStore(name);
    return write("create-store", a -> DataJson.readStore(api.createStore(body, a)));
  }

  public StoreInfo getStore(String storeId) {
    String store = segment(storeId, "store id");
    return query("get-store", a -> DataJson.readStore(api.getStore(store, a)));
  }

  /** Every store, following continuation tokens, all pages within one deadline. */
  public List<StoreInfo> listStores() {
    Deadline deadline = calls.deadline();
    List<StoreInfo> stores = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String token = null;
    do {
      String current = token;
      DataJson.StorePage page =
          calls.call(
              "list-stores",
              deadline,
              Failure.Safety.IDEMPOTENT,
              a -> DataJson.readStores(api.listStores(current, a)));
      stores.addAll(page.stores());
      token = page.continuationToken();
      if (token != null && !seen.add(token)) {
        throw new FgaUnavailableException(
            "list-stores: the FGA server repeated a continuation token");
      }
    } while (token != null);
    return stores;
  }

  public void deleteStore(String storeId) {
    String store = segment(storeId, "store id");
    write(
        "delete-store",
        a -> {
          api.deleteStore(store, a);
          return null;
        });
  }

  /** Stops the batch workers and, on Java 21 and later, closes the HTTP client's connections. */
  @Override
  public void close() {
    workers.shutdownNow();
    try {
      http.close();
    } catch (Exception e) {
      // Nothing to report: the connections are gone either way.
    }
  }

  private <T> T query(String operation, ResilientCalls.Attempt<T> attempt) {
    return calls.call(operation, calls.deadline(), Failure.Safety.IDEMPOTENT, attempt);
  }

  private <T> T write(String operation, ResilientCalls.Attempt<T> attempt) {
    return calls.call(operation, calls.deadline(), Failure.Safety.WRITE, attempt);
  }

  /** A path segment: Feign percent-encodes it, but "." and ".." would still move up the path. */
  private static String segment(String id, String what) {
    Objects.requireNonNull(id, what);
    if (id.isEmpty() || id.equals(".") || id.equals("..")) {
      throw new FgaValidationException(
          ErrorCode.VALIDATION_ERROR, what + " '" + id + "' is invalid");
    }
    return id;
  }
}
