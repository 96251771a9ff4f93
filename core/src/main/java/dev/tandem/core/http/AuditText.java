package dev.tandem.core.http;

import dev.tandem.core.actor.Actor;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The text of audit lines, shared by the Spring starter and the Jakarta filter so that both write
 * the same fields the same way. Actor ids and other values come from tokens and requests, so they
 * are never written raw: a value can neither end its field nor start a line.
 */
public final class AuditText {

  /** Longer values are cut, so that a header-sized value cannot flood the log. */
  public static final int MAX_VALUE = 256;

  private AuditText() {}

  /**
   * The actor chain, escaped: {@code user:alice via client:app with agent:bot task:t1}, or {@code
   * service_account:reporting-bot}; empty for no actor.
   */
  public static String actorChain(@Nullable Actor actor) {
    if (actor == null) {
      return "";
    }
    StringBuilder chain =
        new StringBuilder(actor.kind() == Actor.Kind.USER ? "user:" : "service_account:")
            .append(escape(actor.principalId(), false));
    String client = actor.delegatedClientId();
    if (client != null) {
      chain.append(" via client:").append(escape(client, false));
    }
    Actor.AgentTask task = actor.agentTask();
    if (task != null) {
      chain
          .append(" with agent:")
          .append(escape(task.agentId(), false))
          .append(" task:")
          .append(escape(task.taskId(), false));
    }
    return chain.toString();
  }

  /**
   * {@code value} with every character that could end its field or start a line escaped: anything
   * outside printable ASCII (line breaks, other control and format characters, non-ASCII letters)
   * as a backslash, {@code u} and four hex digits; a backslash or bracket preceded by a backslash;
   * spaces too unless {@code keepSpaces}. Cut after {@link #MAX_VALUE} characters, marked {@code
   * ...}.
   */
  public static String escape(String value, boolean keepSpaces) {
    boolean cut = value.length() > MAX_VALUE;
    String kept = cut ? value.substring(0, MAX_VALUE) : value;
    StringBuilder escaped = new StringBuilder(kept.length() + 8);
    for (int i = 0; i < kept.length(); i++) {
      char c = kept.charAt(i);
      if (c == '\\' || c == '[' || c == ']') {
        escaped.append('\\').append(c);
      } else if ((c > ' ' && c < 0x7f) || (c == ' ' && keepSpaces)) {
        escaped.append(c);
      } else {
        escaped.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
      }
    }
    return cut ? escaped.append("...").toString() : escaped.toString();
  }
}
