package dev.tandem.jakarta;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/** Signs test access tokens with an RSA key; a second key plays the attacker's. */
final class Tokens {

  static final String ISSUER = "https://login.example.test/";
  static final String AUDIENCE = "tickets-api";
  static final String FIRST_PARTY = "web";

  final RSAKey key = generate("issuer-key");
  final RSAKey otherKey = generate("issuer-key");

  /** Starts a server on 127.0.0.1 publishing {@link #publicKeys()} at {@link #jwksUri}. */
  HttpServer serveKeys() throws IOException {
    HttpServer jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] body = publicKeys().toString().getBytes(StandardCharsets.UTF_8);
    jwks.createContext(
        "/jwks.json",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    jwks.start();
    return jwks;
  }

  /** Where {@code jwks}, started by {@link #serveKeys()}, publishes the keys. */
  static URI jwksUri(HttpServer jwks) {
    return URI.create("http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks.json");
  }

  /** The issuer's public keys, as a JWKS publishes them. */
  JWKSet publicKeys() {
    return new JWKSet(key.toPublicJWK());
  }

  /** Claims of a user calling through the first-party app, valid for five minutes. */
  JWTClaimsSet.Builder user(String userId) {
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .subject(userId)
        .claim("client_id", FIRST_PARTY)
        .issueTime(new Date())
        .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(5))));
  }

  /** Claims of a third-party app acting for a user. */
  JWTClaimsSet.Builder app(String userId, String clientId) {
    return user(userId).claim("client_id", clientId);
  }

  /** Claims of an agent acting for a user within a task, through the first-party app. */
  JWTClaimsSet.Builder agent(String userId, String agentId, String taskId) {
    return user(userId).claim("act", Map.of("sub", agentId)).claim("task_id", taskId);
  }

  String sign(JWTClaimsSet.Builder claims) {
    return sign(key, claims);
  }

  static String sign(RSAKey with, JWTClaimsSet.Builder claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(),
              claims.build());
      jwt.sign(new RSASSASigner(with));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An unsigned token, {@code alg: none}. */
  static String unsigned(JWTClaimsSet.Builder claims) {
    return new PlainJWT(claims.build()).serialize();
  }

  /** An HS256 token whose secret is the issuer's public key: the key-confusion attack. */
  String hmacWithPublicKey(JWTClaimsSet.Builder claims) {
    try {
      byte[] secret = key.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(),
              claims.build());
      jwt.sign(new MACSigner(secret));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A token whose signature has been replaced by a valid-looking but wrong one. */
  String tamperedSignature(JWTClaimsSet.Builder claims) {
    String token = sign(claims);
    String other = sign(otherKey, claims);
    return token.substring(0, token.lastIndexOf('.') + 1)
        + other.substring(other.lastIndexOf('.') + 1);
  }

  static String bearer(String token) {
    return "Bearer " + token;
  }

  private static RSAKey generate(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
