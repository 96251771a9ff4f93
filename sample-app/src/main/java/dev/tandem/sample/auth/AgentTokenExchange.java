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
 * agent, and the subject token was issued to a user through the code flow of one of the sample's
 * apps, first-party or third-party. The task id and the client the new token names then travel to
 * {@link TokenClaims}, which writes them with {@code act.sub} into the new token; the standard
 * provider does the rest (subject token lookup, token generation).
 *
 * <p>The client the new token names is the agent itself when the subject token came from a
 * first-party app, so the agent acts for the user within the task; and the third-party app when the
 * subject token came from one (the agent works for the user through that app), so every request of
 * the agent is checked against the user, the user's consent to that app and the task. A third-party
 * subject token is accepted for that reason: the consent is not checked here, once, but by Tandem
 * at every request, where revoking it takes effect at once; refusing the exchange would only have
 * kept agents out of the apps users chose.
 */
final class AgentTokenExchange implements AuthenticationProvider {

  /** The additional parameter carrying the validated task id to {@link TokenClaims}. */
  static final String TASK_ID = "task_id";

  /** The additional parameter carrying the client the new token names to {@link TokenClaims}. */
  static final String CLIENT_ID = "client_id";

  private static final Pattern TASK_SCOPE = Pattern.compile("task:([0-9a-z]{1,64})");

  private final AuthenticationProvider delegate;
  private final OAuth2AuthorizationService authorizations;
  private final TaskGrants tasks;
  private final Set<String> firstPartyClients;
  private final Set<String> thirdPartyClients;

  /** The user and the app behind a subject token. */
  private record Subject(String userId, String clientId) {}

  AgentTokenExchange(
      AuthenticationProvider delegate,
      OAuth2AuthorizationService authorizations,
      TaskGrants tasks,
      Set<String> firstPartyClients,
      Set<String> thirdPartyClients) {
    this.delegate = delegate;
    this.authorizations = authorizations;
    this.tasks = tasks;
    this.firstPartyClients = Set.copyOf(firstPartyClients);
    this.thirdPartyClients = Set.copyOf(thirdPartyClients);
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
    Subject subject = subject(request.getSubjectToken());
    if (!tasks.isLive(taskId, subject.userId(), agentId)) {
      throw error(
          OAuth2ErrorCodes.INVALID_GRANT,
          "task " + taskId + " is not a live task of this user for this agent");
    }
    // Both always set here: a client-sent parameter of the same name never reaches TokenClaims.
    Map<String, Object> parameters = new HashMap<>(request.getAdditionalParameters());
    parameters.put(TASK_ID, taskId);
    parameters.put(
        CLIENT_ID, thirdPartyClients.contains(subject.clientId()) ? subject.clientId() : agentId);
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

  /**
   * The user and the app behind a subject token issued through an app's code flow; a client's
   * registered id is its client id ({@link SampleClients}).
   */
  private Subject subject(String subjectToken) {
    OAuth2Authorization subject =
        authorizations.findByToken(subjectToken, OAuth2TokenType.ACCESS_TOKEN);
    if (subject == null
        || !AuthorizationGrantType.AUTHORIZATION_CODE.equals(subject.getAuthorizationGrantType())
        || !(firstPartyClients.contains(subject.getRegisteredClientId())
            || thirdPartyClients.contains(subject.getRegisteredClientId()))) {
      throw error(
          OAuth2ErrorCodes.INVALID_GRANT,
          "subject_token must be a user's access token from one of the apps");
    }
    return new Subject(subject.getPrincipalName(), subject.getRegisteredClientId());
  }

  private static OAuth2AuthenticationException error(String code, String description) {
    return new OAuth2AuthenticationException(new OAuth2Error(code, description, null));
  }
}
