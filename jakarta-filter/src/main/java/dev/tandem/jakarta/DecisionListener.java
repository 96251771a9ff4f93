package dev.tandem.jakarta;

/**
 * Told of every decision a {@link TandemFilter} makes, for audit or metrics: register one with
 * {@link TandemFilter.Builder#decisionListener}.
 *
 * <p>A listener is called once per request the filter decides (see {@link FilterDecision} for which
 * ones), on the request's thread, after the decision and before the answer is written or the
 * request passed on; keep it quick. It cannot change the decision: an exception it throws is logged
 * and ignored, and the answer stands.
 */
@FunctionalInterface
public interface DecisionListener {

  /** Called with one decision of the filter. */
  void onDecision(FilterDecision decision);
}
