package dev.tandem.sample.auth;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The OAuth clients of the sample. Each client's internal id is its client id, so that a stored
 * authorization names its client plainly.
 *
 * <ul>
 *   <li>{@code tandem-web}: the first-party web app; public, authorization code with PKCE, no
 *       consent screen.
 *   <li>{@code slack-app}: a third-party app; authorization code with PKCE and a consent screen;
 *       Tandem additionally requires the user's consent per relation and object.
 *   <li>{@code reporting-bot}, {@code globex-bot}: service accounts (client credentials) of the
 *       tenants acme and globex.
 *   <li>{@code summarizer-agent}: an AI agent; only RFC 8693 token exchange, within a task.
 * </ul>
 */
public final class SampleClients {

  /** The first-party web app. */
  public static final String WEB = "tandem-web";

  /** The third-party chat app. */
  public static final String SLACK = "slack-app";

  /** The AI agent. */
  public static final String AGENT = "summarizer-agent";

  /** The agents, which act for users only within a task. */
  public static final Set<String> AGENTS = Set.of(AGENT);

  /** The third-party apps, which act for users only with their consent. */
  public static final Set<String> THIRD_PARTY_APPS = Set.of(SLACK);

  /** The one redirect URI of the code flows: a page that shows the code. */
  public static final String REDIRECT_URI = "http://127.0.0.1:8080/authorized";

  /** The scope every client may ask for: the API. */
  public static final String API_SCOPE = "api";

  /** The client setting naming a service account's tenant, sent as the {@code tenant} claim. */
  static final String TENANT_SETTING = "tandem.sample.tenant";

  private static final Duration ACCESS_TOKEN_TTL = Duration.ofMinutes(30);

  private SampleClients() {}

  /** The clients, with secrets hashed by {@code encoder}. */
  static RegisteredClientRepository repository(Function<String, String> encoder) {
    return new InMemoryRegisteredClientRepository(
        List.of(
            client(WEB)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(REDIRECT_URI)
                .clientSettings(codeFlow(false))
                .build(),
            client(SLACK)
                .clientSecret(encoder.apply("slack-secret"))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(REDIRECT_URI)
                .clientSettings(codeFlow(true))
                .build(),
            serviceAccount("reporting-bot", encoder.apply("reporting-secret"), "acme"),
            serviceAccount("globex-bot", encoder.apply("globex-secret"), "globex"),
            client(AGENT)
                .clientSecret(encoder.apply("agent-secret"))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.TOKEN_EXCHANGE)
                .build()));
  }

  private static RegisteredClient.Builder client(String clientId) {
    return RegisteredClient.withId(clientId)
        .clientId(clientId)
        .clientName(clientId)
        .scope(API_SCOPE)
        .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(ACCESS_TOKEN_TTL).build());
  }

  private static RegisteredClient serviceAccount(
      String clientId, String hashedSecret, String tenant) {
    return client(clientId)
        .clientSecret(hashedSecret)
        .clientSettings(ClientSettings.builder().setting(TENANT_SETTING, tenant).build())
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .build();
  }

  private static ClientSettings codeFlow(boolean consentScreen) {
    return ClientSettings.builder()
        .requireProofKey(true)
        .requireAuthorizationConsent(consentScreen)
        .build();
  }
}
