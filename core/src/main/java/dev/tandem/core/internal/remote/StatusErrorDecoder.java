package dev.tandem.core.internal.remote;

import dev.tandem.core.internal.http.ErrorJson;
import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Turns every non-2xx answer into an {@link HttpStatusException} with the OpenFGA error body. */
final class StatusErrorDecoder implements ErrorDecoder {

  /** Error bodies are short; a longer one is cut (and then fails to parse, leaving no code). */
  private static final int MAX_ERROR_BODY = 16 * 1024;

  private final Clock clock;

  StatusErrorDecoder(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    return new HttpStatusException(
        response.status(),
        RetryAfter.parse(header(response.headers(), "Retry-After"), clock.instant()),
        ErrorJson.read(body(response)));
  }

  private static String body(Response response) {
    if (response.body() == null) {
      return "";
    }
    try (InputStream in = response.body().asInputStream()) {
      return new String(in.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static @Nullable String header(Map<String, Collection<String>> headers, String name) {
    for (Map.Entry<String, Collection<String>> entry : headers.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
        return entry.getValue().iterator().next();
      }
    }
    return null;
  }
}
