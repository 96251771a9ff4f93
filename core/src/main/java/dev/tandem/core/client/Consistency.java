package dev.tandem.core.client;

/** OpenFGA's consistency preference for queries. */
public enum Consistency {
  /** The server's default (OpenFGA: {@link #MINIMIZE_LATENCY}). */
  UNSPECIFIED,
  /** Answers may come from caches, up to their time-to-live old. */
  MINIMIZE_LATENCY,
  /**
   * Answers reflect every write that completed before the query; Tandem's decision cache is
   * bypassed and the server is asked to skip its caches.
   */
  HIGHER_CONSISTENCY
}
