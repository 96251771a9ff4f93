package dev.tandem.core.client;

import dev.tandem.core.ErrorCode;
import dev.tandem.core.FgaValidationException;
import dev.tandem.core.engine.BatchCheckItem;
import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.engine.CheckResult;
import dev.tandem.core.engine.Engine;
import dev.tandem.core.engine.ExpandRequest;
import dev.tandem.core.engine.ListObjectsRequest;
import dev.tandem.core.engine.ListUsersRequest;
import dev.tandem.core.engine.UsersetTree;
import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.store.EmbeddedStores;
import dev.tandem.core.store.StoreInfo;
import dev.tandem.core.tuple.TupleKey;
import dev.tandem.core.tuple.TupleValidator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An {@link FgaClient} that evaluates in process with {@link Engine} over {@link EmbeddedStores}.
 * Always consistent: every query sees every completed write, whatever the {@link Consistency}.
 */
public final class EmbeddedFgaClient implements FgaClient {

  private final EmbeddedStores stores;
  private final String storeId;
  private final @Nullable String modelId;
  private final Engine engine = Engine.create();

  EmbeddedFgaClient(EmbeddedStores stores, String storeId, @Nullable String modelId) {
    this.stores = Objects.requireNonNull(stores, "stores");
    this.storeId = Objects.requireNonNull(storeId, "storeId");
    this.modelId = modelId;
    stores.get(storeId);
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
    return engine.check(model(), stores.tuples(storeId), request);
  }

  @Override
  public List<BatchCheckItem> batchCheck(List<CheckRequest> requests, Consistency consistency) {
    return engine.batchCheck(model(), stores.tuples(storeId), requests);
  }

  @Override
  public Set<String> listObjects(ListObjectsRequest request, Consistency consistency) {
    return engine.listObjects(model(), stores.tuples(storeId), request);
  }

  @Override
  public Set<String> listUsers(ListUsersRequest request, Consistency consistency) {
    return engine.listUsers(model(), stores.tuples(storeId), request);
  }

  @Override
  public UsersetTree expand(ExpandRequest request, Consistency consistency) {
    return engine.expand(model(), stores.tuples(storeId), request);
  }

  @Override
  public ReadPage read(ReadRequest request, Consistency consistency) {
    List<TupleKey> all =
        stores.tuples(storeId).read(request.object(), request.relation(), request.user());
    int start = 0;
    if (request.continuationToken() != null) {
      String after = decode(request.continuationToken());
      while (start < all.size() && sortKey(all.get(start)).compareTo(after) <= 0) {
        start++;
      }
    }
    int end = Math.min(all.size(), start + request.pageSize());
    List<TupleKey> page = all.subList(start, end);
    String token = end < all.size() ? encode(sortKey(all.get(end - 1))) : null;
    return new ReadPage(page, token);
  }

  @Override
  public void write(WriteRequest request) {
    AuthorizationModel model = model();
    for (TupleKey tuple : request.writes()) {
      TupleValidator.validateForWrite(model, tuple);
    }
    List<TupleKey> deletes = new ArrayList<>(request.deletes().size());
    for (TupleKey tuple : request.deletes()) {
      deletes.add(tuple.withoutCondition());
    }
    stores.tuples(storeId).write(request.writes(), deletes);
  }

  @Override
  public AuthorizationModel writeAuthorizationModel(AuthorizationModel model) {
    return stores.writeModel(storeId, model);
  }

  @Override
  public AuthorizationModel readAuthorizationModel(String id) {
    return stores.model(storeId, id);
  }

  @Override
  public AuthorizationModel readLatestAuthorizationModel() {
    return stores.model(storeId, null);
  }

  @Override
  public StoreInfo createStore(String name) {
    return stores.create(name);
  }

  @Override
  public StoreInfo getStore(String id) {
    return stores.get(id);
  }

  @Override
  public List<StoreInfo> listStores() {
    return stores.list();
  }

  @Override
  public void deleteStore(String id) {
    stores.delete(id);
  }

  private AuthorizationModel model() {
    return stores.model(storeId, modelId);
  }

  /** The order {@link dev.tandem.core.tuple.TupleStore#read} returns tuples in. */
  private static String sortKey(TupleKey tuple) {
    return tuple.object() + '\u0000' + tuple.relation() + '\u0000' + tuple.user();
  }

  private static String encode(String key) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(key.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String token) {
    try {
      return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new FgaValidationException(
          ErrorCode.INVALID_CONTINUATION_TOKEN, "the continuation token is not valid");
    }
  }
}
