package dev.tandem.core.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the OpenFGA DSL (schema 1.1) into an {@link AuthorizationModel}, checking syntax only.
 *
 * <p>The DSL is line oriented: a {@code model} header, {@code schema} line, then {@code type}
 * blocks with {@code define} lines, then {@code condition} blocks. Indentation is free; {@code #}
 * starts a comment at the beginning of a line or after whitespace. Relation expressions are parsed
 * by {@link RelationExpressionParser}. Duplicated names are reported by the semantic validator,
 * which reads the source text, so this parser keeps the first definition of a name.
 */
final class DslParser {

  static final String NAME = "[A-Za-z_][A-Za-z0-9_\\-]*(?:[./][A-Za-z0-9_][A-Za-z0-9_\\-]*)*";
  private static final Pattern SCHEMA = Pattern.compile("schema\\s+(\\S+)");
  private static final Pattern TYPE = Pattern.compile("type\\s+(\\S+)");
  private static final Pattern DEFINE = Pattern.compile("define\\s+(\\S+?)\\s*:\\s*(.*)");
  private static final Pattern CONDITION_HEAD =
      Pattern.compile("condition\\s+(" + NAME + ")\\s*\\(", Pattern.DOTALL);
  private static final Pattern PARAMETER =
      Pattern.compile("\\s*(" + NAME + ")\\s*:\\s*([a-z]+)(?:\\s*<\\s*([a-z]+)\\s*>)?\\s*");

  private final List<SourceLine> lines;
  private final List<ModelProblem> problems = new ArrayList<>();
  private int cursor;

  private DslParser(String dsl) {
    this.lines = SourceLine.split(dsl);
  }

  /**
   * Parses {@code dsl} without semantic validation.
   *
   * @throws InvalidModelException listing the syntax errors
   */
  static AuthorizationModel parse(String dsl) {
    DslParser parser = new DslParser(dsl);
    AuthorizationModel model = parser.parseModel();
    if (!parser.problems.isEmpty()) {
      throw new InvalidModelException(parser.problems);
    }
    return model;
  }

  private AuthorizationModel parseModel() {
    String schema = parseHeader();
    Map<String, TypeDefinition> types = new LinkedHashMap<>();
    Map<String, ConditionDefinition> conditions = new LinkedHashMap<>();
    while (problems.isEmpty() && skipBlank()) {
      SourceLine line = lines.get(cursor);
      String text = line.content();
      if (text.startsWith("type ") || text.equals("type")) {
        if (!conditions.isEmpty()) {
          error(line, "type definitions must come before conditions", text);
          break;
        }
        TypeDefinition type = parseType();
        if (type != null) {
          types.putIfAbsent(type.name(), type);
        }
      } else if (text.startsWith("condition")) {
        ConditionDefinition condition = parseCondition();
        if (condition != null) {
          conditions.putIfAbsent(condition.name(), condition);
        }
      } else {
        error(line, "expected 'type' or 'condition' but found '" + firstWord(text) + "'", text);
      }
    }
    return new AuthorizationModel("", schema, types, conditions);
  }

  private String parseHeader() {
    if (!skipBlank() || !lines.get(cursor).content().equals("model")) {
      SourceLine line = cursor < lines.size() ? lines.get(cursor) : SourceLine.END;
      error(line, "the model must start with 'model'", line.content());
      return "";
    }
    cursor++;
    if (!skipBlank()) {
      error(SourceLine.END, "'schema' is required after 'model'", "");
      return "";
    }
    SourceLine line = lines.get(cursor);
    Matcher schema = SCHEMA.matcher(line.content());
    if (!schema.matches() || !schema.group(1).matches("\\d+\\.\\d+")) {
      error(line, "expected 'schema <version>' such as 'schema 1.1'", line.content());
      return "";
    }
    cursor++;
    return schema.group(1);
  }

  private TypeDefinition parseType() {
    SourceLine head = lines.get(cursor++);
    Matcher type = TYPE.matcher(head.content());
    if (!type.matches() || !type.group(1).matches(NAME)) {
      error(head, "invalid type declaration '" + head.content() + "'", head.content());
      return null;
    }
    String name = type.group(1);
    Map<String, RelationDefinition> relations = new LinkedHashMap<>();
    if (skipBlank() && lines.get(cursor).content().equals("relations")) {
      cursor++;
      int defined = 0;
      while (problems.isEmpty() && skipBlank() && isDefine(lines.get(cursor).content())) {
        RelationDefinition relation = parseDefine();
        defined++;
        if (relation != null) {
          relations.putIfAbsent(relation.name(), relation);
        }
      }
      if (defined == 0 && problems.isEmpty()) {
        SourceLine at = cursor < lines.size() ? lines.get(cursor) : SourceLine.END;
        error(at, "'relations' must be followed by at least one 'define'", at.content());
      }
    } else if (skipBlank() && isDefine(lines.get(cursor).content())) {
      SourceLine at = lines.get(cursor);
      error(at, "'define' must follow a 'relations' line in type '" + name + "'", "define");
    }
    return new TypeDefinition(name, relations);
  }

  private static boolean isDefine(String text) {
    return text.startsWith("define ") || text.equals("define") || text.startsWith("define:");
  }

  private RelationDefinition parseDefine() {
    SourceLine line = lines.get(cursor++);
    String text = line.content();
    // A type restriction list may span lines: join until its brackets balance.
    while (depth(text) > 0 && cursor < lines.size()) {
      text = text + " " + lines.get(cursor++).content();
    }
    Matcher define = DEFINE.matcher(text);
    if (!define.matches() || !define.group(1).matches(NAME)) {
      error(line, "invalid relation definition '" + text + "'", text);
      return null;
    }
    String name = define.group(1);
    int offset = line.indent() + define.start(2);
    try {
      RelationExpressionParser.Result result = RelationExpressionParser.parse(define.group(2));
      return new RelationDefinition(name, result.rewrite(), result.directlyRelatedUserTypes());
    } catch (RelationExpressionParser.SyntaxError e) {
      problems.add(
          new ModelProblem(
              e.getMessage() + " in relation '" + name + "'",
              line.number(),
              offset + e.column(),
              offset + e.column() + e.symbol().length(),
              null,
              e.symbol()));
      return null;
    }
  }

  private static int depth(String text) {
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
      }
    }
    return depth;
  }

  private ConditionDefinition parseCondition() {
    SourceLine head = lines.get(cursor);
    ConditionText block = ConditionText.read(lines, cursor);
    if (block == null) {
      error(head, "unterminated condition: expected '{ expression }'", head.content());
      cursor = lines.size();
      return null;
    }
    cursor = block.nextLine();
    Matcher matcher = CONDITION_HEAD.matcher(block.signature());
    if (!matcher.lookingAt() || !block.signature().endsWith(")")) {
      error(head, "invalid condition declaration '" + head.content() + "'", head.content());
      return null;
    }
    String name = matcher.group(1);
    String params = block.signature().substring(matcher.end(), block.signature().length() - 1);
    Map<String, ConditionParameterType> parameters = new LinkedHashMap<>();
    for (String param : params.split(",", -1)) {
      Matcher p = PARAMETER.matcher(param);
      ConditionParameterType type = p.matches() ? parameterType(p.group(2), p.group(3)) : null;
      if (type == null) {
        error(head, "invalid parameter '" + param.trim() + "' in condition '" + name + "'", name);
        return null;
      }
      if (parameters.putIfAbsent(p.group(1), type) != null) {
        error(head, "parameter '" + p.group(1) + "' is declared twice in '" + name + "'", name);
        return null;
      }
    }
    if (block.expression().isBlank()) {
      error(head, "condition '" + name + "' has an empty expression", name);
      return null;
    }
    return new ConditionDefinition(name, block.expression(), parameters);
  }

  private static ConditionParameterType parameterType(String base, String generic) {
    ConditionParameterType.TypeName name = typeName(base);
    if (name == null) {
      return null;
    }
    boolean container =
        name == ConditionParameterType.TypeName.LIST || name == ConditionParameterType.TypeName.MAP;
    if (!container) {
      return generic == null ? ConditionParameterType.of(name) : null;
    }
    ConditionParameterType.TypeName element = generic == null ? null : typeName(generic);
    if (element == null
        || element == ConditionParameterType.TypeName.LIST
        || element == ConditionParameterType.TypeName.MAP) {
      return null;
    }
    return new ConditionParameterType(name, List.of(ConditionParameterType.of(element)));
  }

  private static ConditionParameterType.TypeName typeName(String dslName) {
    for (ConditionParameterType.TypeName name : ConditionParameterType.TypeName.values()) {
      if (name.dslName().equals(dslName)) {
        return name;
      }
    }
    return null;
  }

  /** Moves the cursor to the next line with content; false at the end of input. */
  private boolean skipBlank() {
    while (cursor < lines.size() && lines.get(cursor).content().isEmpty()) {
      cursor++;
    }
    return cursor < lines.size();
  }

  private void error(SourceLine line, String message, String symbol) {
    problems.add(
        new ModelProblem(
            message, line.number(), line.indent(), line.indent() + symbol.length(), null, symbol));
  }

  private static String firstWord(String text) {
    int space = text.indexOf(' ');
    return space < 0 ? text : text.substring(0, space);
  }
}
