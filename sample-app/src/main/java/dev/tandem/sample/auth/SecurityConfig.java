package dev.tandem.sample.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.tandem.core.authz.TaskGrants;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * Three filter chains: the authorization server's endpoints; the API, which only authenticates
 * bearer tokens and leaves every decision to Tandem's annotations; and the browser pages (login,
 * the page that shows an authorization code), where Actuator's health endpoint is public and every
 * other path needs a login.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

  @Bean
  @Order(1)
  SecurityFilterChain authorizationServer(
      HttpSecurity http, OAuth2AuthorizationService authorizations, TaskGrants tasks) {
    OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
    http.securityMatcher(server.getEndpointsMatcher())
        .with(
            server,
            as ->
                as.tokenEndpoint(
                    token ->
                        token.authenticationProviders(
                            providers -> bindExchangesToTasks(providers, authorizations, tasks))))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .exceptionHandling(
            errors ->
                errors.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain api(HttpSecurity http) {
    // Authentication only: who may do what is decided by @RequiresRelation on each endpoint,
    // and a call without a token is answered 401 by Tandem.
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()))
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable());
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain pages(HttpSecurity http) {
    http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/", "/authorized", "/error")
                    .permitAll()
                    // Status and components only (application.yaml): whether decisions can be made.
                    .requestMatchers(EndpointRequest.to("health"))
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .formLogin(Customizer.withDefaults());
    return http.build();
  }

  private static void bindExchangesToTasks(
      List<AuthenticationProvider> providers,
      OAuth2AuthorizationService authorizations,
      TaskGrants tasks) {
    providers.replaceAll(
        provider ->
            provider.supports(
                    org.springframework.security.oauth2.server.authorization.authentication
                        .OAuth2TokenExchangeAuthenticationToken.class)
                ? new AgentTokenExchange(
                    provider,
                    authorizations,
                    tasks,
                    Set.of(SampleClients.WEB),
                    SampleClients.THIRD_PARTY_APPS)
                : provider);
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  UserDetailsService users(PasswordEncoder encoder) {
    return SampleUsers.service(encoder);
  }

  @Bean
  RegisteredClientRepository clients(PasswordEncoder encoder) {
    return SampleClients.repository(encoder::encode);
  }

  @Bean
  OAuth2AuthorizationService authorizationService() {
    return new InMemoryOAuth2AuthorizationService();
  }

  @Bean
  OAuth2AuthorizationConsentService authorizationConsentService() {
    return new InMemoryOAuth2AuthorizationConsentService();
  }

  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> tokenClaims() {
    return new TokenClaims();
  }

  @Bean
  AuthorizationServerSettings authorizationServerSettings() {
    return AuthorizationServerSettings.builder().build();
  }

  /** A signing key made at startup: tokens do not outlive the process. */
  @Bean
  JWKSource<SecurityContext> jwkSource() {
    KeyPair keys = rsaKeyPair();
    RSAKey key =
        new RSAKey.Builder((RSAPublicKey) keys.getPublic())
            .privateKey((RSAPrivateKey) keys.getPrivate())
            .keyID(UUID.randomUUID().toString())
            .build();
    return new ImmutableJWKSet<>(new JWKSet(key));
  }

  @Bean
  JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
    return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
  }

  private static KeyPair rsaKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("RSA is not available", e);
    }
  }
}
