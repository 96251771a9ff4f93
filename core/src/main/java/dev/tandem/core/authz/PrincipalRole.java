package dev.tandem.core.authz;

/** The place of a principal in the chain behind a request. */
public enum PrincipalRole {
  /** The user, acting through a first-party app or for whom an app or agent acts. */
  USER,
  /** A service account acting for itself. */
  SERVICE_ACCOUNT,
  /** The user's consent to the third-party app acting for them. */
  CONSENT,
  /** The agent's current task. */
  TASK
}
