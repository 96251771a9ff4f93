package dev.tandem.core.internal.remote;

import dev.tandem.core.FgaException;
import dev.tandem.core.FgaUnavailableException;
import dev.tandem.core.FgaValidationException;
import dev.tandem.core.engine.BatchCheckItem;
import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.engine.CheckResult;
import dev.tandem.core.internal.http.BatchJson;
import dev.tandem.core.internal.http.QueryJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Check and batch check. A batch goes to {@code /batch-check} in calls of at most 50 items, run in
 * parallel under one deadline; each item carries a fresh random correlation id and its result is
 * found by that id. An item missing from the answer, or answered with an error or without a
 * boolean, is {@link BatchCheckItem.Failed}.
 *
 * <p>A server without {@code /batch-check} (it answers 501, or 404 with any code but {@code
 * store_id_not_found}) is remembered for the life of the client, and batches become parallel {@code
 * /check} calls on the worker pool, whose size bounds their concurrency.
 */
final class Checks {

  /** OpenFGA's limit of checks per batch-check call. */
  static final int MAX_PER_CALL = 50;

  /** Time granted past the deadline for a worker to report its own deadline failure. */
  private static final long GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final OpenFgaApi api;
  private final ResilientCalls calls;
  private final ExecutorService workers;
  private final AtomicBoolean batchEndpointMissing = new AtomicBoolean();

  Checks(OpenFgaApi api, ResilientCalls calls, ExecutorService workers) {
    this.api = api;
    this.calls = calls;
    this.workers = workers;
  }

  CheckResult check(
      String storeId, CheckRequest request, QueryJson.Options options, Deadline deadline) {
    ObjectNode body = QueryJson.writeCheck(request, options);
    return calls.call(
        "check",
        deadline,
        Failure.Safety.IDEMPOTENT,
        attempt ->
            new CheckResult(QueryJson.readCheckResponse(api.check(storeId, body, attempt)), false));
  }

  List<BatchCheckItem> batchCheck(
      String storeId, List<CheckRequest> requests, QueryJson.Options options) {
    if (requests.isEmpty()) {
      return List.of();
    }
    Deadline deadline = calls.deadline();
    if (batchEndpointMissing.get()) {
      return combine(runAll(singles(storeId, requests, options, deadline), deadline));
    }
    List<Call> batches = new ArrayList<>();
    for (int from = 0; from < requests.size(); from += MAX_PER_CALL) {
      List<CheckRequest> chunk =
          requests.subList(from, Math.min(requests.size(), from + MAX_PER_CALL));
      batches.add(new Call(chunk.size(), () -> batch(storeId, chunk, options, deadline)));
    }
    List<Part> parts = runAll(batches, deadline);
    List<Part> resolved = new ArrayList<>(parts.size());
    for (int i = 0; i < parts.size(); i++) {
      Part part = parts.get(i);
      if (part.endpointMissing()) {
        int from = i * MAX_PER_CALL;
        List<CheckRequest> chunk = requests.subList(from, from + part.size());
        resolved.addAll(runAll(singles(storeId, chunk, options, deadline), deadline));
      } else {
        resolved.add(part);
      }
    }
    return combine(resolved);
  }

  /** One batch-check call; null when the server has no batch-check endpoint. */
  private @Nullable List<BatchCheckItem> batch(
      String storeId, List<CheckRequest> requests, QueryJson.Options options, Deadline deadline) {
    List<BatchJson.Item> items = new ArrayList<>(requests.size());
    for (CheckRequest request : requests) {
      items.add(new BatchJson.Item(UUID.randomUUID().toString(), request));
    }
    ObjectNode body = BatchJson.writeRequest(items, options);
    Map<String, BatchCheckItem> results =
        calls.call(
            "batch-check",
            deadline,
            Failure.Safety.IDEMPOTENT,
            attempt -> {
              try {
                return BatchJson.readResponse(api.batchCheck(storeId, body, attempt));
              } catch (HttpStatusException e) {
                if (endpointMissing(e)) {
                  return null;
                }
                throw e;
              }
            });
    if (results == null) {
      batchEndpointMissing.set(true);
      return null;
    }
    List<BatchCheckItem> answer = new ArrayList<>(items.size());
    for (BatchJson.Item item : items) {
      BatchCheckItem result = results.get(item.correlationId());
      answer.add(
          result != null
              ? result
              : new BatchCheckItem.Failed(
                  new FgaUnavailableException(
                      "batch-check: the FGA server's answer has no result for one of the checks")));
    }
    return answer;
  }

