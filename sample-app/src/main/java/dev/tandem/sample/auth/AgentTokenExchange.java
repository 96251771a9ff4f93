package dev.tandem.sample.auth;

import dev.tandem.core.authz.TaskGrants;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenExchangeAuthenticationToken;

/**
 * RFC 8693 token exchange for agents, bound to a task: the agent presents the user's access token
 * as {@code subject_token} and asks for {@code scope=task:{taskId}}. The exchange is refused with
 * {@code invalid_grant} unless that task is live and was started by this very user for this very
 * agent, and the subject token was issued to a user through a first-party app. The task id then
 * travels to {@link TokenClaims}, which writes it and {@code act.sub} into the new token; the
 * standard provider does the rest (subject token lookup, token generation).
 */
final class AgentTokenExchange implements AuthenticationProvider {

  /** The additional parameter carrying the validated task id to {@link TokenClaims}. */
  static final String TASK_ID = "task_id";

  private static final Pattern TASK_SCOPE = Pattern.compile("task:([0-9a-z]{1,64})");

  private final AuthenticationProvider delegate;
  private final OAuth2AuthorizationService authorizations;
  private final TaskGrants tasks;
  private final Set<String> firstPartyClients;

  AgentTokenExchange(
      AuthenticationProvider delegate,
      OAuth2AuthorizationService authorizations,
      TaskGrants tasks,
      Set<String> firstPartyClients) {
    this.delegate = delegate;
    this.authorizations = authorizations;
    this.tasks = tasks;
    this.firstPartyClients = Set.copyOf(firstPartyClients);
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    OAuth2TokenExchangeAuthenticationToken request =
        (OAuth2TokenExchangeAuthenticationToken) authentication;
    if (request.getActorToken() != null) {
      throw error(OAuth2ErrorCodes.INVALID_REQUEST, "actor_token is not supported: agents act");
    }
    String taskId = taskId(request.getScopes());
    String agentId = agentId(request);
    String userId = userId(request.getSubjectToken());
    if (!tasks.isLive(taskId, userId, agentId)) {
      throw error(
          OAuth2ErrorCodes.INVALID_GRANT,
          "task " + taskId + " is not a live task of this user for this agent");
    }
    Map<String, Object> parameters = new HashMap<>(request.getAdditionalParameters());
    parameters.put(TASK_ID, taskId);
    return delegate.authenticate(
        new OAuth2TokenExchangeAuthenticationToken(
            request.getRequestedTokenType(),
            request.getSubjectToken(),
            request.getSubjectTokenType(),
            (Authentication) request.getPrincipal(),
            null,
            null,
            request.getResources(),
            request.getAudiences(),
            Set.of(),
            parameters));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return OAuth2TokenExchangeAuthenticationToken.class.isAssignableFrom(authentication);
  }

  private static String taskId(Set<String> scopes) {
    if (scopes.size() == 1) {
      var matcher = TASK_SCOPE.matcher(scopes.iterator().next());
      if (matcher.matches()) {
        return matcher.group(1);
      }
    }
    throw error(OAuth2ErrorCodes.INVALID_SCOPE, "request exactly one scope, task:{taskId}");
  }

  private static String agentId(OAuth2TokenExchangeAuthenticationToken request) {
    if (request.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
        && client.isAuthenticated()
        && client.getRegisteredClient() != null) {
      return client.getRegisteredClient().getClientId();
    }
    throw error(OAuth2ErrorCodes.INVALID_CLIENT, null);
  }

  /** The user behind a subject token issued through a first-party app's code flow. */
  private String userId(String subjectToken) {
    OAuth2Authorization subject =
        authorizations.findByToken(subjectToken, OAuth2TokenType.ACCESS_TOKEN);
    if (subject == null
        || !AuthorizationGrantType.AUTHORIZATION_CODE.equals(subject.getAuthorizationGrantType())
        || !firstPartyClients.contains(subject.getRegisteredClientId())) {
      throw error(
          OAuth2ErrorCodes.INVALID_GRANT,
          "subject_token must be a user's access token from a first-party app");
    }
    return subject.getPrincipalName();
  }

  private static OAuth2AuthenticationException error(String code, String description) {
    return new OAuth2AuthenticationException(new OAuth2Error(code, description, null));
  }
}
