package dev.tandem.core.internal.remote;

import java.io.IOException;

/**
 * A connection that may have been a pooled keep-alive one closed before any byte of the answer
 * arrived: typically the server closed it as idle just as the request was sent on it. The server
 * may or may not have received the request, so only a request that cannot be applied twice may be
 * resent.
 */
final class NoAnswerException extends IOException {

  private static final long serialVersionUID = 1L;

  NoAnswerException(IOException cause) {
    super("the connection closed before any byte of the answer arrived", cause);
  }

  /**
   * Whether {@code failure} means the connection reached end of stream before the first byte of the
   * response headers: the JDK client reports it as "HTTP/1.1 header parser received no bytes" over
   * an {@link java.io.EOFException}. An end of stream after some of the answer is not this.
   */
  static boolean matches(IOException failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = t.getMessage();
      if (message != null && message.contains("header parser received no bytes")) {
        return true;
      }
    }
    return false;
  }
}
