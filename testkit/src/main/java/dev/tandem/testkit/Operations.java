package dev.tandem.testkit;

import dev.tandem.core.ErrorCode;
import dev.tandem.core.FgaValidationException;
import dev.tandem.core.client.FgaClient;
import dev.tandem.core.client.ReadPage;
import dev.tandem.core.client.ReadRequest;
import dev.tandem.core.client.WriteRequest;
import dev.tandem.core.engine.BatchCheckItem;
import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.engine.ExpandRequest;
import dev.tandem.core.engine.ListObjectsRequest;
import dev.tandem.core.engine.ListUsersRequest;
import dev.tandem.core.internal.http.AdminJson;
import dev.tandem.core.internal.http.BatchJson;
import dev.tandem.core.internal.http.DataJson;
import dev.tandem.core.internal.http.ExpandJson;
import dev.tandem.core.internal.http.Json;
import dev.tandem.core.internal.http.QueryJson;
import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.store.EmbeddedStores;
import dev.tandem.core.store.StoreInfo;
import dev.tandem.core.tuple.TupleKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What each endpoint does: bodies decoded with core's HTTP codec, answered by an {@link FgaClient}
 * (embedded) of the request's store and model. Errors are thrown and mapped to statuses by {@link
 * ApiHandler}.
 */
final class Operations {

  /** OpenFGA's default limit on the checks of one BatchCheck. */
  static final int MAX_BATCH_CHECKS = 50;

  /** Store and model ids are ULIDs (OpenFGA validates both against this pattern). */
  private static final Pattern ULID = Pattern.compile("[0-9ABCDEFGHJKMNPQRSTVWXYZ]{26}");

  /** OpenFGA's rule for a correlation id: letters, digits, hyphens, at most 36 characters. */
  private static final Pattern CORRELATION_ID = Pattern.compile("[\\w-]{1,36}");

  /** A status and a JSON body, or no body. */
  record Reply(int status, @Nullable JsonNode body) {
    static Reply ok(JsonNode body) {
      return new Reply(200, body);
    }
  }

  private final EmbeddedStores stores;

  /**
   * Clients by store and model id (empty for "latest"); each holds an engine that caches its
   * compiled models, so requests to a store do not compile its model again.
   */
  private final ConcurrentMap<String, FgaClient> clients = new ConcurrentHashMap<>();

  Operations(EmbeddedStores stores) {
    this.stores = stores;
  }

  Reply handle(Routes.Match match, Map<String, String> query, ObjectNode body) {
    switch (match.endpoint()) {
      case LIST_STORES:
        return listStores(query);
      case CREATE_STORE:
        return new Reply(201, DataJson.writeStore(stores.create(AdminJson.readCreateStore(body))));
      case GET_STORE:
        return Reply.ok(DataJson.writeStore(stores.get(storeId(match))));
      case DELETE_STORE:
        return deleteStore(storeId(match));
      case READ_AUTHORIZATION_MODELS:
        return readModels(storeId(match), query);
      case WRITE_AUTHORIZATION_MODEL:
        AuthorizationModel written = stores.writeModel(storeId(match), AdminJson.readModel(body));
        return new Reply(201, AdminJson.writeModelId(written.id()));
      case READ_AUTHORIZATION_MODEL:
        String storeId = storeId(match);
        String modelId = requireModelId(match.modelId());
        return Reply.ok(AdminJson.writeModelResponse(stores.model(storeId, modelId)));
      case READ:
        return read(storeId(match), body);
      case WRITE:
        return write(storeId(match), body);
      case CHECK:
        QueryJson.Query<CheckRequest> check = QueryJson.readCheck(body);
        boolean allowed =
            client(storeId(match), check.options().modelId()).check(check.request()).allowed();
        return Reply.ok(QueryJson.writeCheckResponse(allowed));
      case BATCH_CHECK:
        return batchCheck(storeId(match), body);
      case LIST_OBJECTS:
        QueryJson.Query<ListObjectsRequest> objects = QueryJson.readListObjects(body);
        return Reply.ok(
            QueryJson.writeListObjectsResponse(
                client(storeId(match), objects.options().modelId())
                    .listObjects(objects.request())));
      case LIST_USERS:
        QueryJson.Query<ListUsersRequest> users = QueryJson.readListUsers(body);
        return Reply.ok(
            QueryJson.writeListUsersResponse(
                client(storeId(match), users.options().modelId()).listUsers(users.request())));
      case EXPAND:
        QueryJson.Query<ExpandRequest> expand = ExpandJson.readRequest(body);
        return Reply.ok(
            ExpandJson.writeResponse(
                client(storeId(match), expand.options().modelId()).expand(expand.request())));
      default:
        throw new IllegalStateException("no operation for " + match.endpoint());
    }
  }

  private Reply listStores(Map<String, String> query) {
    String name = query.get("name");
    List<StoreInfo> all = new ArrayList<>();
    for (StoreInfo store : stores.list()) {
      if (name == null || name.isEmpty() || store.name().equals(name)) {
        all.add(store);
      }
    }
    Pages.Page<StoreInfo> page = Pages.page(all, StoreInfo::id, query);
    return Reply.ok(DataJson.writeStores(page.items(), page.continuationToken()));
  }

