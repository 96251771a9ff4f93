package dev.tandem.core.client;

import dev.tandem.core.FgaException;
import dev.tandem.core.FgaUnavailableException;
import dev.tandem.core.engine.BatchCheckItem;
import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.engine.CheckResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The calls of {@link CheckCoalescer} from the moment they can be shared until they are answered:
 * sends sealed batches to the delegate and completes every call in them, each with its own item's
 * answer or error, whatever the delegate does.
 */
final class InFlightCalls {

  private final FgaClient delegate;
  private final Map<CoalescedCall.FlightKey, CoalescedCall> inFlight = new ConcurrentHashMap<>();

  InFlightCalls(FgaClient delegate) {
    this.delegate = delegate;
  }

  /**
   * Puts {@code call} in flight, unless an identical one already is: then that one, whose answer to
   * share. Null also for a call without a key, which is never shared.
   */
  @Nullable CoalescedCall putIfAbsent(CoalescedCall call) {
    return call.key == null ? null : inFlight.putIfAbsent(call.key, call);
  }

  /** Sends a sealed batch and completes every call in it, whatever happens. */
  void send(CoalescedBatch batch) {
    List<CoalescedCall> calls = batch.calls;
    try {
      if (calls.size() == 1) {
        CoalescedCall only = calls.get(0);
        finish(only, delegate.check(only.request, batch.consistency), null);
        return;
      }
      List<CheckRequest> requests = new ArrayList<>(calls.size());
      for (CoalescedCall call : calls) {
        requests.add(call.request);
      }
      List<BatchCheckItem> items = delegate.batchCheck(requests, batch.consistency);
      if (items == null || items.size() != calls.size()) {
        failAll(calls, wrongSize(items, calls.size()));
        return;
      }
      for (int i = 0; i < calls.size(); i++) {
        BatchCheckItem item = items.get(i);
        if (item instanceof BatchCheckItem.Evaluated evaluated) {
          finish(calls.get(i), evaluated.result(), null);
        } else if (item instanceof BatchCheckItem.Failed failed) {
          finish(calls.get(i), null, failed.error());
        } else {
          finish(calls.get(i), null, new FgaUnavailableException("a batch item had no answer"));
        }
      }
    } catch (FgaException e) {
      failAll(calls, e);
    } catch (RuntimeException e) {
      failAll(calls, new FgaUnavailableException("the delegate failed to check", e));
    } finally {
      // Calls are still open here only when an Error is on its way up.
      for (CoalescedCall call : calls) {
        if (!call.answer.isDone()) {
          finish(call, null, new FgaUnavailableException("the check was abandoned"));
        }
      }
    }
  }

  void failAll(List<CoalescedCall> calls, FgaException error) {
    for (CoalescedCall call : calls) {
      finish(call, null, error);
    }
  }

  /**
   * Completes a call, first taking it out of flight so that a check arriving afterwards makes a new
   * call instead of reusing this outcome. Completing a completed call does nothing.
   */
  void finish(CoalescedCall call, @Nullable CheckResult result, @Nullable FgaException error) {
    if (call.key != null) {
      inFlight.remove(call.key, call);
    }
    if (result != null) {
      call.answer.complete(result);
    } else {
      call.answer.completeExceptionally(
          error != null ? error : new FgaUnavailableException("the delegate answered no result"));
    }
  }

  /** The error for a delegate that answered a batch with the wrong number of items. */
  static FgaUnavailableException wrongSize(@Nullable List<BatchCheckItem> items, int expected) {
    return new FgaUnavailableException(
        "the delegate answered "
            + (items == null ? "no list" : items.size() + " items")
            + " to a batch of "
            + expected
            + " checks");
  }
}
