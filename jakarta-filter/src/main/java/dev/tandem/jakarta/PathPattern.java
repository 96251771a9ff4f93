package dev.tandem.jakarta;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A route's path: literal segments, {@code {name}} variables (one whole, non-empty segment) and an
 * optional final {@code **} (any number of further segments). Literals match exactly, case
 * included, as servlet mappings do.
 */
final class PathPattern {

  private static final String REST = "**";

  private final String text;
  private final List<String> segments;
  private final List<@Nullable String> variables;

  private PathPattern(String text, List<String> segments, List<@Nullable String> variables) {
    this.text = text;
    this.segments = segments;
    this.variables = variables;
  }

  /**
   * Parses {@code /projects/{projectId}/tickets}.
   *
   * @throws IllegalArgumentException when the pattern is not absolute, has empty, dot or encoded
   *     segments, a malformed or repeated variable, or {@code **} anywhere but at the end
   */
  static PathPattern parse(String text) {
    Objects.requireNonNull(text, "text");
    if (!text.startsWith("/")) {
      throw invalid(text, "it must start with '/'");
    }
    List<String> segments = new ArrayList<>();
    List<@Nullable String> variables = new ArrayList<>();
    String body =
        text.length() > 1 && text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    if (body.equals("/")) {
      return new PathPattern(text, List.of(), List.of());
    }
    String[] parts = body.substring(1).split("/", -1);
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        throw invalid(text, "empty, '.' and '..' segments are not allowed");
      }
      if (part.equals(REST)) {
        if (i != parts.length - 1) {
          throw invalid(text, "'**' may only end a pattern");
        }
      } else if (part.startsWith("{") && part.endsWith("}")) {
        String name = part.substring(1, part.length() - 1);
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
          throw invalid(text, "variable '" + name + "' must be a Java-like identifier");
        }
        if (variables.contains(name)) {
          throw invalid(text, "variable '" + name + "' appears twice");
        }
        variables.add(name);
        segments.add(part);
        continue;
      } else if (part.matches(".*[{}%;\\\\*].*")) {
        throw invalid(text, "segment '" + part + "' may not contain { } % ; \\ or *");
      }
      variables.add(null);
      segments.add(part);
    }
    return new PathPattern(text, List.copyOf(segments), Collections.unmodifiableList(variables));
  }

  private static IllegalArgumentException invalid(String text, String why) {
    return new IllegalArgumentException("path pattern '" + text + "' is invalid: " + why);
  }

  /** Whether {@code name} is a variable of this pattern. */
  boolean hasVariable(String name) {
    return variables.contains(name);
  }

  /**
   * The variables bound by matching {@code path}, or null when it does not match.
   *
   * @param path a normalised, decoded path starting with {@code /}, without a trailing {@code /}
   *     (except for the root)
   */
  @Nullable Map<String, String> match(String path) {
    List<String> parts = path.equals("/") ? List.of() : List.of(path.substring(1).split("/", -1));
    boolean rest = !segments.isEmpty() && segments.get(segments.size() - 1).equals(REST);
    int fixed = rest ? segments.size() - 1 : segments.size();
    if (rest ? parts.size() < fixed : parts.size() != fixed) {
      return null;
    }
    Map<String, String> bound = new LinkedHashMap<>();
    for (int i = 0; i < fixed; i++) {
      String variable = variables.get(i);
      String part = parts.get(i);
      if (variable != null) {
        if (part.isEmpty()) {
          return null;
        }
        bound.put(variable, part);
      } else if (!segments.get(i).equals(part)) {
        return null;
      }
    }
    return bound;
  }

  /**
   * The shape of this pattern, variables unnamed: two patterns of one shape match the same paths.
   */
  String shape() {
    StringBuilder shape = new StringBuilder();
    for (int i = 0; i < segments.size(); i++) {
      shape.append('/').append(variables.get(i) != null ? "{}" : segments.get(i));
    }
    return shape.length() == 0 ? "/" : shape.toString();
  }

  /**
   * Orders patterns that match one path, most specific first: segment by segment from the left, a
   * literal before a variable before {@code **}; a pattern that ends where the other has {@code **}
   * goes first.
   */
  static int bySpecificity(PathPattern a, PathPattern b) {
    int n = Math.max(a.segments.size(), b.segments.size());
    for (int i = 0; i < n; i++) {
      int c = Integer.compare(a.rank(i), b.rank(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private int rank(int i) {
    if (i >= segments.size()) {
      return -1;
    }
    if (segments.get(i).equals(REST)) {
      return 2;
    }
    return variables.get(i) != null ? 1 : 0;
  }

  @Override
  public String toString() {
    return text;
  }
}
