package dev.tandem.spring;

import dev.tandem.core.actor.Actor;
import dev.tandem.core.authz.PrincipalRole;
import dev.tandem.core.http.AuditText;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.springframework.context.ApplicationEvent;

/**
 * One decision of Tandem's method enforcement, for audit: published for every requirement the
 * interceptor decides, granted or not. The default listener logs it at INFO on the logger {@code
 * dev.tandem.audit}; define your own {@code ApplicationListener<TandemDecisionEvent>} to ship it
 * elsewhere.
 */
public final class TandemDecisionEvent extends ApplicationEvent {

  private static final long serialVersionUID = 1L;

  /** How a decision ended. */
  public enum Outcome {
    /** Every principal holds the relation. */
    GRANTED,
    /** Some principal does not hold it, or the request was invalid. */
    DENIED,
    /** The backend could not answer. */
    UNAVAILABLE
  }

  private final transient Actor actor;
  private final String relation;
  private final String object;
  private final Outcome outcome;
  private final List<PrincipalRole> deniedPrincipals;
  private final Duration latency;
  private final int batchSize;
  private final int batchIndex;

  TandemDecisionEvent(
      Object source,
      Actor actor,
      String relation,
      String object,
      Outcome outcome,
      List<PrincipalRole> deniedPrincipals,
      Duration latency,
      int batchSize,
      int batchIndex) {
    super(source);
    this.actor = Objects.requireNonNull(actor, "actor");
    this.relation = relation;
    this.object = object;
    this.outcome = outcome;
    this.deniedPrincipals = List.copyOf(deniedPrincipals);
    this.latency = Objects.requireNonNull(latency, "latency");
    this.batchSize = batchSize;
    this.batchIndex = batchIndex;
  }

  /** The actor, whose chain (user or service account, delegated app, agent task) was decided. */
  public Actor actor() {
    return actor;
  }

  /** The relation decided. */
  public String relation() {
    return relation;
  }

  /** The object decided, {@code type:id}. */
  public String object() {
    return object;
  }

  /** How the decision ended. */
  public Outcome outcome() {
    return outcome;
  }

  /** The principals that failed, in chain order; empty when granted. */
  public List<PrincipalRole> deniedPrincipals() {
    return deniedPrincipals;
  }

  /**
   * How long the call that decided this requirement took; every requirement of the same method call
   * is decided in one call and carries the same latency.
   */
  public Duration latency() {
    return latency;
  }

  /** The number of requirements decided in the same call as this one, at least 1. */
  public int batchSize() {
    return batchSize;
  }

  /**
   * The position of this requirement in its call, from 0 to {@link #batchSize()} - 1; the events of
   * one call are published in this order.
   */
  public int batchIndex() {
    return batchIndex;
  }

  /**
   * The actor chain as text, escaped for a log line ({@link AuditText#actorChain}): {@code
   * user:alice via client:app with agent:bot task:t1}.
   */
  public String actorChain() {
    return AuditText.actorChain(actor);
  }

  @Override
  public String toString() {
    return "decision "
        + outcome.name().toLowerCase(java.util.Locale.ROOT)
        + " actor=["
        + actorChain()
        + "] relation="
        + AuditText.escape(relation, false)
        + " object="
        + AuditText.escape(object, false)
        + " denied="
        + deniedPrincipals;
  }
}
