package dev.tandem.core.client;

import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.engine.CheckResult;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/** One check of {@link CheckCoalescer} and everyone waiting for its answer. */
final class CoalescedCall {

  /** Identical checks share a call only under the same consistency. */
  record FlightKey(CheckKey check, Consistency consistency) {}

  final CheckRequest request;

  /** Null for a check that cannot be shared, which never goes in flight. */
  final @Nullable FlightKey key;

  final CompletableFuture<CheckResult> answer = new CompletableFuture<>();

  /** The batch this call went into; set under the coalescer's lock. */
  @Nullable CoalescedBatch batch;

  private CoalescedCall(CheckRequest request, @Nullable FlightKey key) {
    this.request = request;
    this.key = key;
  }

  /** A new call for {@code request}, keyed for sharing when the check has a key. */
  static CoalescedCall of(String storeId, CheckRequest request, Consistency consistency) {
    CheckKey check = CheckKey.of(storeId, request);
    return new CoalescedCall(request, check == null ? null : new FlightKey(check, consistency));
  }
}
