package dev.tandem.core.authz;

import dev.tandem.core.FgaValidationException;
import dev.tandem.core.actor.Actor;
import dev.tandem.core.actor.SubjectMapper;
import dev.tandem.core.actor.SubjectTypes;
import dev.tandem.core.tuple.Identifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The checks behind the tandem rule for one actor: the principals that must hold every requested
 * relation ({@link #members}), and the bindings that must hold once per request ({@link
 * #preconditions}): a task's user and agent, a service account's tenant. Built without any FGA
 * call; ids the mapper rejects become {@link #invalid} denials.
 */
final class Chain {

  /** A principal that must hold the requested relation. */
  record Member(PrincipalRole role, String subject) {}

  /** A check charged to {@code role}, failing with {@code whenFalse} when it does not hold. */
  record Precondition(
      PrincipalRole role, DenialReason whenFalse, String object, String relation, String user) {}

  /** The actor this chain was built for. */
  final Actor actor;

  // Filled by of(), never changed afterwards: a chain may be shared between threads.
  final List<Member> members = new ArrayList<>();
  final List<Precondition> preconditions = new ArrayList<>();
  final List<Denial> invalid = new ArrayList<>();

  private Chain(Actor actor) {
    this.actor = actor;
  }

  static Chain of(Actor actor, SubjectMapper subjects, Conventions conventions) {
    Chain chain = new Chain(actor);
    SubjectTypes types = subjects.types();
    boolean user = actor.kind() == Actor.Kind.USER;
    PrincipalRole principalRole = user ? PrincipalRole.USER : PrincipalRole.SERVICE_ACCOUNT;
    String principal =
        chain.map(
            principalRole,
            user ? types.user() : types.client(),
            () -> user ? subjects.user(actor.principalId()) : subjects.client(actor.principalId()));
    if (principal != null) {
      chain.members.add(new Member(principalRole, principal));
    }
    if (!user && conventions.tenant() != null) {
      chain.tenant(actor.tenant(), principal, conventions.tenant());
    }
    String clientId = actor.delegatedClientId();
    if (clientId != null) {
      String consent =
          chain.map(
              PrincipalRole.CONSENT,
              types.consent(),
              () -> subjects.consent(clientId, actor.principalId()));
      if (consent != null) {
        chain.members.add(new Member(PrincipalRole.CONSENT, consent));
      }
    }
    Actor.AgentTask agentTask = actor.agentTask();
    if (agentTask != null) {
      String task =
          chain.map(PrincipalRole.TASK, types.task(), () -> subjects.task(agentTask.taskId()));
      String agent =
          chain.map(PrincipalRole.TASK, types.agent(), () -> subjects.agent(agentTask.agentId()));
      if (task != null && agent != null && principal != null) {
        Conventions.TaskRelations relations = conventions.task();
        chain.members.add(new Member(PrincipalRole.TASK, task));
        chain.preconditions.add(
            new Precondition(
                PrincipalRole.TASK, DenialReason.NOT_GRANTED, task, relations.owner(), principal));
        chain.preconditions.add(
            new Precondition(
                PrincipalRole.TASK, DenialReason.NOT_GRANTED, task, relations.agent(), agent));
      }
    }
    return chain;
  }

  boolean isValid() {
    return invalid.isEmpty();
  }

  /** The roles rejected, for an exception message that names no id. */
  String describeInvalid() {
    List<String> parts = new ArrayList<>();
    for (Denial denial : invalid) {
      parts.add(denial.role() + " " + denial.reason());
    }
    return "the actor cannot be authorized: " + String.join(", ", parts);
  }

  private void tenant(
      @Nullable String tenant, @Nullable String principal, Conventions.TenantBinding binding) {
    if (tenant == null) {
      invalid.add(new Denial(PrincipalRole.SERVICE_ACCOUNT, DenialReason.TENANT_MISMATCH));
      return;
    }
    String object = binding.type() + ":" + tenant;
    if (!validObject(object) || tenant.indexOf('*') >= 0) {
      addInvalid(PrincipalRole.SERVICE_ACCOUNT);
      return;
    }
    if (principal != null) {
      preconditions.add(
          new Precondition(
              PrincipalRole.SERVICE_ACCOUNT,
              DenialReason.TENANT_MISMATCH,
              object,
              binding.relation(),
              principal));
    }
  }

  /**
   * The subject the mapper gives, or null (recording an invalid subject) when it rejects the id or
   * returns something other than a plain {@code type:id} of the expected type.
   */
  private @Nullable String map(PrincipalRole role, String type, Supplier<String> mapping) {
    String subject;
    try {
      subject = mapping.get();
    } catch (RuntimeException e) {
      addInvalid(role);
      return null;
    }
    if (subject == null || !ofType(subject, type) || !validObject(subject)) {
      addInvalid(role);
      return null;
    }
    return subject;
  }

  private static boolean ofType(String subject, String type) {
    return subject.length() > type.length()
        && subject.startsWith(type)
        && subject.charAt(type.length()) == ':';
  }

  private void addInvalid(PrincipalRole role) {
    Denial denial = new Denial(role, DenialReason.INVALID_SUBJECT);
    if (!invalid.contains(denial)) {
      invalid.add(denial);
    }
  }

  /** Whether {@code value} is a plain {@code type:id}, valid as an object and as a user. */
  static boolean validObject(String value) {
    try {
      Identifiers.validateObject(value);
      Identifiers.validateUser(value);
      return true;
    } catch (FgaValidationException e) {
      return false;
    }
  }
}
