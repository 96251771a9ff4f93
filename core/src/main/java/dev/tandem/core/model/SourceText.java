package dev.tandem.core.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DSL source text as the semantic validator sees it: lines to search for the declaration of a type,
 * relation, condition or schema version, and columns of symbols within a line.
 *
 * <p>Like OpenFGA's validators, positions are found by searching the text rather than from a parse
 * tree. The searches are stricter than upstream's where upstream has known mismatches: a type line
 * must name exactly that type ({@code type asset} does not match {@code type asset-category}), a
 * relation line must have {@code :} after the name, a condition line {@code (}.
 */
final class SourceText {

  /** Where in a line the offending symbol is searched for. */
  enum Anchor {
    /** Anywhere in the line. */
    LINE,
    /** After the {@code type} keyword. */
    TYPE_NAME,
    /** After the {@code define} keyword. */
    RELATION_NAME,
    /** After the {@code :} of a {@code define} line: in the relation's definition. */
    DEFINITION,
    /** After the {@code [} of a {@code define} line: in its type restrictions. */
    RESTRICTIONS,
    /** Right after a {@code from} keyword. */
    TUPLESET,
    /** After the {@code condition} keyword. */
    CONDITION_NAME,
    /** After the {@code schema} keyword. */
    SCHEMA_VERSION
  }

  /** A name declared on a line: a type or a condition. */
  record Declaration(String name, int line) {}

  /** A relation of {@code type} defined on a line. */
  record RelationDeclaration(String type, String name, int line) {}

  /** The 0-based start and end column of a symbol. */
  record Span(int start, int end) {}

  private static final Pattern TYPE = Pattern.compile("type\\s+(\\S+)");
  private static final Pattern DEFINE = Pattern.compile("define\\s+([^\\s:]+)\\s*:.*");
  private static final Pattern CONDITION = Pattern.compile("condition\\s+([^\\s(]+)\\s*\\(");
  private static final Pattern BLOCK_START = Pattern.compile("(type|condition)\\b.*");
  private static final String NAME_CHAR = "[\\w\\-./]";

  private final List<SourceLine> lines;

  SourceText(String dsl) {
    this.lines = SourceLine.split(dsl);
  }

  /** The line declaring {@code type}, or -1. */
  int typeLine(String type) {
    Pattern pattern = Pattern.compile("type\\s+" + Pattern.quote(type));
    return find(0, content -> pattern.matcher(content).matches());
  }

  /** The line defining {@code relation}, searched from the declaration of {@code type}; or -1. */
  int relationLine(String type, String relation) {
    Pattern pattern = Pattern.compile("define\\s+" + Pattern.quote(relation) + "\\s*:.*");
    return find(Math.max(typeLine(type), 0), content -> pattern.matcher(content).matches());
  }

  /** The line declaring condition {@code name}, or -1. */
  int conditionLine(String name) {
    Pattern pattern = Pattern.compile("condition\\s+" + Pattern.quote(name) + "\\s*\\(.*");
    return find(0, content -> pattern.matcher(content).matches());
  }

  /** The line declaring schema {@code version}, or -1. */
  int schemaLine(String version) {
    Pattern pattern = Pattern.compile("schema\\s+" + Pattern.quote(version));
    return find(0, content -> pattern.matcher(content).matches());
  }

  /** Every {@code type} declaration, in source order, duplicates included. */
  List<Declaration> typeDeclarations() {
    List<Declaration> types = new ArrayList<>();
    for (SourceLine line : lines) {
      Matcher type = TYPE.matcher(line.content());
      if (type.matches()) {
        types.add(new Declaration(type.group(1), line.number()));
      }
    }
    return types;
  }

  /**
   * Every {@code define} that repeats a relation name already defined in the same {@code type}
   * block, in source order. The declaration's name is the relation; {@code type} the block's type.
   */
  List<RelationDeclaration> repeatedRelations() {
    List<RelationDeclaration> repeated = new ArrayList<>();
    String type = null;
    Set<String> defined = new HashSet<>();
    for (SourceLine line : lines) {
      Matcher head = TYPE.matcher(line.content());
      if (head.matches() || BLOCK_START.matcher(line.content()).matches()) {
        type = head.matches() ? head.group(1) : null;
        defined.clear();
        continue;
      }
      Matcher define = DEFINE.matcher(line.content());
      if (type != null && define.matches() && !defined.add(define.group(1))) {
        repeated.add(new RelationDeclaration(type, define.group(1), line.number()));
      }
    }
    return repeated;
  }

  /** Every {@code condition} that repeats the name of an earlier one, in source order. */
  List<Declaration> repeatedConditions() {
    List<Declaration> repeated = new ArrayList<>();
    Set<String> defined = new HashSet<>();
    for (SourceLine line : lines) {
      Matcher condition = CONDITION.matcher(line.content());
      if (condition.lookingAt() && !defined.add(condition.group(1))) {
        repeated.add(new Declaration(condition.group(1), line.number()));
      }
    }
    return repeated;
  }

  /** The raw text of a 0-based line. */
  String raw(int line) {
    return lines.get(line).raw();
  }

  /**
   * Where {@code symbol} stands in {@code line}: its first occurrence as a whole word after the
   * anchor. Like upstream, column 0 when the symbol cannot be found in the line.
   */
  Span span(int line, String symbol, Anchor anchor) {
    String raw = raw(line);
    if (symbol.isEmpty()) {
      return new Span(0, 0);
    }
    Matcher matcher;
    if (anchor == Anchor.TUPLESET) {
      matcher =
          Pattern.compile("(?<!" + NAME_CHAR + ")from\\s+(" + word(symbol) + ")").matcher(raw);
      if (matcher.find()) {
        return new Span(matcher.start(1), matcher.end(1));
      }
      anchor = Anchor.DEFINITION;
    }
    matcher = Pattern.compile(word(symbol)).matcher(raw);
    if (matcher.find(Math.min(anchorColumn(raw, anchor), raw.length()))) {
      return new Span(matcher.start(), matcher.end());
    }
    return new Span(0, symbol.length());
  }

  private static int anchorColumn(String raw, Anchor anchor) {
    return switch (anchor) {
      case LINE, TUPLESET -> 0;
      case TYPE_NAME -> after(raw, "type", 0);
      case RELATION_NAME -> after(raw, "define", 0);
      case DEFINITION -> after(raw, ":", after(raw, "define", 0));
      case RESTRICTIONS -> after(raw, "[", after(raw, "define", 0));
      case CONDITION_NAME -> after(raw, "condition", 0);
      case SCHEMA_VERSION -> after(raw, "schema", 0);
    };
  }

  /** The column just after the first {@code keyword} at or after {@code from}; else 0. */
  private static int after(String raw, String keyword, int from) {
    int at = raw.indexOf(keyword, from);
    return at < 0 ? 0 : at + keyword.length();
  }

  /**
   * A pattern for {@code symbol} as a whole word: not inside a longer name, with any run of
   * whitespace where the symbol has a space ({@code viewer from parent}).
   */
  private static String word(String symbol) {
    StringBuilder regex = new StringBuilder();
    if (isNameChar(symbol.charAt(0))) {
      regex.append("(?<!").append(NAME_CHAR).append(')');
    }
    String[] parts = symbol.split(" ", -1);
    for (int i = 0; i < parts.length; i++) {
      regex.append(i == 0 ? "" : "\\s+").append(Pattern.quote(parts[i]));
    }
    if (isNameChar(symbol.charAt(symbol.length() - 1))) {
      regex.append("(?!").append(NAME_CHAR).append(')');
    }
    return regex.toString();
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "_-./".indexOf(c) >= 0;
  }

  private int find(int from, Predicate<String> content) {
    for (int i = from; i < lines.size(); i++) {
      if (content.test(lines.get(i).content())) {
        return i;
      }
    }
    return -1;
  }
}
