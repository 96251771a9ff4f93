package dev.tandem.jakarta;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The path a route is matched against: the container's own view of the request, {@code servletPath
 * + pathInfo} (decoded and normalised, relative to the context path), which is what servlet
 * dispatch used to choose the handler.
 *
 * <p>Forms that different components may read differently are refused rather than interpreted: a
 * raw request URI (context path included) with path parameters ({@code ;jsessionid=...}), empty
 * segments ({@code //}), dot segments ({@code /./}, {@code /../}), a backslash, or an encoded
 * slash, backslash, dot, percent sign, semicolon or control character; and a container path that is
 * not exactly the decoded raw path. One trailing {@code /} is dropped, so {@code /a/} is matched as
 * {@code /a}.
 */
final class RequestPaths {

  private RequestPaths() {}

  /** The path to match, or null when the request's path is ambiguous (answered with 400). */
  static @Nullable String of(HttpServletRequest request) {
    String raw = request.getRequestURI();
    String context = request.getContextPath();
    // The whole URI, not only the part after the context: Tomcat's context path is the raw prefix
    // that mapped to the context, such as /x/../app, /app;v=1 or //app.
    if (raw == null || context == null || ambiguous(raw) || !raw.startsWith(context)) {
      return null;
    }
    String rawPath = raw.substring(context.length());
    if (rawPath.isEmpty()) {
      rawPath = "/";
    }
    if (!rawPath.startsWith("/")) {
      return null;
    }
    String decoded = decode(rawPath);
    String servletPath = request.getServletPath();
    String pathInfo = request.getPathInfo();
    String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
    if (path.isEmpty()) {
      path = "/";
    }
    if (decoded == null || !decoded.equals(path) || hasControl(path)) {
      return null;
    }
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private static boolean ambiguous(String rawPath) {
    if (!rawPath.startsWith("/")
        || rawPath.contains(";")
        || rawPath.contains("\\")
        || rawPath.contains("//")) {
      return true;
    }
    String lower = rawPath.toLowerCase(Locale.ROOT);
    for (String encoded : new String[] {"%2f", "%5c", "%2e", "%25", "%3b"}) {
      if (lower.contains(encoded)) {
        return true;
      }
    }
    for (String segment : rawPath.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable String decode(String rawPath) {
    try {
      return new URI("http://h" + rawPath).getPath();
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static boolean hasControl(String path) {
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return true;
      }
    }
    return false;
  }
}
