package dev.tandem.core.authz;

import dev.tandem.core.tuple.TupleCondition;
import dev.tandem.core.tuple.TupleKey;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns the outcomes of one batch of checks into a {@link Decision} per permission for {@link
 * Authorizer#decideAll}: granted when every principal's check and every precondition held, else
 * denied with one reason per principal.
 */
final class Decisions {

  private final UndefinedTypes undefinedTypes = new UndefinedTypes();

  /**
   * What a batch of checks for one actor found: its {@code chain}, the {@code checks} sent and
   * their {@code outcomes}, the index of each precondition's check, and the caller's contextual
   * tuples and {@code context} (to tell a model gap from an error quoting the caller).
   */
  record Batch(
      Chain chain,
      Checks checks,
      Checks.Outcome[] outcomes,
      int[] preconditionChecks,
      List<TupleKey> contextualTuples,
      Map<String, Object> context) {}

  /**
   * The decision on {@code permission}, whose principals' checks are at {@code memberChecks} (in
   * the order of the chain's members), or null when the permission itself was invalid.
   */
  Decision of(Permission permission, int @Nullable [] memberChecks, Batch batch) {
    Chain chain = batch.chain();
    Map<PrincipalRole, DenialReason> reasons = new EnumMap<>(PrincipalRole.class);
    if (memberChecks == null) {
      for (Chain.Member member : chain.members) {
        reasons.put(member.role(), DenialReason.INVALID_REQUEST);
      }
    } else {
      for (int i = 0; i < batch.preconditionChecks().length; i++) {
        Chain.Precondition p = chain.preconditions.get(i);
        int check = batch.preconditionChecks()[i];
        if (batch.outcomes()[check] != Checks.Outcome.ALLOWED) {
          merge(
              reasons,
              p.role(),
              reason(batch, check, p.whenFalse(), List.of(), p.role(), p.user(), p.object()));
        }
      }
      for (int i = 0; i < memberChecks.length; i++) {
        int check = memberChecks[i];
        if (batch.outcomes()[check] != Checks.Outcome.ALLOWED) {
          Chain.Member member = chain.members.get(i);
          merge(
              reasons,
              member.role(),
              reason(
                  batch,
                  check,
                  DenialReason.NOT_GRANTED,
                  batch.contextualTuples(),
                  member.role(),
                  member.subject()));
        }
      }
    }
    if (reasons.isEmpty()) {
      return new Decision.Granted(permission.relation(), permission.object());
    }
    List<Denial> denials = new ArrayList<>(reasons.size());
    reasons.forEach((role, reason) -> denials.add(new Denial(role, reason)));
    return new Decision.Denied(permission.relation(), permission.object(), denials);
  }

  /**
   * Why check {@code check} of {@code role}, on {@code ids}, did not allow: {@link
   * DenialReason#TYPE_NOT_IN_MODEL} when it failed validation because the model has no type of one
   * of the ids (and none of the caller's {@code contextualTuples} and context say so), else its
   * outcome's reason, {@code whenFalse} for a plain "no".
   */
  private DenialReason reason(
      Batch batch,
      int check,
      DenialReason whenFalse,
      List<TupleKey> contextualTuples,
      PrincipalRole role,
      String... ids) {
    Checks.Outcome outcome = batch.outcomes()[check];
    boolean undefined =
        outcome == Checks.Outcome.INVALID
            && undefinedTypes.named(
                batch.checks().error(check),
                callerInput(contextualTuples, batch.context()),
                role,
                ids);
    return undefined ? DenialReason.TYPE_NOT_IN_MODEL : outcome.reason(whenFalse);
  }

  /** Keeps one reason per role: a definite "no" wins over an error, else the first. */
  private static void merge(
      Map<PrincipalRole, DenialReason> reasons, PrincipalRole role, DenialReason reason) {
    DenialReason old = reasons.get(role);
    if (old == null || (!definite(old) && definite(reason))) {
      reasons.put(role, reason);
    }
  }

  /**
   * The caller's contextual tuples and context as text, in which an error message may quote them;
   * built only for a check that failed validation.
   */
  private static String callerInput(List<TupleKey> contextualTuples, Map<String, Object> context) {
    StringBuilder text = new StringBuilder().append(context);
    for (TupleKey tuple : contextualTuples) {
      TupleCondition condition = tuple.condition();
      text.append('\n').append(tuple).append(condition == null ? "" : condition.context());
    }
    return text.toString();
  }

  private static boolean definite(DenialReason reason) {
    return reason == DenialReason.NOT_GRANTED
        || reason == DenialReason.TENANT_MISMATCH
        || reason == DenialReason.TYPE_NOT_IN_MODEL;
  }
}
