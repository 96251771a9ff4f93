package dev.tandem.core.tuple;

import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The contract run against a store that implements only {@link TupleStore}'s abstract methods, so
 * that the defaults of {@link TupleStore#find} and {@link TupleStore#findUsersets} are covered.
 */
class DefaultLookupsTupleStoreTest extends TupleStoreContractTest {

  @Override
  TupleStore newStore() {
    return new MinimalStore(new InMemoryTupleStore());
  }

  /** Forwards the abstract methods only. */
  private static final class MinimalStore implements TupleStore {
    private final TupleStore delegate;

    MinimalStore(TupleStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public void write(Collection<TupleKey> writes, Collection<TupleKey> deletes) {
      delegate.write(writes, deletes);
    }

    @Override
    public List<TupleKey> findByObject(String object, String relation) {
      return delegate.findByObject(object, relation);
    }

    @Override
    public List<TupleKey> findByUser(String objectType, String relation, String user) {
      return delegate.findByUser(objectType, relation, user);
    }

    @Override
    public List<TupleKey> read(
        @Nullable String object, @Nullable String relation, @Nullable String user) {
      return delegate.read(object, relation, user);
    }

    @Override
    public long size() {
      return delegate.size();
    }
  }
}
