package dev.tandem.jakarta;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
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

/** A real Jetty 12 (ee10) {@link TestContainer}. */
final class JettyServer implements TestContainer {

  private final AtomicInteger handled = new AtomicInteger();
  private final Server server;

  JettyServer(Filter filter) throws Exception {
    this(filter, false);
  }

  /** A server; a lenient one has {@link UriCompliance#UNSAFE} and decodes ambiguous URIs. */
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
    context.addServlet(new ServletHolder(new EchoServlet(handled)), "/*");
    if (lenient) {
      context.getServletHandler().setDecodeAmbiguousURIs(true);
    }
    server.setHandler(context);
    server.start();
  }

  @Override
  public AtomicInteger handled() {
    return handled;
  }

  @Override
  public int port() {
    return server.getURI().getPort();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