  /** One {@code /check} call per request; an invalid check fails alone, as in batch-check. */
  private List<Call> singles(
      String storeId, List<CheckRequest> requests, QueryJson.Options options, Deadline deadline) {
    List<Call> singles = new ArrayList<>(requests.size());
    for (CheckRequest request : requests) {
      singles.add(
          new Call(
              1,
              () -> {
                try {
                  return List.of(
                      new BatchCheckItem.Evaluated(check(storeId, request, options, deadline)));
                } catch (FgaValidationException e) {
                  return List.of(new BatchCheckItem.Failed(e));
                }
              }));
    }
    return singles;
  }

  /**
   * The items in order; the items of a failed call are {@link BatchCheckItem.Failed} with its
   * failure. When no call was answered at all, the whole batch failed: its first failure is thrown.
   */
  private static List<BatchCheckItem> combine(List<Part> parts) {
    List<BatchCheckItem> items = new ArrayList<>();
    FgaException first = null;
    boolean answered = false;
    for (Part part : parts) {
      if (part.items() != null) {
        answered = true;
        items.addAll(part.items());
      } else {
        FgaException failure =
            part.failure() != null
                ? part.failure()
                : new FgaUnavailableException("batch-check: no answer");
        first = first == null ? failure : first;
        for (int i = 0; i < part.size(); i++) {
          items.add(new BatchCheckItem.Failed(failure));
        }
      }
    }
    if (!answered && first != null) {
      throw first;
    }
    return items;
  }

  private static boolean endpointMissing(HttpStatusException e) {
    return e.status() == 501
        || (e.status() == 404 && !e.error().code().equals("store_id_not_found"));
  }

  /** A call answering {@code size} checks. */
  private record Call(int size, Supplier<@Nullable List<BatchCheckItem>> run) {}

  /**
   * The outcome of a {@link Call}: its items, or its failure, or neither when the server has no
   * batch-check endpoint.
   */
  private record Part(
      @Nullable List<BatchCheckItem> items, @Nullable FgaException failure, int size) {
    boolean endpointMissing() {
      return items == null && failure == null;
    }
  }

  /** Runs the calls, in parallel on the workers when there are several, under the deadline. */
  private List<Part> runAll(List<Call> tasks, Deadline deadline) {
    List<Part> parts = new ArrayList<>(tasks.size());
    if (tasks.size() == 1) {
      parts.add(run(tasks.get(0)));
      return parts;
    }
    List<Future<Part>> futures = new ArrayList<>(tasks.size());
    for (Call task : tasks) {
      futures.add(workers.submit(() -> run(task)));
    }
    for (int i = 0; i < futures.size(); i++) {
      parts.add(await(futures.get(i), tasks.get(i).size(), deadline));
    }
    return parts;
  }

  private static Part run(Call call) {
    try {
      return new Part(call.run().get(), null, call.size());
    } catch (FgaException e) {
      return new Part(null, e, call.size());
    } catch (RuntimeException e) {
      return new Part(
          null, new FgaUnavailableException("batch-check failed unexpectedly", e), call.size());
    }
  }

  private static Part await(Future<Part> future, int size, Deadline deadline) {
    try {
      return future.get(
          Math.max(0, deadline.remaining().toNanos()) + GRACE_NANOS, TimeUnit.NANOSECONDS);
    } catch (TimeoutException | CancellationException e) {
      future.cancel(true);
      return new Part(
          null,
          new FgaUnavailableException(
              "batch-check: no answer within the overall timeout of "
                  + deadline.total().toMillis()
                  + " ms"),
          size);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      return new Part(null, new FgaUnavailableException("batch-check: interrupted"), size);
    } catch (ExecutionException e) {
      return new Part(
          null, new FgaUnavailableException("batch-check failed unexpectedly", e.getCause()), size);
    }
  }
}
