package dev.tandem.core.tuple;

/**
 * Quotes a value for an error message: control and invisible characters are escaped, so a value
 * cannot forge log lines, and long values are cut.
 */
final class Quoting {

  private static final int MAX_CODE_POINTS = 64;

  private Quoting() {}

  static String quote(String value) {
    StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_CODE_POINTS) + 8);
    out.append('\'');
    int shown = 0;
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      i += Character.charCount(cp);
      if (shown++ == MAX_CODE_POINTS) {
        out.append("...");
        break;
      }
      appendEscaped(out, cp);
    }
    return out.append('\'').toString();
  }

  private static void appendEscaped(StringBuilder out, int cp) {
    switch (cp) {
      case '\t' -> out.append("\\t");
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\f' -> out.append("\\f");
      case '\'' -> out.append("\\'");
      case '\\' -> out.append("\\\\");
      default -> {
        if (cp != ' ' && (Character.isISOControl(cp) || isInvisible(cp))) {
          out.append(String.format("\\u%04X", cp));
        } else {
          out.appendCodePoint(cp);
        }
      }
    }
  }

  private static boolean isInvisible(int cp) {
    int type = Character.getType(cp);
    return Character.isWhitespace(cp)
        || Character.isSpaceChar(cp)
        || type == Character.FORMAT
        || type == Character.SURROGATE
        || type == Character.UNASSIGNED;
  }
}
