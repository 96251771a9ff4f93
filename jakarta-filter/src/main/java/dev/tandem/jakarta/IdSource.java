package dev.tandem.jakarta;

import java.util.Objects;

/**
 * Where the id of a required object comes from: a path variable ({@code {projectId}}), a query
 * parameter ({@code {query:projectId}}), a header ({@code {header:X-Project}}) or a fixed id.
 */
public sealed interface IdSource {

  /** A variable of the route's path pattern, as decoded by the container. */
  record PathVariable(String name) implements IdSource {
    public PathVariable {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
      return "{" + name + "}";
    }
  }

  /** A query parameter, which must be present exactly once. */
  record QueryParameter(String name) implements IdSource {
    public QueryParameter {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
      return "{query:" + name + "}";
    }
  }

  /** A request header, which must be present exactly once. */
  record Header(String name) implements IdSource {
    public Header {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
      return "{header:" + name + "}";
    }
  }

  /** A fixed id, e.g. {@code acme} in {@code organization:acme}. */
  record Fixed(String id) implements IdSource {
    public Fixed {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public String toString() {
      return id;
    }
  }

  /**
   * Parses the id part of an object template: {@code {name}}, {@code {query:name}}, {@code
   * {header:name}} or a fixed id.
   */
  static IdSource parse(String text) {
    if (!text.startsWith("{") || !text.endsWith("}")) {
      if (text.contains("{") || text.contains("}")) {
        throw new IllegalArgumentException("id '" + text + "' is neither fixed nor one {source}");
      }
      return new Fixed(text);
    }
    String inner = text.substring(1, text.length() - 1);
    int colon = inner.indexOf(':');
    if (colon < 0) {
      return new PathVariable(requireName(inner, text));
    }
    String kind = inner.substring(0, colon);
    String name = requireName(inner.substring(colon + 1), text);
    if (kind.equals("query")) {
      return new QueryParameter(name);
    }
    if (kind.equals("header")) {
      return new Header(name);
    }
    throw new IllegalArgumentException(
        "id source '" + text + "' is unknown: use {name}, {query:name} or {header:name}");
  }

  private static String requireName(String name, String text) {
    if (!name.matches("[A-Za-z0-9_.\\-]+")) {
      throw new IllegalArgumentException("id source '" + text + "' has an invalid name");
    }
    return name;
  }
}
