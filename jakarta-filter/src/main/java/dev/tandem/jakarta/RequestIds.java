package dev.tandem.jakarta;

import dev.tandem.core.FgaValidationException;
import dev.tandem.core.authz.Permission;
import dev.tandem.core.tuple.Identifiers;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The permissions a matched route requires of one request, with ids read from the request and
 * checked before any FGA call. Query parameters are read from the query string only, never from a
 * form body, so that reading them consumes nothing the application will read.
 */
final class RequestIds {

  private RequestIds() {}

  /**
   * One permission per requirement, in order; null when an id is missing, repeated, or not made of
   * ASCII letters, digits and {@code _ | @ . + / -} only (answered with 400, nothing echoed).
   */
  static @Nullable List<Permission> permissions(
      List<Requirement> requirements, Map<String, String> variables, HttpServletRequest request) {
    List<Permission> permissions = new ArrayList<>(requirements.size());
    for (Requirement requirement : requirements) {
      String id = id(requirement.id(), variables, request);
      if (id == null || !portable(id) || !Identifiers.isValidObjectId(id)) {
        return null;
      }
      String object = requirement.type() + ":" + id;
      try {
        Identifiers.validateObject(object);
      } catch (FgaValidationException e) {
        return null;
      }
      permissions.add(Permission.of(requirement.relation(), object));
    }
    return permissions;
  }

  /**
   * Whether every character of {@code id} is an ASCII letter or digit or one of {@code _ | @ . + /
   * -}. {@link Identifiers#isValidObjectId} lets any first code point through (a right-to-left
   * override, say) and allows {@code *}; ids from a request get the stricter rule.
   */
  private static boolean portable(String id) {
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean alphanumeric =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alphanumeric && "_|@.+/-".indexOf(c) < 0) {
        return false;
      }
    }
    return !id.isEmpty();
  }

  private static @Nullable String id(
      IdSource source, Map<String, String> variables, HttpServletRequest request) {
    if (source instanceof IdSource.PathVariable variable) {
      return variables.get(variable.name());
    }
    if (source instanceof IdSource.QueryParameter parameter) {
      return queryParameter(request.getQueryString(), parameter.name());
    }
    if (source instanceof IdSource.Header header) {
      List<String> values = Collections.list(request.getHeaders(header.name()));
      return values.size() == 1 ? values.get(0) : null;
    }
    return ((IdSource.Fixed) source).id();
  }

  /**
   * The single value of {@code name} in the query string; null when absent, repeated or malformed.
   */
  static @Nullable String queryParameter(@Nullable String query, String name) {
    if (query == null) {
      return null;
    }
    String found = null;
    for (String pair : query.split("&", -1)) {
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      String decodedKey;
      String decodedValue;
      try {
        decodedKey = URLDecoder.decode(key, StandardCharsets.UTF_8);
        decodedValue = URLDecoder.decode(value, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return null;
      }
      if (decodedKey.equals(name)) {
        if (found != null) {
          return null;
        }
        found = decodedValue;
      }
    }
    return found;
  }
}
