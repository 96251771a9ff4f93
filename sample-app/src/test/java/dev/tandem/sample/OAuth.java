package dev.tandem.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The sample's token flows over real HTTP, as its clients run them: a person signs in on the login
 * form and, for a third-party app, submits the consent screen; the app redeems the code with its
 * PKCE verifier; service accounts use client credentials; the agent exchanges a user's token.
 */
final class OAuth {

  static final String REDIRECT_URI = "http://127.0.0.1:8080/authorized";
  static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
  static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

  private static final Pattern CSRF =
      Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");
  private static final Pattern STATE = Pattern.compile("name=\"state\" value=\"([^\"]+)\"");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final URI base;
  private final Http api;

  OAuth(URI base) {
    this.base = base;
    this.api = Http.api(base);
  }

  /**
   * The access token of {@code user} signed in through {@code clientId} (authorization code with
   * PKCE); {@code secret} is null for the public first-party app.
   */
  String userToken(String user, String clientId, @Nullable String secret) {
    Http browser = Http.browser(base);
    String verifier = randomToken();
    String state = randomToken();
    String authorize =
        "/oauth2/authorize?"
            + Http.form(
                ordered(
                    "response_type",
                    "code",
                    "client_id",
                    clientId,
                    "scope",
                    "api",
                    "redirect_uri",
                    REDIRECT_URI,
                    "code_challenge",
                    challenge(verifier),
                    "code_challenge_method",
                    "S256",
                    "state",
                    state));
    Http.Answer first = browser.navigate(authorize);
    assertThat(first.status()).as("unauthenticated authorize redirects to login").isEqualTo(302);
    assertThat(first.header("Location")).endsWith("/login");
    Http.Answer login = browser.navigate("/login");
    String csrf = group(CSRF, login.body(), "the login form's CSRF token");
    Http.Answer signedIn =
        browser.postForm(
            "/login", null, ordered("username", user, "password", "password", "_csrf", csrf));
    assertThat(signedIn.status()).as("login of " + user).isEqualTo(302);
    assertThat(signedIn.header("Location")).as("login of " + user).doesNotContain("error");
    Http.Answer answer = browser.navigate(authorize);
    if (answer.status() == 200 && answer.body().contains("consent_form")) {
      String consentState = group(STATE, answer.body(), "the consent form's state");
      answer =
          browser.postForm(
              "/oauth2/authorize",
              null,
              ordered("client_id", clientId, "state", consentState, "scope", "api"));
    }
    assertThat(answer.status()).as("authorize answer " + answer).isEqualTo(302);
    URI redirect = URI.create(answer.header("Location"));
    assertThat(redirect.toString()).startsWith(REDIRECT_URI + "?");
    Map<String, String> query = query(redirect);
    assertThat(query).containsEntry("state", state);
    Map<String, String> form =
        ordered(
            "grant_type",
            "authorization_code",
            "code",
            query.get("code"),
            "redirect_uri",
            REDIRECT_URI,
            "code_verifier",
            verifier);
    if (secret == null) {
      form.put("client_id", clientId);
    }
    return accessToken(
        api.postForm("/oauth2/token", secret == null ? null : clientId + ":" + secret, form));
  }

  /** The access token of a service account (client credentials). */
  String serviceToken(String clientId, String secret) {
    return accessToken(
        api.postForm(
            "/oauth2/token",
            clientId + ":" + secret,
            ordered("grant_type", "client_credentials", "scope", "api")));
  }

  /** The token endpoint's answer to an agent exchanging a user's token for a task's. */
  Http.Answer exchange(String agentId, String secret, String subjectToken, String scope) {
    return api.postForm(
        "/oauth2/token",
        agentId + ":" + secret,
        ordered(
            "grant_type", TOKEN_EXCHANGE,
            "subject_token", subjectToken,
            "subject_token_type", ACCESS_TOKEN_TYPE,
            "scope", scope));
  }

  /** The agent's access token for a task. */
  String agentToken(String subjectToken, String taskId) {
    return accessToken(
        exchange("summarizer-agent", "agent-secret", subjectToken, "task:" + taskId));
  }

  static String accessToken(Http.Answer answer) {
    assertThat(answer.status()).as("token response " + answer).isEqualTo(200);
    return answer.json().get("access_token").asString();
  }

  /** The claims of a JWT, unverified: what the app received. */
  static tools.jackson.databind.JsonNode claims(String jwt) {
    String payload = jwt.split("\\.")[1];
    return Http.JSON.readTree(
        new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
  }

  private static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String group(Pattern pattern, String text, String what) {
    Matcher matcher = pattern.matcher(text);
    assertThat(matcher.find()).as(what + " in " + text).isTrue();
    return matcher.group(1);
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      query.put(
          java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return query;
  }

  private static Map<String, String> ordered(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
