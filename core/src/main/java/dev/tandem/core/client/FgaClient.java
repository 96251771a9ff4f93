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
 * One API over OpenFGA-compatible backends: the embedded engine, or a remote OpenFGA or Auth0 FGA
 * server. Moving between them is a matter of configuration ({@link #builder()}).
 *
 * <p>A client is bound to one store ({@link #storeId()}) and optionally one model id; queries and
 * writes go to that store and model (the latest model when none is set). Store operations work on
 * any store.
 *
 * <p>Every method throws only {@link dev.tandem.core.FgaException} subclasses: {@link
 * dev.tandem.core.FgaValidationException} for a request the backend rejected, {@link
 * dev.tandem.core.FgaNotFoundException} for a missing store, {@link
 * dev.tandem.core.FgaUnavailableException} when no trustworthy answer could be had. Callers making
 * authorization decisions must treat every exception as a denial. Implementations are thread-safe.
 */
public interface FgaClient extends AutoCloseable {

  /** A builder for embedded and remote clients and their decorators. */
  static FgaClientBuilder builder() {
    return new FgaClientBuilder();
  }

  /** The store this client queries and writes to. */
  String storeId();

  /**
   * The model id this client's queries and writes are pinned to; empty when they use the store's
   * latest model. {@link #readDecisionModel()} reads the model this resolves to.
   */
  default Optional<String> modelId() {
    return Optional.empty();
  }

  /** Whether {@code request.user()} has {@code request.relation()} on {@code request.object()}. */
  CheckResult check(CheckRequest request, Consistency consistency);

  /** {@link #check(CheckRequest, Consistency)} with the default consistency. */
  default CheckResult check(CheckRequest request) {
    return check(request, Consistency.UNSPECIFIED);
  }

  /**
   * {@link #check(CheckRequest, Consistency)} as a future. The future completes with the result or
   * exceptionally with an {@link dev.tandem.core.FgaException} (anything else the check throws is
   * wrapped in {@link dev.tandem.core.FgaUnavailableException}); a failure is never an allow.
   *
   * <p>The default runs the synchronous check on the calling thread and returns a completed future,
   * so it blocks like {@code check}. {@link CoalescingFgaClient} overrides it to return at once,
   * the check joining the pending batch; the decorators pass it on to their delegate.
   */
  default CompletableFuture<CheckResult> checkAsync(CheckRequest request, Consistency consistency) {
    return AsyncChecks.completed(() -> check(request, consistency));
  }

  /** {@link #checkAsync(CheckRequest, Consistency)} with the default consistency. */
  default CompletableFuture<CheckResult> checkAsync(CheckRequest request) {
    return checkAsync(request, Consistency.UNSPECIFIED);
  }

  /**
   * Several checks in one call. Items come back in request order; a failed item is a {@link
   * BatchCheckItem.Failed} and never affects the others. Throws only when the whole call failed.
   */
  List<BatchCheckItem> batchCheck(List<CheckRequest> requests, Consistency consistency);

  /** {@link #batchCheck(List, Consistency)} with the default consistency. */
  default List<BatchCheckItem> batchCheck(List<CheckRequest> requests) {
    return batchCheck(requests, Consistency.UNSPECIFIED);
  }

  /** The objects of a type on which the user has the relation. */
  Set<String> listObjects(ListObjectsRequest request, Consistency consistency);

  /** {@link #listObjects(ListObjectsRequest, Consistency)} with the default consistency. */
  default Set<String> listObjects(ListObjectsRequest request) {
    return listObjects(request, Consistency.UNSPECIFIED);
  }

  /** The users of the requested kind that have the relation on the object. */
  Set<String> listUsers(ListUsersRequest request, Consistency consistency);

  /** {@link #listUsers(ListUsersRequest, Consistency)} with the default consistency. */
  default Set<String> listUsers(ListUsersRequest request) {
    return listUsers(request, Consistency.UNSPECIFIED);
  }

  /**
   * One level of the userset tree of {@code object#relation} (OpenFGA's Expand): the relation's
   * rewrite as union, intersection and difference nodes, down to leaves that list the users and
   * usersets of direct tuples, name another relation of the object, or name the usersets a
   * tupleset's tuples point to. Leaves are not expanded further; conditions are not evaluated.
   * Answers are never cached.
   */
  UsersetTree expand(ExpandRequest request, Consistency consistency);

  /** {@link #expand(ExpandRequest, Consistency)} with the default consistency. */
  default UsersetTree expand(ExpandRequest request) {
    return expand(request, Consistency.UNSPECIFIED);
  }

  /** One page of stored tuples matching a filter. */
  ReadPage read(ReadRequest request, Consistency consistency);

  /** {@link #read(ReadRequest, Consistency)} with the default consistency. */
  default ReadPage read(ReadRequest request) {
    return read(request, Consistency.UNSPECIFIED);
  }

  /**
   * Writes and deletes tuples atomically, validated against the model. When this returns, no cached
   * answer of this client reflects the state before the write.
   */
  void write(WriteRequest request);

  /** Stores a new model version in this client's store and returns it with its id. */
  AuthorizationModel writeAuthorizationModel(AuthorizationModel model);

  /** The model version with this id. */
  AuthorizationModel readAuthorizationModel(String modelId);

  /** The latest model of this client's store. */
  AuthorizationModel readLatestAuthorizationModel();

  /**
   * The model this client's decisions are made against: the one {@link #modelId()} pins, else the
   * store's latest. One model read per call.
   */
  default AuthorizationModel readDecisionModel() {
    Optional<String> pinned = modelId();
    return pinned.isPresent()
        ? readAuthorizationModel(pinned.get())
        : readLatestAuthorizationModel();
  }

  /** Creates a store. */
  StoreInfo createStore(String name);

  /** The store with this id. */
  StoreInfo getStore(String storeId);

  /** All stores. */
  List<StoreInfo> listStores();

  /** Deletes a store. */
  void deleteStore(String storeId);

  /** Releases connections and threads; the default does nothing. */
  @Override
  default void close() {}
}
