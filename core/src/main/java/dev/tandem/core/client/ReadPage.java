package dev.tandem.core.client;

import dev.tandem.core.tuple.TupleKey;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a {@link ReadRequest}.
 *
 * @param tuples the tuples of this page
 * @param continuationToken the token for the next page, or null when this is the last page
 */
public record ReadPage(List<TupleKey> tuples, @Nullable String continuationToken) {

  public ReadPage {
    tuples = List.copyOf(tuples);
  }

  /** Whether more pages follow. */
  public boolean hasMore() {
    return continuationToken != null;
  }
}
