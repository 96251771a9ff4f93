package dev.tandem.core.authz;

/** Why a principal did not hold a relation. */
public enum DenialReason {
  /**
   * The principal does not hold the relation: not granted, revoked, expired, or (for a task) not
   * bound to this user and agent.
   */
  NOT_GRANTED,
  /** A service account's tenant claim is missing or does not name a tenant it belongs to. */
  TENANT_MISMATCH,
  /** The principal's id was rejected before any FGA call (injection attempt, malformed id). */
  INVALID_SUBJECT,
  /** The relation, object, contextual tuples or context were rejected as invalid. */
  INVALID_REQUEST,
  /**
   * The authorization model defines no type for the principal (for example a model without the
   * {@code consent} type and a token of a delegated app), so it can hold no relation: a deployment
   * problem, logged as a warning once per type, not the caller's fault.
   */
  TYPE_NOT_IN_MODEL,
  /** The authorization backend could not answer; the request may be retried later. */
  UNAVAILABLE
}
