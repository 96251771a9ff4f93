package dev.tandem.jakarta;

import dev.tandem.core.actor.Actor;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A real Jetty 12 (ee10) server on a free loopback port: context {@code /app}, the filter on {@code
 * /*}, and a tiny servlet on {@code /*} that answers 200 with the path it was dispatched and the
 * actor it was given, counting the requests that reach it.
 */
final class JettyServer implements AutoCloseable {

  static final String CONTEXT = "/app";

  final AtomicInteger handled = new AtomicInteger();
  private final Server server;
  private final HttpClient http = HttpClient.newHttpClient();

  JettyServer(Filter filter) throws Exception {
    this(filter, false);
  }

  /**
   * A server; a lenient one lets through the ambiguous URIs Jetty refuses by default (encoded
   * slashes, dot segments, empty segments, path parameters), so that the filter meets them itself,
   * as it would on a container configured that way.
   */
  JettyServer(Filter filter, boolean lenient) throws Exception {
    server = new Server();
    HttpConfiguration config = new HttpConfiguration();
    if (lenient) {
      config.setUriCompliance(UriCompliance.UNSAFE);
    }
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config));
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler(CONTEXT);
    context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(new ServletHolder(new Handler()), "/*");
    if (lenient) {
      context.getServletHandler().setDecodeAmbiguousURIs(true);
    }
    server.setHandler(context);
    server.start();
  }

  /** The base URI, with the context path. */
  URI base() {
    return URI.create("http://127.0.0.1:" + server.getURI().getPort() + CONTEXT);
  }

  /** Sends {@code method rawPath} (appended to the context path as is), with optional headers. */
  HttpResponse<String> send(String method, String rawPath, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base() + rawPath))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> get(String rawPath, String... headers)
      throws IOException, InterruptedException {
    return send("GET", rawPath, headers);
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  private final class Handler extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      handled.incrementAndGet();
      Object actor = request.getAttribute(TandemFilter.ACTOR_ATTRIBUTE);
      response.setStatus(200);
      response.setContentType("text/plain");
      response
          .getWriter()
          .write(
              "handled "
                  + request.getMethod()
                  + " "
                  + request.getPathInfo()
                  + " as "
                  + (actor instanceof Actor a ? a.principalId() : "nobody"));
    }
  }
}
