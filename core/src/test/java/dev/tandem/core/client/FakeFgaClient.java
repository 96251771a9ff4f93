package dev.tandem.core.client;

import dev.tandem.core.FgaException;
import dev.tandem.core.FgaNotFoundException;
import dev.tandem.core.engine.BatchCheckItem;
import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.engine.CheckResult;
import dev.tandem.core.engine.ExpandRequest;
import dev.tandem.core.engine.ListObjectsRequest;
import dev.tandem.core.engine.ListUsersRequest;
import dev.tandem.core.engine.UsersetTree;
import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.store.StoreInfo;
import dev.tandem.core.tuple.TupleKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A controllable delegate for the decorators' tests: it grants what was written, counts its calls,
 * can be told to answer otherwise, to fail, or to hold each call at a gate until the test opens it.
 */
final class FakeFgaClient implements FgaClient {

  static final String STORE_ID = "01FAKESTORE0000000000000000";

  final AtomicInteger checkCalls = new AtomicInteger();
  final AtomicInteger batchCalls = new AtomicInteger();
  final AtomicInteger writeCalls = new AtomicInteger();
  final AtomicInteger closeCalls = new AtomicInteger();
  final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
  final List<Consistency> consistencies = new CopyOnWriteArrayList<>();
  private final Set<String> grants = ConcurrentHashMap.newKeySet();

  /** How each check is answered; the default grants what was written. */
  volatile Function<CheckRequest, BatchCheckItem> rule = this::fromGrants;

  /** Thrown by the next batch calls, when set. */
  volatile RuntimeException batchFailure;

  /** Rewrites every batch answer before it is returned, to fake a misbehaving backend. */
  volatile UnaryOperator<List<BatchCheckItem>> tamper = UnaryOperator.identity();

  /** Thrown by the next write, after applying it, when set. */
  volatile FgaException writeFailure;

  /** When set, every call counts down {@link #entered} after answering and then waits here. */
  volatile CountDownLatch gate;

  volatile CountDownLatch entered = new CountDownLatch(0);

  /** Grants {@code user} the relation on the object, as a write would. */
  void grant(String object, String relation, String user) {
    grants.add(object + "#" + relation + "@" + user);
  }

  static BatchCheckItem allowed() {
    return new BatchCheckItem.Evaluated(new CheckResult(true, false));
  }

  static BatchCheckItem denied() {
    return new BatchCheckItem.Evaluated(new CheckResult(false, false));
  }

  private BatchCheckItem fromGrants(CheckRequest request) {
    boolean granted =
        grants.contains(request.object() + "#" + request.relation() + "@" + request.user());
    return granted ? allowed() : denied();
  }

  int delegateCalls() {
    return checkCalls.get() + batchCalls.get();
  }

  @Override
  public String storeId() {
    return STORE_ID;
  }

  @Override
  public CheckResult check(CheckRequest request, Consistency consistency) {
    checkCalls.incrementAndGet();
    consistencies.add(consistency);
    BatchCheckItem item = rule.apply(request);
    pass();
    if (item instanceof BatchCheckItem.Failed failed) {
      throw failed.error();
    }
    return ((BatchCheckItem.Evaluated) item).result();
  }

  @Override
  public List<BatchCheckItem> batchCheck(List<CheckRequest> requests, Consistency consistency) {
    batchCalls.incrementAndGet();
    batchSizes.add(requests.size());
    consistencies.add(consistency);
    List<BatchCheckItem> items = new ArrayList<>();
    for (CheckRequest request : requests) {
      items.add(rule.apply(request));
    }
    pass();
    RuntimeException failure = batchFailure;
    if (failure != null) {
      throw failure;
    }
    return tamper.apply(items);
  }

  private void pass() {
    CountDownLatch waitAt = gate;
    entered.countDown();
    if (waitAt != null) {
      try {
        waitAt.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted at the gate", e);
      }
    }
  }

  @Override
  public void write(WriteRequest request) {
    writeCalls.incrementAndGet();
    for (TupleKey tuple : request.writes()) {
      grant(tuple.object(), tuple.relation(), tuple.user());
    }
    for (TupleKey tuple : request.deletes()) {
      grants.remove(tuple.object() + "#" + tuple.relation() + "@" + tuple.user());
    }
    FgaException failure = writeFailure;
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public AuthorizationModel writeAuthorizationModel(AuthorizationModel model) {
    return model;
  }

  @Override
  public void deleteStore(String storeId) {
    if (!STORE_ID.equals(storeId)) {
      throw new FgaNotFoundException("store " + storeId + " not found");
    }
  }

  @Override
  public void close() {
    closeCalls.incrementAndGet();
  }

  @Override
  public Set<String> listObjects(ListObjectsRequest request, Consistency consistency) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Set<String> listUsers(ListUsersRequest request, Consistency consistency) {
    throw new UnsupportedOperationException();
  }

  @Override
  public UsersetTree expand(ExpandRequest request, Consistency consistency) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ReadPage read(ReadRequest request, Consistency consistency) {
    throw new UnsupportedOperationException();
  }

  @Override
  public AuthorizationModel readAuthorizationModel(String modelId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public AuthorizationModel readLatestAuthorizationModel() {
    throw new UnsupportedOperationException();
  }

  @Override
  public StoreInfo createStore(String name) {
    return new StoreInfo("01OTHERSTORE000000000000000", name, Instant.EPOCH);
  }

  @Override
  public StoreInfo getStore(String storeId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<StoreInfo> listStores() {
    throw new UnsupportedOperationException();
  }
}
