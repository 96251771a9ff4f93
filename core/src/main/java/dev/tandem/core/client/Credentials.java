package dev.tandem.core.client;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** How a remote client authenticates to the FGA server. */
public sealed interface Credentials {

  /** No authentication (a local OpenFGA, the testkit server). */
  static Credentials none() {
    return None.INSTANCE;
  }

  /** A static bearer token, OpenFGA's pre-shared key authentication. */
  static Credentials apiToken(String token) {
    return new ApiToken(token);
  }

  /**
   * OAuth 2.0 client credentials (Auth0 FGA): a token is fetched from {@code tokenUrl}, cached, and
   * refreshed before it expires.
   */
  static Credentials clientCredentials(
      URI tokenUrl,
      String clientId,
      String clientSecret,
      @Nullable String audience,
      List<String> scopes) {
    return new ClientCredentials(tokenUrl, clientId, clientSecret, audience, scopes);
  }

  /** No authentication. */
  enum None implements Credentials {
    INSTANCE
  }

  /** A static bearer token. */
  record ApiToken(String token) implements Credentials {
    public ApiToken {
      Objects.requireNonNull(token, "token");
      if (token.isBlank()) {
        throw new IllegalArgumentException("the API token must not be blank");
      }
    }

    @Override
    public String toString() {
      return "ApiToken[****]";
    }
  }

  /**
   * OAuth 2.0 client credentials.
   *
   * @param tokenUrl the token endpoint
   * @param clientId the client id
   * @param clientSecret the client secret
   * @param audience the {@code audience} parameter (Auth0 FGA requires it), or null
   * @param scopes the scopes to request, possibly none
   */
  record ClientCredentials(
      URI tokenUrl,
      String clientId,
      String clientSecret,
      @Nullable String audience,
      List<String> scopes)
      implements Credentials {
    public ClientCredentials {
      Objects.requireNonNull(tokenUrl, "tokenUrl");
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(clientSecret, "clientSecret");
      scopes = List.copyOf(scopes);
    }

    @Override
    public String toString() {
      return "ClientCredentials[tokenUrl="
          + tokenUrl
          + ", clientId="
          + clientId
          + ", clientSecret=****, audience="
          + audience
          + ", scopes="
          + scopes
          + "]";
    }
  }
}
