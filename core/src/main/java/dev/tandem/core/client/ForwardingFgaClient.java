package dev.tandem.core.client;

import dev.tandem.core.engine.BatchCheckItem;
import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.engine.CheckResult;
import dev.tandem.core.engine.ExpandRequest;
import dev.tandem.core.engine.ListObjectsRequest;
import dev.tandem.core.engine.ListUsersRequest;
import dev.tandem.core.engine.UsersetTree;
import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.store.StoreInfo;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * An {@link FgaClient} that passes every call to another. Decorators extend it and override only
 * what they change, like Guava's {@code Forwarding*} classes.
 */
public abstract class ForwardingFgaClient implements FgaClient {

  private final FgaClient delegate;

  /** Forwards to {@code delegate}. */
  protected ForwardingFgaClient(FgaClient delegate) {
    this.delegate = java.util.Objects.requireNonNull(delegate, "delegate");
  }

  /** The client calls are passed to. */
  protected final FgaClient delegate() {
    return delegate;
  }

  @Override
  public String storeId() {
    return delegate.storeId();
  }

  @Override
  public Optional<String> modelId() {
    return delegate.modelId();
  }

  @Override
  public CheckResult check(CheckRequest request, Consistency consistency) {
    return delegate.check(request, consistency);
  }

  @Override
  public CompletableFuture<CheckResult> checkAsync(CheckRequest request, Consistency consistency) {
    return delegate.checkAsync(request, consistency);
  }

  @Override
  public List<BatchCheckItem> batchCheck(List<CheckRequest> requests, Consistency consistency) {
    return delegate.batchCheck(requests, consistency);
  }

  @Override
  public Set<String> listObjects(ListObjectsRequest request, Consistency consistency) {
    return delegate.listObjects(request, consistency);
  }

  @Override
  public Set<String> listUsers(ListUsersRequest request, Consistency consistency) {
    return delegate.listUsers(request, consistency);
  }

  @Override
  public UsersetTree expand(ExpandRequest request, Consistency consistency) {
    return delegate.expand(request, consistency);
  }

  @Override
  public ReadPage read(ReadRequest request, Consistency consistency) {
    return delegate.read(request, consistency);
  }

  @Override
  public void write(WriteRequest request) {
    delegate.write(request);
  }

  @Override
  public AuthorizationModel writeAuthorizationModel(AuthorizationModel model) {
    return delegate.writeAuthorizationModel(model);
  }

  @Override
  public AuthorizationModel readAuthorizationModel(String modelId) {
    return delegate.readAuthorizationModel(modelId);
  }

  @Override
  public AuthorizationModel readLatestAuthorizationModel() {
    return delegate.readLatestAuthorizationModel();
  }

  @Override
  public StoreInfo createStore(String name) {
    return delegate.createStore(name);
  }

  @Override
  public StoreInfo getStore(String storeId) {
    return delegate.getStore(storeId);
  }

  @Override
  public List<StoreInfo> listStores() {
    return delegate.listStores();
  }

  @Override
  public void deleteStore(String storeId) {
    delegate.deleteStore(storeId);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
