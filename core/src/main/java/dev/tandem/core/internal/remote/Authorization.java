package dev.tandem.core.internal.remote;

import dev.tandem.core.client.Credentials;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** The {@code Authorization} header of requests to the FGA server. */
interface Authorization {

  /**
   * The header value, or null to send none.
   *
   * @param timeout how long the caller can wait for it (a token fetch)
   * @throws dev.tandem.core.FgaUnavailableException when no credential could be had in time
   */
  @Nullable String header(Duration timeout);

  /**
   * The server answered 401: forget any cached credential, so that the next call gets a new one.
   */
  default void rejected() {}

  /** The authorization for {@code credentials}; token fetches go through {@code http}. */
  static Authorization of(
      Credentials credentials, HttpClient http, Duration fetchTimeout, Clock clock) {
    if (credentials instanceof Credentials.ApiToken token) {
      String header = "Bearer " + token.token();
      return timeout -> header;
    }
    if (credentials instanceof Credentials.ClientCredentials client) {
      return new ClientCredentialsTokens(client, http, fetchTimeout, clock);
    }
    return timeout -> null;
  }
}
