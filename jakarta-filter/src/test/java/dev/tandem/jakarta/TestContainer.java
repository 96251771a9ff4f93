package dev.tandem.jakarta;

import jakarta.servlet.Filter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real servlet container on a free loopback port: context {@value #CONTEXT}, the filter on {@code
 * /*} for {@code REQUEST} dispatch, and an {@link EchoServlet} on {@code /*} behind it. The HTTP
 * tests run once per {@link Kind}.
 */
interface TestContainer extends AutoCloseable {

  String CONTEXT = "/app";

  /** The containers the filter is proven on. */
  enum Kind {
    JETTY,
    TOMCAT;

    /** A container as it ships. */
    TestContainer start(Filter filter) throws Exception {
      return start(filter, false);
    }

    /**
     * A container; a lenient one is configured to let through the ambiguous URIs it refuses by
     * default (encoded slashes, backslashes, dot and empty segments, path parameters), so that the
     * filter meets them itself.
     */
    TestContainer start(Filter filter, boolean lenient) throws Exception {
      return switch (this) {
        case JETTY -> new JettyServer(filter, lenient);
        case TOMCAT -> new TomcatServer(filter, lenient);
      };
    }
  }

  /** The requests that reached the servlet behind the filter. */
  AtomicInteger handled();

  /** The local port. */
  int port();

  /** The base URI, with the context path. */
  default URI base() {
    return URI.create("http://127.0.0.1:" + port() + CONTEXT);
  }

  /**
   * Sends {@code method rawPath} (appended to the context path as is: the JDK client sends the raw
   * path without normalising it), with optional headers.
   */
  default HttpResponse<String> send(String method, String rawPath, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base() + rawPath))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (headers.length > 0) {
      request.headers(headers);
    }
    return Http.CLIENT.send(
        request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  default HttpResponse<String> get(String rawPath, String... headers)
      throws IOException, InterruptedException {
    return send("GET", rawPath, headers);
  }

  /**
   * Writes {@code GET requestTarget HTTP/1.1} on a socket, byte for byte (for targets no URI can
   * hold, such as a backslash), and returns the status code of the answer.
   */
  default int getRaw(String requestTarget, String... headers) throws IOException {
    StringBuilder request = new StringBuilder("GET " + requestTarget + " HTTP/1.1\r\n");
    request.append("Host: 127.0.0.1:").append(port()).append("\r\n");
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
    }
    request.append("Connection: close\r\n\r\n");
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      String statusLine = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
      if (!statusLine.startsWith("HTTP/1.1 ")) {
        throw new IOException("not an HTTP/1.1 answer: " + statusLine);
      }
      return Integer.parseInt(statusLine.substring(9, 12));
    }
  }

  /** The client shared by every container. */
  final class Http {
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Http() {}
  }
}
