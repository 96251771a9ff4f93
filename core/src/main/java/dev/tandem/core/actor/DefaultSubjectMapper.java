package dev.tandem.core.actor;

import dev.tandem.core.FgaValidationException;
import dev.tandem.core.tuple.Identifiers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@link SubjectMapper#defaults()}: {@code type:id}, with ids checked against a strict rule before
 * they are put into a subject.
 *
 * <p>An id is rejected when it is empty, longer than {@link #MAX_ID_LENGTH} code points, or
 * contains {@code #}, {@code :} or {@code *} (userset, type and wildcard syntax), whitespace,
 * control or format characters (which can hide one id behind another in logs), or an unpaired
 * surrogate. Other characters, including {@code @ | . / -} and non-ASCII letters, are accepted. The
 * subject built must then pass {@link Identifiers#validateObject} and {@link
 * Identifiers#validateUser}.
 */
final class DefaultSubjectMapper implements SubjectMapper {

  /** The longest accepted id, in code points. */
  static final int MAX_ID_LENGTH = 200;

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final SubjectTypes types;

  DefaultSubjectMapper(SubjectTypes types) {
    this.types = Objects.requireNonNull(types, "types");
  }

  @Override
  public SubjectTypes types() {
    return types;
  }

  @Override
  public String user(String userId) {
    return subject(types.user(), checked("user id", userId));
  }

  @Override
  public String client(String clientId) {
    return subject(types.client(), checked("client id", clientId));
  }

  @Override
  public String consent(String clientId, String userId) {
    // '.' is outside the base64url alphabet, so the split point is unambiguous and the encoding
    // is injective; the ids are checked like any other id first.
    String client = encode(checked("client id", clientId));
    String user = encode(checked("user id", userId));
    return subject(types.consent(), client + "." + user);
  }

  @Override
  public String task(String taskId) {
    return subject(types.task(), checked("task id", taskId));
  }

  @Override
  public String agent(String agentId) {
    return subject(types.agent(), checked("agent id", agentId));
  }

  private static String encode(String id) {
    return BASE64URL.encodeToString(id.getBytes(StandardCharsets.UTF_8));
  }

  private static String subject(String type, String id) {
    String subject = type + ":" + id;
    try {
      Identifiers.validateObject(subject);
      Identifiers.validateUser(subject);
    } catch (FgaValidationException e) {
      throw new InvalidActorException(
          "subject of type '" + type + "' is invalid: " + e.getMessage());
    }
    return subject;
  }

  private static String checked(String what, String id) {
    String problem = problem(id);
    if (problem != null) {
      throw new InvalidActorException(what + " " + quote(id) + " is invalid: " + problem);
    }
    return id;
  }

  private static @Nullable String problem(String id) {
    if (id.isEmpty()) {
      return "must not be empty";
    }
    if (id.codePointCount(0, id.length()) > MAX_ID_LENGTH) {
      return "longer than " + MAX_ID_LENGTH + " characters";
    }
    for (int i = 0; i < id.length(); ) {
      int c = id.codePointAt(i);
      if (c == '#' || c == ':' || c == '*') {
        return "'" + (char) c + "' is not allowed";
      }
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        return "whitespace is not allowed";
      }
      int type = Character.getType(c);
      if (type == Character.CONTROL || type == Character.FORMAT) {
        return "control and format characters are not allowed";
      }
      if (type == Character.SURROGATE || type == Character.UNASSIGNED) {
        return "unpaired surrogates and unassigned code points are not allowed";
      }
      i += Character.charCount(c);
    }
    return null;
  }

  /** The id as it may be shown: escaped when it holds characters that are not plainly visible. */
  private static String quote(String id) {
    StringBuilder out = new StringBuilder("'");
    int shown = 0;
    for (int i = 0; i < id.length() && shown < 64; i++, shown++) {
      char c = id.charAt(i);
      if (c < 0x20 || c == 0x7f || Character.getType(c) == Character.FORMAT || c > 0xff) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (shown < id.length()) {
      out.append("...");
    }
    return out.append('\'').toString();
  }
}
