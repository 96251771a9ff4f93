package dev.tandem.jakarta;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.tandem.core.actor.Actor;
import dev.tandem.core.actor.ActorClaimsMapper;
import dev.tandem.core.actor.InvalidActorException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The actor behind a request, from an OAuth bearer access token (RFC 6750) in a signed JWT, mapped
 * with the same {@link ActorClaimsMapper} as the Spring starter.
 *
 * <p>A token is accepted only when its signature verifies with a key of the JWKS or the configured
 * key, with an asymmetric algorithm of the allowed set ({@code alg: none} and HMAC are never
 * accepted, so a public key cannot be used as an HMAC secret); its {@code typ}, when present, is
 * {@code JWT} or {@code at+jwt}; it has not expired ({@code exp} is required) and is not used
 * before {@code nbf}, give or take the clock skew; its {@code iss} equals the issuer; and its
 * {@code aud} names one of the audiences. Issuer and audience are required by {@link
 * Builder#build()}: a resolver that skipped either check cannot be built.
 *
 * <p>No {@code Authorization} header, or another scheme than Bearer, resolves to no actor (401);
 * two {@code Authorization} headers, or a token that fails a check, throw {@link
 * InvalidTokenException} (401); a JWKS that cannot be fetched throws {@link IllegalStateException}
 * (503).
 */
public final class JwtActorResolver implements ActorResolver {

  private static final Pattern BEARER = Pattern.compile("(?i)bearer +([A-Za-z0-9\\-._~+/]+=*)");
  private static final Set<JWSAlgorithm> ASYMMETRIC =
      Set.of(
          JWSAlgorithm.RS256,
          JWSAlgorithm.RS384,
          JWSAlgorithm.RS512,
          JWSAlgorithm.PS256,
          JWSAlgorithm.PS384,
          JWSAlgorithm.PS512,
          JWSAlgorithm.ES256,
          JWSAlgorithm.ES384,
          JWSAlgorithm.ES512,
          JWSAlgorithm.Ed25519,
          JWSAlgorithm.EdDSA);

  private final DefaultJWTProcessor<SecurityContext> processor;
  private final ActorClaimsMapper mapper;

  private JwtActorResolver(
      DefaultJWTProcessor<SecurityContext> processor, ActorClaimsMapper mapper) {
    this.processor = processor;
    this.mapper = mapper;
  }

  /** A builder; a key source, the issuer and the audience are required. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public @Nullable Actor resolve(HttpServletRequest request) {
    List<String> headers = Collections.list(request.getHeaders("Authorization"));
    if (headers.isEmpty()) {
      return null;
    }
    if (headers.size() > 1) {
      throw new InvalidTokenException("the request has more than one Authorization header");
    }
    var matcher = BEARER.matcher(headers.get(0).strip());
    if (!matcher.matches()) {
      return null;
    }
    JWTClaimsSet claims;
    try {
      claims = processor.process(matcher.group(1), null);
    } catch (com.nimbusds.jose.KeySourceException e) {
      throw new IllegalStateException("the signing keys could not be fetched", e);
    } catch (ParseException | BadJOSEException | JOSEException e) {
      throw new InvalidTokenException("the bearer token was rejected: " + e.getMessage(), e);
    }
    try {
      return mapper.map(claims.toJSONObject());
    } catch (InvalidActorException e) {
      throw new InvalidTokenException("the token describes no actor: " + e.getMessage(), e);
    }
  }

  /** Builds a {@link JwtActorResolver}. */
  public static final class Builder {
    private @Nullable JWKSource<SecurityContext> keys;
    private @Nullable String issuer;
    private Set<String> audiences = Set.of();
    private Duration clockSkew = Duration.ofSeconds(30);
    private Set<JWSAlgorithm> algorithms = ASYMMETRIC;
    private @Nullable ActorClaimsMapper mapper;
    private @Nullable List<String> firstPartyClients;
    private Duration jwksTimeout = Duration.ofSeconds(5);

    private Builder() {}

    /** Verifies signatures with the keys published at {@code jwksUri}, fetched and cached. */
    public Builder jwksUri(URI jwksUri) {
      Objects.requireNonNull(jwksUri, "jwksUri");
      if (!jwksUri.isAbsolute()) {
        throw new IllegalArgumentException(
            "jwks-uri '" + jwksUri + "' is not absolute: give the full URL, http(s)://host/path");
      }
      int millis = Math.toIntExact(jwksTimeout.toMillis());
      try {
        this.keys =
            JWKSourceBuilder.create(
                    jwksUri.toURL(), new DefaultResourceRetriever(millis, millis, 512 * 1024))
                .build();
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("jwks-uri '" + jwksUri + "' is not a URL", e);
      }
      return this;
    }

    /** Verifies signatures with the public keys of {@code keys} (private parts are ignored). */
    public Builder jwkSet(JWKSet keys) {
      this.keys = new ImmutableJWKSet<>(keys.toPublicJWKSet());
      return this;
    }

    /** The issuer a token's {@code iss} must equal; required. */
    public Builder issuer(String issuer) {
      this.issuer = Objects.requireNonNull(issuer, "issuer");
      return this;
    }

    /** The audiences a token's {@code aud} must name one of; at least one is required. */
    public Builder audiences(Collection<String> audiences) {
      this.audiences = Set.copyOf(audiences);
      return this;
    }

    /** {@link #audiences} with one audience. */
    public Builder audience(String audience) {
      return audiences(Set.of(audience));
    }

    /** The clock difference tolerated on {@code exp} and {@code nbf}; 30 seconds by default. */
    public Builder clockSkew(Duration skew) {
      if (skew.isNegative() || skew.compareTo(Duration.ofMinutes(5)) > 0) {
        throw new IllegalArgumentException("clock skew must be between 0 and 5 minutes");
      }
      this.clockSkew = skew;
      return this;
    }

    /**
     * The signature algorithms accepted; all asymmetric JWS algorithms by default. HMAC and {@code
     * none} are refused.
     */
    public Builder algorithms(Collection<JWSAlgorithm> algorithms) {
      for (JWSAlgorithm algorithm : algorithms) {
        if (!ASYMMETRIC.contains(algorithm)) {
          throw new IllegalArgumentException(
              "algorithm " + algorithm + " is not accepted: only asymmetric signatures are");
        }
      }
      if (algorithms.isEmpty()) {
        throw new IllegalArgumentException("at least one algorithm is required");
      }
      this.algorithms = Set.copyOf(algorithms);
      return this;
    }

    /**
     * How claims become an actor; the mapper's defaults otherwise. Cannot be combined with a {@code
     * first-party-clients} setting of {@link #configure}: {@link #build()} fails.
     */
    public Builder claimsMapper(ActorClaimsMapper mapper) {
      this.mapper = Objects.requireNonNull(mapper, "mapper");
      return this;
    }

    /**
     * Applies settings from a configuration file: {@code issuer}, {@code audience}, {@code
     * jwks-uri}, {@code clock-skew} (ISO-8601, e.g. {@code PT30S}), and {@code
     * first-party-clients}: the client ids of the application's own apps, whose calls need no user
     * consent, as the Spring starter's {@code tandem.claims.first-party-clients} (the other claims
     * settings keep {@link ActorClaimsMapper}'s defaults).
     *
     * @throws IllegalArgumentException for an unknown key or a value of the wrong form
     */
    public Builder configure(Map<String, List<String>> settings) {
      for (Map.Entry<String, List<String>> setting : settings.entrySet()) {
        List<String> values = setting.getValue();
        switch (setting.getKey()) {
          case "issuer" -> issuer(single("issuer", values));
          case "audience" -> audiences(values);
          case "jwks-uri" -> jwksUri(uri(single("jwks-uri", values)));
          case "clock-skew" -> clockSkew(duration(single("clock-skew", values)));
          case "first-party-clients" -> firstPartyClients = clientIds(values);
          default ->
              throw new IllegalArgumentException(
                  "unknown configuration key 'jwt." + setting.getKey() + "'");
        }
      }
      return this;
    }

    private static URI uri(String value) {
      try {
        return new URI(value);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException(
            "'jwt.jwks-uri' is not a URI: '" + value + "' (" + e.getReason() + ")", e);
      }
    }

    private static Duration duration(String value) {
      try {
        return Duration.parse(value);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "'jwt.clock-skew' is not an ISO-8601 duration: '" + value + "' (write e.g. PT30S)", e);
      }
    }

    private static List<String> clientIds(List<String> values) {
      if (values.stream().anyMatch(String::isBlank)) {
        throw new IllegalArgumentException(
            "'jwt.first-party-clients' " + values + " holds a blank client id");
      }
      return List.copyOf(values);
    }

    private static String single(String key, List<String> values) {
      if (values.size() != 1) {
        throw new IllegalArgumentException("'jwt." + key + "' takes exactly one value");
      }
      return values.get(0);
    }

    /**
     * The resolver.
     *
     * @throws IllegalStateException when the key source, the issuer or the audience is missing, or
     *     both {@link #claimsMapper} and the {@code first-party-clients} setting are given
     */
    public JwtActorResolver build() {
      if (keys == null) {
        throw new IllegalStateException("a JWKS URI or key set is required (jwt.jwks-uri)");
      }
      if (issuer == null || issuer.isBlank()) {
        throw new IllegalStateException("the token issuer is required (jwt.issuer)");
      }
      if (audiences.isEmpty() || audiences.stream().anyMatch(String::isBlank)) {
        throw new IllegalStateException(
            "the token audience is required (jwt.audience): without it, tokens issued for any"
                + " other API of the issuer would be accepted");
      }
      ActorClaimsMapper claims = claimsMapper();
      DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
      processor.setJWSTypeVerifier(
          new DefaultJOSEObjectTypeVerifier<>(
              JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
      processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, keys));
      DefaultJWTClaimsVerifier<SecurityContext> verifier =
          new DefaultJWTClaimsVerifier<>(
              audiences,
              new JWTClaimsSet.Builder().issuer(issuer).build(),
              Set.of("exp", "iss", "aud"),
              Set.of());
      verifier.setMaxClockSkew(Math.toIntExact(clockSkew.toSeconds()));
      processor.setJWTClaimsSetVerifier(verifier);
      return new JwtActorResolver(processor, claims);
    }

    /**
     * The explicit mapper, or one with the file's first-party clients. Both at once is an error
     * rather than a merge: a mapper cannot be copied with one setting changed, and overriding
     * either silently would leave the operator guessing which list is in force.
     */
    private ActorClaimsMapper claimsMapper() {
      if (mapper != null && firstPartyClients != null) {
        throw new IllegalStateException(
            "both claimsMapper(...) and 'jwt.first-party-clients' "
                + firstPartyClients
                + " are configured; keep one: list the clients in the mapper with"
                + " ActorClaimsMapper.builder().firstPartyClients(...), or drop claimsMapper(...)");
      }
      if (mapper != null) {
        return mapper;
      }
      return ActorClaimsMapper.builder()
          .firstPartyClients(firstPartyClients == null ? List.of() : firstPartyClients)
          .build();
    }
  }
}
