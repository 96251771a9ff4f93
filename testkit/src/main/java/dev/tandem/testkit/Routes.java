package dev.tandem.testkit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** Matches a request line to an {@link OpenFgaEndpoint} and its path parameters. */
final class Routes {

  /**
   * A matched request.
   *
   * @param storeId the {@code store_id} path parameter, or null for the store-less endpoints
   * @param modelId the {@code id} path parameter of ReadAuthorizationModel, or null
   */
  record Match(OpenFgaEndpoint endpoint, @Nullable String storeId, @Nullable String modelId) {}

  private Routes() {}

  /**
   * The endpoint for this method and path.
   *
   * @throws ApiError 404 {@code undefined_endpoint} for a path the API does not define, 405 for a
   *     defined path with another method
   */
  static Match match(String method, String path) {
    List<String> segments = segments(path);
    TreeSet<String> allowed = new TreeSet<>();
    for (OpenFgaEndpoint endpoint : OpenFgaEndpoint.values()) {
      Map<String, String> parameters = parameters(endpoint.segments(), segments);
      if (parameters == null) {
        continue;
      }
      if (endpoint.method().equals(method)) {
        return new Match(endpoint, parameters.get("{store_id}"), parameters.get("{id}"));
      }
      allowed.add(endpoint.method());
    }
    if (allowed.isEmpty()) {
      throw ApiError.undefinedEndpoint(method + " " + path + " is not an endpoint of this server");
    }
    throw ApiError.methodNotAllowed(
        method + " is not allowed on " + path, String.join(", ", allowed));
  }

  private static List<String> segments(String path) {
    List<String> segments = new ArrayList<>(List.of(path.split("/", -1)));
    // "/stores" splits to ["", "stores"]: drop the empty segment before the leading slash.
    if (!segments.isEmpty() && segments.get(0).isEmpty()) {
      segments.remove(0);
    }
    return segments;
  }

  /** The template's parameters bound to the path's segments, or null when they do not match. */
  private static @Nullable Map<String, String> parameters(
      List<String> template, List<String> segments) {
    if (template.size() != segments.size()) {
      return null;
    }
    Map<String, String> parameters = new HashMap<>();
    for (int i = 0; i < template.size(); i++) {
      String expected = template.get(i);
      String actual = segments.get(i);
      if (expected.startsWith("{")) {
        if (actual.isEmpty()) {
          return null;
        }
        parameters.put(expected, actual);
      } else if (!expected.equals(actual)) {
        return null;
      }
    }
    return parameters;
  }
}