  private Reply deleteStore(String storeId) {
    stores.delete(storeId);
    clients.keySet().removeIf(key -> key.startsWith(storeId + "/"));
    return new Reply(204, null);
  }

  private Reply readModels(String storeId, Map<String, String> query) {
    Pages.Page<AuthorizationModel> page =
        Pages.page(stores.models(storeId), AuthorizationModel::id, query);
    return Reply.ok(AdminJson.writeModels(page.items(), page.continuationToken()));
  }

  private Reply read(String storeId, ObjectNode body) {
    JsonNode size = body.get("page_size");
    if (size != null && size.isIntegralNumber()) {
      int value = size.asInt();
      if (value < 1 || value > ReadRequest.MAX_PAGE_SIZE) {
        throw new FgaValidationException(
            ErrorCode.PAGE_SIZE_INVALID,
            "page_size " + value + " is invalid: it must be between 1 and 100");
      }
    }
    QueryJson.Query<ReadRequest> read = DataJson.readRead(body);
    ReadPage page = client(storeId, null).read(read.request());
    return Reply.ok(DataJson.writeReadResponse(page, Instant.now()));
  }

  private Reply write(String storeId, ObjectNode body) {
    DataJson.Write write = DataJson.readWrite(body);
    FgaClient client = client(storeId, write.modelId());
    List<TupleKey> writes = write.writes();
    List<TupleKey> deletes = write.deletes();
    if (ignores(body, "writes", "on_duplicate")) {
      writes = existing(storeId, writes, false);
    }
    if (ignores(body, "deletes", "on_missing")) {
      deletes = existing(storeId, deletes, true);
    }
    if (write.writes().isEmpty() && write.deletes().isEmpty()) {
      throw new FgaValidationException(
          ErrorCode.INVALID_WRITE_INPUT, "a write needs at least one tuple to write or delete");
    }
    if (!writes.isEmpty() || !deletes.isEmpty()) {
      client.write(new WriteRequest(writes, deletes));
    }
    return Reply.ok(Json.object());
  }

  /** Whether a write section asks to skip tuples that exist ({@code on_duplicate: ignore}). */
  private static boolean ignores(ObjectNode body, String section, String option) {
    JsonNode node = body.get(section);
    JsonNode value = node == null || !node.isObject() ? null : node.get(option);
    return value != null && value.isString() && value.asString().equals("ignore");
  }

  /** The tuples that are (or, when {@code present} is false, are not) already stored. */
  private List<TupleKey> existing(String storeId, List<TupleKey> tuples, boolean present) {
    List<TupleKey> kept = new ArrayList<>();
    for (TupleKey tuple : tuples) {
      List<TupleKey> stored =
          stores.tuples(storeId).read(tuple.object(), tuple.relation(), tuple.user());
      boolean exists = stored.contains(tuple) || (present && !stored.isEmpty());
      if (exists == present) {
        kept.add(tuple);
      }
    }
    return kept;
  }

  private Reply batchCheck(String storeId, ObjectNode body) {
    QueryJson.Query<List<BatchJson.Item>> batch = BatchJson.readRequest(body);
    List<BatchJson.Item> items = batch.request();
    if (items.isEmpty()) {
      throw ApiError.validation("a batch check needs at least one check");
    }
    if (items.size() > MAX_BATCH_CHECKS) {
      throw ApiError.validation(
          "batchCheck received "
              + items.size()
              + " checks, the maximum allowed is "
              + MAX_BATCH_CHECKS);
    }
    Set<String> seen = new HashSet<>();
    List<CheckRequest> requests = new ArrayList<>(items.size());
    for (BatchJson.Item item : items) {
      String id = item.correlationId();
      if (!CORRELATION_ID.matcher(id).matches()) {
        throw ApiError.validation(
            "correlation_id '"
                + id
                + "' is invalid: it must be 1 to 36 letters, digits, underscores or hyphens");
      }
      if (!seen.add(id)) {
        throw ApiError.validation("duplicate correlation_id provided: " + id);
      }
      requests.add(item.request());
    }
    List<BatchCheckItem> results = client(storeId, batch.options().modelId()).batchCheck(requests);
    Map<String, BatchCheckItem> byId = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      byId.put(items.get(i).correlationId(), results.get(i));
    }
    return Reply.ok(BatchJson.writeResponse(byId));
  }

  private FgaClient client(String storeId, @Nullable String modelId) {
    if (modelId != null) {
      // Only models that exist get a cached client: a stream of bad ids must not grow the cache.
      stores.model(storeId, requireModelId(modelId));
    }
    return clients.computeIfAbsent(
        storeId + "/" + (modelId == null ? "" : modelId),
        key -> FgaClient.builder().embedded(stores).storeId(storeId).modelId(modelId).build());
  }

  private static String storeId(Routes.Match match) {
    String id = match.storeId();
    if (id == null || !ULID.matcher(id).matches()) {
      throw ApiError.validation("store_id '" + id + "' is invalid: it must be a ULID");
    }
    return id;
  }

  private static String requireModelId(@Nullable String id) {
    if (id == null || !ULID.matcher(id).matches()) {
      throw ApiError.validation(
          "authorization_model_id '" + id + "' is invalid: it must be a ULID");
    }
    return id;
  }
}
