package dev.tandem.core.model;

import java.util.List;

/**
 * The raw text of one {@code condition name(params) { expression }} block, which may span lines.
 * The expression ends at the first {@code '}'} outside a CEL string literal.
 */
record ConditionText(String signature, String expression, int nextLine) {

  /** Reads the block starting at line {@code start}; null when it is not terminated. */
  static ConditionText read(List<SourceLine> lines, int start) {
    StringBuilder text = new StringBuilder();
    for (int i = start; i < lines.size(); i++) {
      text.append(i == start ? lines.get(i).content() : lines.get(i).raw()).append('\n');
    }
    int open = text.indexOf("{");
    if (open < 0) {
      return null;
    }
    int close = closingBrace(text, open + 1);
    if (close < 0) {
      return null;
    }
    String signature = text.substring(0, open).replaceAll("\\s+", " ").strip();
    String expression = text.substring(open + 1, close).strip();
    int consumedLines = (int) text.substring(0, close).chars().filter(c -> c == '\n').count();
    return new ConditionText(signature, expression, start + consumedLines + 1);
  }

  private static int closingBrace(CharSequence text, int from) {
    char quote = 0;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '}') {
        return i;
      }
    }
    return -1;
  }
}
