package dev.tandem.core.client;

import dev.tandem.core.tuple.TupleKey;
import java.util.List;

/**
 * Tuples to write and delete in one atomic request (at most 100 in all, as in OpenFGA).
 *
 * @param writes tuples to add, with their conditions
 * @param deletes tuples to remove (conditions are ignored)
 */
public record WriteRequest(List<TupleKey> writes, List<TupleKey> deletes) {

  public WriteRequest {
    writes = List.copyOf(writes);
    deletes = List.copyOf(deletes);
    if (writes.isEmpty() && deletes.isEmpty()) {
      throw new IllegalArgumentException("a write request needs at least one write or delete");
    }
  }

  /** Writes only. */
  public static WriteRequest writes(TupleKey... tuples) {
    return new WriteRequest(List.of(tuples), List.of());
  }

  /** Deletes only. */
  public static WriteRequest deletes(TupleKey... tuples) {
    return new WriteRequest(List.of(), List.of(tuples));
  }
}
