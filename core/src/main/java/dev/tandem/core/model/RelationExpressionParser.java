package dev.tandem.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Recursive-descent parser for the right-hand side of a {@code define} line.
 *
 * <p>Grammar, following OpenFGA's: a definition starts with a type restriction {@code [...]}, a
 * rewrite ({@code rel} or {@code rel from tupleset}) or a parenthesised definition, optionally
 * followed by operands joined by one operator kind only ({@code or}..., {@code and}..., or a single
 * {@code but not}). Operands are rewrites or parenthesised definitions without type restrictions.
 * Operators need whitespace on both sides.
 */
final class RelationExpressionParser {

  /** The parsed rewrite and the type restriction of its direct part, if any. */
  record Result(Rewrite rewrite, List<RelationReference> directlyRelatedUserTypes) {}

  /** A syntax error at a 0-based column of the expression. */
  static final class SyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int column;
    private final String symbol;

    SyntaxError(String message, int column, String symbol) {
      super(message);
      this.column = column;
      this.symbol = symbol;
    }

    int column() {
      return column;
    }

    String symbol() {
      return symbol;
    }
  }

  private enum Kind {
    LBRACKET,
    RBRACKET,
    COMMA,
    LPAREN,
    RPAREN,
    HASH,
    COLON,
    STAR,
    NAME,
    OR,
    AND,
    BUT_NOT,
    FROM,
    WITH,
    END
  }

  private record Token(Kind kind, String text, int column, boolean spaceBefore) {}

  private static final Pattern NAME = Pattern.compile(DslParser.NAME);

  private final List<Token> tokens;
  private final List<RelationReference> direct = new ArrayList<>();
  private int position;

  private RelationExpressionParser(String expression) {
    this.tokens = tokenize(expression);
  }

  static Result parse(String expression) {
    RelationExpressionParser parser = new RelationExpressionParser(expression);
    Rewrite rewrite = parser.definition(true);
    parser.expect(Kind.END, "end of definition");
    return new Result(rewrite, parser.direct);
  }

  private Rewrite definition(boolean allowDirect) {
    Rewrite first;
    Token token = peek();
    if (token.kind() == Kind.LBRACKET && allowDirect) {
      first = restrictions();
    } else if (token.kind() == Kind.LPAREN) {
      first = group(allowDirect);
    } else {
      first = rewrite();
    }
    Kind operator = peek().kind();
    if (operator != Kind.OR && operator != Kind.AND && operator != Kind.BUT_NOT) {
      return first;
    }
    List<Rewrite> operands = new ArrayList<>(List.of(first));
    while (peek().kind() == operator) {
      Token op = next();
      if (!op.spaceBefore() || !peek().spaceBefore()) {
        throw error("'" + op.text() + "' must have whitespace on both sides", op);
      }
      operands.add(peek().kind() == Kind.LPAREN ? group(false) : rewrite());
      if (operator == Kind.BUT_NOT) {
        break;
      }
    }
    Kind after = peek().kind();
    if (after == Kind.OR || after == Kind.AND || after == Kind.BUT_NOT) {
      throw error("operators cannot be mixed without parentheses", peek());
    }
    return switch (operator) {
      case OR -> new Rewrite.Union(operands);
      case AND -> new Rewrite.Intersection(operands);
      default -> new Rewrite.Difference(operands.get(0), operands.get(1));
    };
  }

  private Rewrite group(boolean allowDirect) {
    expect(Kind.LPAREN, "'('");
    Rewrite inner = definition(allowDirect);
    expect(Kind.RPAREN, "')'");
    return inner;
  }

  private Rewrite rewrite() {
    Token relation = expect(Kind.NAME, "a relation name");
    if (peek().kind() != Kind.FROM) {
      return new Rewrite.ComputedUserset(relation.text());
    }
    Token from = next();
    Token tupleset = expect(Kind.NAME, "a relation name after 'from'");
    if (!from.spaceBefore() || !tupleset.spaceBefore()) {
      throw error("'from' must have whitespace on both sides", from);
    }
    return new Rewrite.TupleToUserset(tupleset.text(), relation.text());
  }

  private Rewrite restrictions() {
    Token open = expect(Kind.LBRACKET, "'['");
    if (!direct.isEmpty()) {
      throw error("a relation can have only one type restriction", open);
    }
    do {
      direct.add(restriction());
    } while (accept(Kind.COMMA));
    expect(Kind.RBRACKET, "',' or ']'");
    return new Rewrite.This();
  }

  private RelationReference restriction() {
    String type = expect(Kind.NAME, "a type").text();
    RelationReference reference = RelationReference.direct(type);
    if (peek().kind() == Kind.COLON && !peek().spaceBefore()) {
      next();
      Token star = expect(Kind.STAR, "'*' after ':'");
      if (star.spaceBefore()) {
        throw error("unexpected whitespace before '*'", star);
      }
      reference = RelationReference.wildcard(type);
    } else if (peek().kind() == Kind.HASH && !peek().spaceBefore()) {
      next();
      Token relation = expect(Kind.NAME, "a relation after '#'");
      if (relation.spaceBefore()) {
        throw error("unexpected whitespace after '#'", relation);
      }
      reference = RelationReference.userset(type, relation.text());
    }
    if (peek().kind() == Kind.WITH) {
      Token with = next();
      Token condition = expect(Kind.NAME, "a condition name after 'with'");
      if (!with.spaceBefore() || !condition.spaceBefore()) {
        throw error("'with' must have whitespace on both sides", with);
      }
      reference = reference.withCondition(condition.text());
    }
    return reference;
  }

  private Token peek() {
    return tokens.get(position);
  }

  private Token next() {
    Token token = tokens.get(position);
    if (token.kind() != Kind.END) {
      position++;
    }
    return token;
  }

  private boolean accept(Kind kind) {
    if (peek().kind() == kind) {
      next();
      return true;
    }
    return false;
  }

  private Token expect(Kind kind, String what) {
    Token token = peek();
    if (token.kind() != kind) {
      String found = token.kind() == Kind.END ? "end of line" : "'" + token.text() + "'";
      throw error("expected " + what + " but found " + found, token);
    }
    return next();
  }

  private static SyntaxError error(String message, Token at) {
    return new SyntaxError(message, at.column(), at.text());
  }

  private static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int start = i;
      while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      boolean space = i > start || i == 0;
      if (i >= text.length()) {
        break;
      }
      char c = text.charAt(i);
      Kind single = single(c);
      if (single != null) {
        tokens.add(new Token(single, String.valueOf(c), i, space));
        i++;
        continue;
      }
      var matcher = NAME.matcher(text).region(i, text.length());
      if (!matcher.lookingAt()) {
        throw new SyntaxError("unexpected character '" + c + "'", i, String.valueOf(c));
      }
      String word = matcher.group();
      int end = matcher.end();
      Kind kind = keyword(word);
      if (word.equals("but")) {
        var not =
            Pattern.compile("\\s+not(?![A-Za-z0-9_\\-./])")
                .matcher(text)
                .region(end, text.length());
        if (not.lookingAt()) {
          kind = Kind.BUT_NOT;
          word = "but not";
          end = not.end();
        }
      }
      tokens.add(new Token(kind, word, i, space));
      i = end;
    }
    tokens.add(new Token(Kind.END, "", text.length(), true));
    return tokens;
  }

  private static Kind single(char c) {
    return switch (c) {
      case '[' -> Kind.LBRACKET;
      case ']' -> Kind.RBRACKET;
      case ',' -> Kind.COMMA;
      case '(' -> Kind.LPAREN;
      case ')' -> Kind.RPAREN;
      case '#' -> Kind.HASH;
      case ':' -> Kind.COLON;
      case '*' -> Kind.STAR;
      default -> null;
    };
  }

  private static Kind keyword(String word) {
    return switch (word) {
      case "or" -> Kind.OR;
      case "and" -> Kind.AND;
      case "from" -> Kind.FROM;
      case "with" -> Kind.WITH;
      default -> Kind.NAME;
    };
  }
}
