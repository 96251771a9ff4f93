package dev.tandem.jakarta;

import dev.tandem.core.actor.Actor;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The handler behind the filter: answers 200 with the path it was dispatched and the actor it was
 * given, and counts the requests that reach it.
 */
final class EchoServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private final transient AtomicInteger handled;

  EchoServlet(AtomicInteger handled) {
    this.handled = handled;
  }

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
