package dev.tandem.sample.auth;

import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * The claims Tandem reads from every access token ({@code tandem.claims.*}): {@code client_id}
 * names the app; a client-credentials token says so in {@code gty} and names the service account's
 * tenant in {@code tenant}; an agent's token carries {@code act.sub} (the agent) and {@code
 * task_id}, and its {@code client_id} names the third-party app the agent works through, if any
 * ({@link AgentTokenExchange}), so that the app's consent is checked too.
 */
final class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

  @Override
  public void customize(JwtEncodingContext context) {
    if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
      return;
    }
    String clientId = context.getRegisteredClient().getClientId();
    context.getClaims().claim("client_id", clientId);
    AuthorizationGrantType grantType = context.getAuthorizationGrantType();
    if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(grantType)) {
      context.getClaims().claim("gty", "client_credentials");
      Object tenant =
          context
              .getRegisteredClient()
              .getClientSettings()
              .getSetting(SampleClients.TENANT_SETTING);
      if (tenant instanceof String name) {
        context.getClaims().claim("tenant", name);
      }
    } else if (AuthorizationGrantType.TOKEN_EXCHANGE.equals(grantType)) {
      Authentication grant = context.getAuthorizationGrant();
      context
          .getClaims()
          .claim("client_id", exchanged(grant, AgentTokenExchange.CLIENT_ID))
          .claim("act", Map.of("sub", clientId))
          .claim("task_id", exchanged(grant, AgentTokenExchange.TASK_ID));
    }
  }

  /**
   * A value {@link AgentTokenExchange} validated (the task id, the client the token names); without
   * it no agent token is issued.
   */
  private static String exchanged(Authentication grant, String parameter) {
    if (grant instanceof OAuth2AuthorizationGrantAuthenticationToken request
        && request.getAdditionalParameters().get(parameter) instanceof String value) {
      return value;
    }
    throw new OAuth2AuthenticationException(
        new OAuth2Error(
            OAuth2ErrorCodes.INVALID_GRANT,
            "the exchange was not validated: no " + parameter,
            null));
  }
}
