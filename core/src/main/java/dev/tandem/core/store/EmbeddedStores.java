package dev.tandem.core.store;

import dev.tandem.core.ErrorCode;
import dev.tandem.core.FgaNotFoundException;
import dev.tandem.core.FgaValidationException;
import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.tuple.InMemoryTupleStore;
import dev.tandem.core.tuple.TupleStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * In-memory stores, each holding the versions of its authorization model and its tuples, as an
 * OpenFGA server does. Thread-safe.
 *
 * <p>Models are immutable once written; writing a model adds a new version with a new id and makes
 * it the latest. Queries name a model id or use the latest.
 */
public final class EmbeddedStores {

  private final Map<String, Entry> stores = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Ulid ids;

  /** Stores whose timestamps and ids come from the system clock. */
  public EmbeddedStores() {
    this(Clock.systemUTC());
  }

  /** Stores whose timestamps and ids come from {@code clock}. */
  public EmbeddedStores(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ids = new Ulid(clock);
  }

  /** Creates an empty store. */
  public StoreInfo create(String name) {
    if (name.isBlank()) {
      throw new FgaValidationException(ErrorCode.VALIDATION_ERROR, "store name must not be blank");
    }
    StoreInfo info = new StoreInfo(ids.next(), name, clock.instant());
    stores.put(info.id(), new Entry(info));
    return info;
  }

  /** The store with this id. */
  public StoreInfo get(String storeId) {
    return entry(storeId).info;
  }

  /** All stores, oldest first. */
  public List<StoreInfo> list() {
    List<StoreInfo> all = new ArrayList<>();
    for (Entry entry : stores.values()) {
      all.add(entry.info);
    }
    all.sort((a, b) -> a.id().compareTo(b.id()));
    return all;
  }

  /** Deletes a store with its models and tuples. */
  public void delete(String storeId) {
    if (stores.remove(storeId) == null) {
      throw notFound(storeId);
    }
  }

  /**
   * Adds a model version to a store and returns it with its new id.
   *
   * @throws dev.tandem.core.model.InvalidModelException when the model breaks OpenFGA's rules
   */
  public AuthorizationModel writeModel(String storeId, AuthorizationModel model) {
    Entry entry = entry(storeId);
    AuthorizationModel stored = model.requireValid().withId(ids.next());
    entry.models.add(0, stored);
    return stored;
  }

  /**
   * A model of the store: the one with {@code modelId}, or the latest when it is null.
   *
   * @throws FgaValidationException when the store has no model, or none with that id
   */
  public AuthorizationModel model(String storeId, @Nullable String modelId) {
    List<AuthorizationModel> models = entry(storeId).models;
    if (modelId == null || modelId.isEmpty()) {
      if (models.isEmpty()) {
        throw new FgaValidationException(
            ErrorCode.LATEST_AUTHORIZATION_MODEL_NOT_FOUND,
            "store " + storeId + " has no authorization model");
      }
      return models.get(0);
    }
    for (AuthorizationModel model : models) {
      if (model.id().equals(modelId)) {
        return model;
      }
    }
    throw new FgaValidationException(
        ErrorCode.AUTHORIZATION_MODEL_NOT_FOUND,
        "authorization model " + modelId + " not found in store " + storeId);
  }

  /** The store's model versions, newest first. */
  public List<AuthorizationModel> models(String storeId) {
    return Collections.unmodifiableList(new ArrayList<>(entry(storeId).models));
  }

  /** The store's tuples. */
  public TupleStore tuples(String storeId) {
    return entry(storeId).tuples;
  }

  private Entry entry(String storeId) {
    Entry entry = stores.get(storeId);
    if (entry == null) {
      throw notFound(storeId);
    }
    return entry;
  }

  private static FgaNotFoundException notFound(String storeId) {
    return new FgaNotFoundException("store " + storeId + " not found");
  }

  private static final class Entry {
    final StoreInfo info;
    final List<AuthorizationModel> models = new CopyOnWriteArrayList<>();
    final TupleStore tuples = new InMemoryTupleStore();

    Entry(StoreInfo info) {
      this.info = info;
    }
  }
}
