package dev.tandem.jakarta;

import static dev.tandem.jakarta.Tokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.tandem.core.testing.Checkout;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;

/** The documented example, registered by its listener in a real Jetty, answers as documented. */
class ExampleTest {

  @Test
  void documentedFilterWhenRegisteredByTheListenerThenEnforcesItsRules() throws Exception {
    Tokens tokens = new Tokens();
    HttpServer jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] keys = tokens.publicKeys().toString().getBytes(StandardCharsets.UTF_8);
    jwks.createContext(
        "/jwks",
        exchange -> {
          exchange.sendResponseHeaders(200, keys.length);
          exchange.getResponseBody().write(keys);
          exchange.close();
        });
    jwks.start();
    Server server = new Server(new InetSocketAddress("127.0.0.1", 0));
    try {
      TandemFilter filter =
          Example.tandemFilter(
              Checkout.read("docs/models/project-management.fga"),
              URI.create("http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks"),
              Tokens.ISSUER);
      ServletContextHandler context = new ServletContextHandler("/");
      context.addEventListener(new Example.TandemSetup(filter));
      context.addServlet(
          new ServletHolder(
              new HttpServlet() {
                @Override
                protected void service(HttpServletRequest request, HttpServletResponse response)
                    throws IOException {
                  response.getWriter().write("ok");
                }
              }),
          "/*");
      server.setHandler(context);
      server.start();
      String base = "http://127.0.0.1:" + server.getURI().getPort();
      String alice = bearer(tokens.sign(tokens.user("alice")));

      assertThat(status(base + "/health", null)).isEqualTo(200);
      assertThat(status(base + "/me", null)).isEqualTo(401);
      assertThat(status(base + "/me", alice)).isEqualTo(200);
      // the model alone grants alice nothing on apollo
      assertThat(status(base + "/projects/apollo", alice)).isEqualTo(403);
      assertThat(status(base + "/admin", alice)).isEqualTo(403);
      assertThat(status(base + "/projects/apollo%23member", alice)).isEqualTo(400);
    } finally {
      server.stop();
      jwks.stop(0);
    }
  }

  private static int status(String uri, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HttpClient.newHttpClient()
        .send(request.build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
