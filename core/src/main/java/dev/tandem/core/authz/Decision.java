package dev.tandem.core.authz;

import java.util.List;
import java.util.Objects;

/**
 * The answer of {@link Authorizer} for one relation on one object: granted only when every
 * principal in the chain holds the relation, otherwise denied with the principals that failed.
 */
public sealed interface Decision permits Decision.Granted, Decision.Denied {

  /** The relation as requested. */
  String relation();

  /** The object as requested. */
  String object();

  /** Whether the request is allowed. */
  boolean granted();

  /** The principals that failed, in chain order; empty when granted. */
  List<Denial> denials();

  /**
   * Every principal holds the relation.
   *
   * @param relation the relation as requested
   * @param object the object as requested
   */
  record Granted(String relation, String object) implements Decision {
    public Granted {
      Objects.requireNonNull(relation, "relation");
      Objects.requireNonNull(object, "object");
    }

    @Override
    public boolean granted() {
      return true;
    }

    @Override
    public List<Denial> denials() {
      return List.of();
    }
  }

  /**
   * At least one principal does not hold the relation, or it could not be established that it does.
   *
   * @param relation the relation as requested
   * @param object the object as requested
   * @param denials the principals that failed, at least one
   */
  record Denied(String relation, String object, List<Denial> denials) implements Decision {
    public Denied {
      Objects.requireNonNull(relation, "relation");
      Objects.requireNonNull(object, "object");
      denials = List.copyOf(denials);
      if (denials.isEmpty()) {
        throw new IllegalArgumentException("a denied decision names at least one principal");
      }
    }

    @Override
    public boolean granted() {
      return false;
    }

    /** Whether the principal in {@code role} failed. */
    public boolean deniedBy(PrincipalRole role) {
      return denials.stream().anyMatch(d -> d.role() == role);
    }

    /** Whether any principal failed for {@code reason}. */
    public boolean hasReason(DenialReason reason) {
      return denials.stream().anyMatch(d -> d.reason() == reason);
    }
  }
}
