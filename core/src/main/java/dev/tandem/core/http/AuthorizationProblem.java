package dev.tandem.core.http;

import dev.tandem.core.actor.Actor;
import dev.tandem.core.authz.Decision;
import dev.tandem.core.authz.Denial;
import dev.tandem.core.authz.DenialReason;
import dev.tandem.core.authz.PrincipalRole;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An RFC 9457 problem detail for a request Tandem did not allow, with the status and headers to
 * answer with. Bodies never carry store, model or tuple text; a denied object and a nonexistent one
 * answer alike; bad input is never echoed.
 *
 * @param status the HTTP status: 400, 401, 403 or 503
 * @param type the problem type URI
 * @param title a short, fixed summary
 * @param detail a fixed explanation for the caller
 * @param properties extension members, e.g. the missing consent
 * @param headers headers to send, e.g. {@code Retry-After} or {@code WWW-Authenticate}
 */
public record AuthorizationProblem(
    int status,
    URI type,
    String title,
    String detail,
    Map<String, Object> properties,
    Map<String, String> headers) {

  /** The media type of the body. */
  public static final String MEDIA_TYPE = "application/problem+json";

  private static final String BASE = "https://tandem.dev/problems/";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  public AuthorizationProblem {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(detail, "detail");
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** 401: the request carries no credentials ({@code WWW-Authenticate: Bearer}). */
  public static AuthorizationProblem unauthenticated() {
    return unauthenticated("Bearer");
  }

  /**
   * 401: the request carries a token that was rejected — it could not be verified, or it describes
   * no actor Tandem can check — answered with RFC 6750's {@code error="invalid_token"}; the body
   * says nothing about why.
   */
  public static AuthorizationProblem invalidToken() {
    return unauthenticated("Bearer error=\"invalid_token\"");
  }

  private static AuthorizationProblem unauthenticated(String challenge) {
    return new AuthorizationProblem(
        401,
        URI.create(BASE + "unauthenticated"),
        "Unauthenticated",
        "A valid access token is required.",
        Map.of(),
        Map.of("WWW-Authenticate", challenge));
  }

  /** 400: the request names an object or id Tandem does not accept; nothing of it is echoed. */
  public static AuthorizationProblem badRequest() {
    return new AuthorizationProblem(
        400,
        URI.create(BASE + "invalid-request"),
        "Bad Request",
        "The request identifies a resource in a form that is not accepted.",
        Map.of(),
        Map.of());
  }

  /** 403: not allowed, without saying more. */
  public static AuthorizationProblem forbidden() {
    return new AuthorizationProblem(
        403,
        URI.create(BASE + "forbidden"),
        "Forbidden",
        "The caller is not allowed to perform this action.",
        Map.of(),
        Map.of());
  }

  /** 503: the authorization backend could not answer; retry after {@code retryAfter}. */
  public static AuthorizationProblem unavailable(Duration retryAfter) {
    long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    return new AuthorizationProblem(
        503,
        URI.create(BASE + "authorization-unavailable"),
        "Service Unavailable",
        "Authorization could not be decided; try again later.",
        Map.of(),
        Map.of("Retry-After", Long.toString(seconds)));
  }

  /**
   * The answer to a denied decision. A definitive denial wins over a failure: 403 when any
   * principal does not hold the relation, with the {@code consent-required} type when only the
   * delegated app's consent is missing and the {@code outside-task} type when only the agent's task
   * does not cover it; 401 {@link #invalidToken()} when an id of the actor cannot be an FGA subject
   * (the token's claims, not the request, are at fault); 400 for an invalid request; 403 when the
   * model defines no type for a principal (a retry cannot help); 503 when the backend failed.
   *
   * @throws IllegalArgumentException when the decision is granted
   */
  public static AuthorizationProblem of(Decision decision, Actor actor, Duration retryAfter) {
    if (decision.granted()) {
      throw new IllegalArgumentException("a granted decision is not a problem");
    }
    boolean definitive = false;
    boolean onlyConsent = true;
    boolean onlyTask = true;
    boolean invalidRequest = false;
    boolean invalidSubject = false;
    boolean modelGap = false;
    boolean unavailable = false;
    for (Denial denial : decision.denials()) {
      DenialReason reason = denial.reason();
      if (reason == DenialReason.NOT_GRANTED || reason == DenialReason.TENANT_MISMATCH) {
        definitive = true;
      }
      invalidRequest |= reason == DenialReason.INVALID_REQUEST;
      invalidSubject |= reason == DenialReason.INVALID_SUBJECT;
      modelGap |= reason == DenialReason.TYPE_NOT_IN_MODEL;
      unavailable |= reason == DenialReason.UNAVAILABLE;
      onlyConsent &= denial.role() == PrincipalRole.CONSENT && reason == DenialReason.NOT_GRANTED;
      onlyTask &= denial.role() == PrincipalRole.TASK && reason == DenialReason.NOT_GRANTED;
    }
    if (definitive && onlyConsent && actor.delegatedClientId() != null) {
      return consentRequired(actor.delegatedClientId(), decision.relation(), decision.object());
    }
    if (definitive && onlyTask) {
      return new AuthorizationProblem(
          403,
          URI.create(BASE + "outside-task"),
          "Forbidden",
          "The agent's task does not cover this action.",
          Map.of(),
          Map.of());
    }
    if (definitive) {
      return forbidden();
    }
    if (invalidSubject) {
      return invalidToken();
    }
    if (invalidRequest) {
      return badRequest();
    }
    return unavailable && !modelGap ? unavailable(retryAfter) : forbidden();
  }

  /** 403 naming the consent the user has to give the app: relation and object as requested. */
  public static AuthorizationProblem consentRequired(
      String client, String relation, String object) {
    Map<String, Object> consent = new LinkedHashMap<>();
    consent.put("client", client);
    consent.put("relation", relation);
    consent.put("object", object);
    return new AuthorizationProblem(
        403,
        URI.create(BASE + "consent-required"),
        "Consent required",
        "The user has not allowed this application to do this.",
        Map.of("consent", consent),
        Map.of());
  }

  /** The body, {@code application/problem+json}. */
  public String toJson() {
    ObjectNode body = JSON.createObjectNode();
    body.put("type", type.toString());
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    properties.forEach((name, value) -> body.set(name, JSON.valueToTree(value)));
    return JSON.writeValueAsString(body);
  }
}
