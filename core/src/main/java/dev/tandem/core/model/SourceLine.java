package dev.tandem.core.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of DSL source: its 0-based number, the column where its content starts, the content
 * without indentation or comment, and the raw text.
 */
record SourceLine(int number, int indent, String content, String raw) {

  static final SourceLine END = new SourceLine(-1, 0, "", "");

  static List<SourceLine> split(String dsl) {
    String[] raw = dsl.split("\r\n|\r|\n", -1);
    List<SourceLine> lines = new ArrayList<>(raw.length);
    for (int i = 0; i < raw.length; i++) {
      String text = stripComment(raw[i]);
      int indent = 0;
      while (indent < text.length() && Character.isWhitespace(text.charAt(indent))) {
        indent++;
      }
      lines.add(new SourceLine(i, indent, text.strip(), raw[i]));
    }
    return lines;
  }

  /** Removes a {@code #} comment: one that starts a line or follows whitespace. */
  private static String stripComment(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return line.substring(0, i);
      }
    }
    return line;
  }
}
