package dev.tandem.spring.app;

import dev.tandem.core.FgaUnavailableException;
import dev.tandem.core.client.FgaClient;
import dev.tandem.spring.TandemAuthorizationManagers;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A small resource server over the reference model: JWTs signed with a key made here, every request
 * let through by Spring Security so that Tandem decides.
 */
@SpringBootApplication
@EnableMethodSecurity
public class TestApp {

  /** The signing key of the test tokens. */
  public static final KeyPair KEYS = rsa();

  /** Checks that reached the backend. */
  public static final AtomicInteger CHECKS = new AtomicInteger();

  /** Whether the backend fails every check. */
  public static final AtomicBoolean FAILING = new AtomicBoolean();

  @Bean
  JwtDecoder jwtDecoder() {
    return NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
  }

  // tag::http[]
  @Bean
  SecurityFilterChain api(HttpSecurity http, TandemAuthorizationManagers tandem) throws Exception {
    return http.csrf(csrf -> csrf.disable())
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/guarded/projects/{projectId}")
                    .access(tandem.relation("can_view", "project", "projectId"))
                    .anyRequest()
                    .permitAll())
        .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults()))
        .build();
  }

  // end::http[]

  /** Counts the checks of the auto-configured client, and fails them when asked to. */
  @Bean
  static BeanPostProcessor countingFgaClient() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (!(bean instanceof FgaClient client)) {
          return bean;
        }
        return Proxy.newProxyInstance(
            FgaClient.class.getClassLoader(),
            new Class<?>[] {FgaClient.class},
            (proxy, method, args) -> {
              if (method.getName().equals("check") || method.getName().equals("batchCheck")) {
                CHECKS.incrementAndGet();
                if (FAILING.get()) {
                  throw new FgaUnavailableException("the backend is down (test)");
                }
              }
              try {
                return method.invoke(client, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
      }
    };
  }

  private static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
