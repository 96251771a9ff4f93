package dev.tandem.spring;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tandem.spring.app.TestApp;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Real JWTs signed with the test app's key. */
final class Tokens {

  private Tokens() {}

  static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String token) {
    return request.header("Authorization", "Bearer " + token);
  }

  /** A user signed in to the first-party app {@code web}. */
  static String user(String subject) {
    return claims(subject, "web", Map.of());
  }

  static String claims(String subject, String client, Map<String, Object> extra) {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .subject(subject)
            .claim("client_id", client)
            .issueTime(new Date())
            .expirationTime(Date.from(Instant.now().plusSeconds(300)));
    extra.forEach(claims::claim);
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
      jwt.sign(new RSASSASigner(TestApp.KEYS.getPrivate()));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
