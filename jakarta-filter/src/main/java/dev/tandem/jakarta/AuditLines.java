package dev.tandem.jakarta;

import dev.tandem.core.authz.Decision;
import dev.tandem.core.authz.Denial;
import dev.tandem.core.authz.DenialReason;
import dev.tandem.core.authz.Permission;
import dev.tandem.core.http.AuditText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The audit lines of a {@link FilterDecision}, in the Spring starter's format ({@code decision
 * granted actor=[user:alice via client:app] relation=can_view object=project:apollo denied=[]})
 * followed by what only the filter knows: {@code method=GET rule=[GET /projects/{projectId} ->
 * can_view on project:{projectId}] status=- refusal=- latency=0.412ms}.
 *
 * <p>One line per decision of a requirement, as the starter writes; one line with {@code
 * relation=-} and {@code object=-} when nothing was checked. A value is never written raw: anything
 * outside printable ASCII (line breaks, other control and format characters, non-ASCII letters) is
 * written as a backslash, {@code u} and four hex digits, a backslash or bracket is preceded by a
 * backslash, and spaces are escaped everywhere but in the rule, so that a value can neither end its
 * field nor start a line.
 */
final class AuditLines {

  private AuditLines() {}

  static List<String> of(FilterDecision decision) {
    String actor = AuditText.actorChain(decision.actor());
    String tail = tail(decision);
    String outcome = name(decision.outcome());
    List<String> lines = new ArrayList<>();
    if (!decision.decisions().isEmpty()) {
      for (Decision each : decision.decisions()) {
        List<String> denied = new ArrayList<>();
        boolean unavailable = false;
        for (Denial denial : each.denials()) {
          denied.add(denial.role().name());
          unavailable |= denial.reason() == DenialReason.UNAVAILABLE;
        }
        String own = each.granted() ? "granted" : unavailable ? "unavailable" : "denied";
        lines.add(line(own, actor, each.relation(), each.object(), denied, tail));
      }
    } else if (!decision.permissions().isEmpty()) {
      for (Permission permission : decision.permissions()) {
        lines.add(
            line(outcome, actor, permission.relation(), permission.object(), List.of(), tail));
      }
    } else {
      lines.add(line(outcome, actor, null, null, List.of(), tail));
    }
    return lines;
  }

  private static String line(
      String outcome,
      String actor,
      @Nullable String relation,
      @Nullable String object,
      List<String> denied,
      String tail) {
    return "decision "
        + outcome
        + " actor=["
        + actor
        + "] relation="
        + (relation == null ? "-" : AuditText.escape(relation, false))
        + " object="
        + (object == null ? "-" : AuditText.escape(object, false))
        + " denied="
        + denied
        + tail;
  }

  private static String tail(FilterDecision decision) {
    String rule = decision.rule();
    FilterDecision.Refusal refusal = decision.refusal();
    return " method="
        + AuditText.escape(decision.method(), false)
        + " rule=["
        + (rule == null ? "" : AuditText.escape(rule, true))
        + "] status="
        + (decision.status() == 0 ? "-" : Integer.toString(decision.status()))
        + " refusal="
        + (refusal == null ? "-" : name(refusal))
        + " latency="
        + String.format(Locale.ROOT, "%.3fms", decision.latency().toNanos() / 1e6);
  }

  private static String name(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
