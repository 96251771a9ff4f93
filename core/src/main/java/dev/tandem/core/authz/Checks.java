package dev.tandem.core.authz;

import dev.tandem.core.FgaException;
import dev.tandem.core.FgaUnavailableException;
import dev.tandem.core.FgaValidationException;
import dev.tandem.core.client.FgaClient;
import dev.tandem.core.engine.BatchCheckItem;
import dev.tandem.core.engine.CheckRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Checks collected for one {@link FgaClient#batchCheck} call, and their outcomes. Fails closed: a
 * call that throws, returns the wrong number of items or a null item makes those checks {@link
 * Outcome#UNAVAILABLE} (or {@link Outcome#INVALID} for a rejected request), never allowed.
 */
final class Checks {

  private static final System.Logger LOG = System.getLogger(Authorizer.class.getName());

  /** The outcome of one check. */
  enum Outcome {
    ALLOWED,
    DENIED,
    INVALID,
    UNAVAILABLE;

    /** The reason a principal fails with this outcome; {@code whenFalse} for a plain "no". */
    DenialReason reason(DenialReason whenFalse) {
      return switch (this) {
        case DENIED -> whenFalse;
        case INVALID -> DenialReason.INVALID_REQUEST;
        default -> DenialReason.UNAVAILABLE;
      };
    }
  }

  /** Checks added by {@link #addUnique} are found by a scan up to this many, then by hash. */
  private static final int SCANNED = 8;

  private final List<CheckRequest> requests = new ArrayList<>();
  private final int[] scanned = new int[SCANNED];
  private int scannedCount;
  private @Nullable Map<CheckRequest, Integer> unique;
  private @Nullable FgaException failure;
  private @Nullable String @Nullable [] errors;

  /**
   * Adds a check, or finds the identical one already added by this method; returns its index. Most
   * decisions add one to three checks, which a scan finds without hashing any request.
   */
  int addUnique(CheckRequest request) {
    if (unique != null) {
      return unique.computeIfAbsent(request, this::add);
    }
    for (int i = 0; i < scannedCount; i++) {
      if (requests.get(scanned[i]).equals(request)) {
        return scanned[i];
      }
    }
    int index = add(request);
    if (scannedCount < SCANNED) {
      scanned[scannedCount++] = index;
    } else {
      Map<CheckRequest, Integer> byRequest = new HashMap<>();
      for (int i = 0; i < scannedCount; i++) {
        byRequest.put(requests.get(scanned[i]), scanned[i]);
      }
      byRequest.put(request, index);
      unique = byRequest;
    }
    return index;
  }

  /** Adds a check; returns its index. */
  int add(CheckRequest request) {
    requests.add(request);
    return requests.size() - 1;
  }

  int size() {
    return requests.size();
  }

  /** The message of the validation error that made check {@code index} invalid, or null. */
  @Nullable String error(int index) {
    return errors == null ? null : errors[index];
  }

  /** The exception that failed the whole call, or null. */
  @Nullable FgaException failure() {
    return failure;
  }

  /** Sends every check in one call. */
  Outcome[] run(FgaClient client) {
    Outcome[] outcomes = new Outcome[requests.size()];
    if (requests.isEmpty()) {
      return outcomes;
    }
    List<BatchCheckItem> items;
    try {
      items = client.batchCheck(requests);
    } catch (FgaValidationException e) {
      return failAll(outcomes, Outcome.INVALID, e);
    } catch (FgaException e) {
      return failAll(outcomes, Outcome.UNAVAILABLE, e);
    } catch (RuntimeException e) {
      return failAll(
          outcomes,
          Outcome.UNAVAILABLE,
          new FgaUnavailableException("batch check failed: " + e, e));
    }
    if (items == null || items.size() != requests.size()) {
      return failAll(
          outcomes,
          Outcome.UNAVAILABLE,
          new FgaUnavailableException(
              "batch check answered "
                  + (items == null ? "nothing" : items.size() + " items")
                  + " for "
                  + requests.size()
                  + " checks"));
    }
    for (int i = 0; i < outcomes.length; i++) {
      BatchCheckItem item = items.get(i);
      outcomes[i] = outcome(item);
      if (outcomes[i] == Outcome.INVALID && item instanceof BatchCheckItem.Failed failed) {
        if (errors == null) {
          errors = new String[outcomes.length];
        }
        errors[i] = failed.error().getMessage();
      }
    }
    return outcomes;
  }

  private static Outcome outcome(@Nullable BatchCheckItem item) {
    if (item instanceof BatchCheckItem.Evaluated evaluated) {
      return evaluated.result().allowed() ? Outcome.ALLOWED : Outcome.DENIED;
    }
    if (item instanceof BatchCheckItem.Failed failed) {
      LOG.log(System.Logger.Level.DEBUG, "check failed, denied: {0}", failed.error().getMessage());
      return failed.error() instanceof FgaValidationException
          ? Outcome.INVALID
          : Outcome.UNAVAILABLE;
    }
    return Outcome.UNAVAILABLE;
  }

  private Outcome[] failAll(Outcome[] outcomes, Outcome outcome, FgaException e) {
    LOG.log(System.Logger.Level.WARNING, "batch check failed, denied: {0}", e.getMessage());
    failure = e;
    Arrays.fill(outcomes, outcome);
    if (outcome == Outcome.INVALID) {
      errors = new String[outcomes.length];
      Arrays.fill(errors, e.getMessage());
    }
    return outcomes;
  }
}
