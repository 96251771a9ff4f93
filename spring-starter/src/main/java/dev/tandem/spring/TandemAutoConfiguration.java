package dev.tandem.spring;

import dev.tandem.core.actor.ActorClaimsMapper;
import dev.tandem.core.authz.Authorizer;
import dev.tandem.core.authz.Consents;
import dev.tandem.core.authz.TaskGrants;
import dev.tandem.core.client.CacheOptions;
import dev.tandem.core.client.CoalescingOptions;
import dev.tandem.core.client.Credentials;
import dev.tandem.core.client.FgaClient;
import dev.tandem.core.client.FgaClientBuilder;
import dev.tandem.core.client.RemoteOptions;
import dev.tandem.core.client.WriteRequest;
import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.tuple.TupleKey;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.aop.config.AopConfigUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.context.annotation.Role;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Auto-configuration of Tandem: an {@link FgaClient} (embedded or remote, with cache and coalescing
 * per {@link TandemProperties}), the {@link AuthorizationModel}, an {@link Authorizer}, an {@link
 * ActorClaimsMapper}, {@link dev.tandem.core.authz.Consents} and {@link
 * dev.tandem.core.authz.TaskGrants}, an {@link ActorResolver} over Spring Security, the {@link
 * TandemMethodAdvisor} enforcing the annotations on any bean, startup validation, the {@code fga}
 * bean ({@link TandemFga}) for {@code @PreAuthorize}, {@link TandemAuthorizationManagers} for
 * {@code authorizeHttpRequests} (with Spring Security's web module), and problem-detail rendering
 * in servlet web applications, and Micrometer meters ({@link TandemMetrics}, {@link
 * TandemCacheMetrics}) when the application has a {@link MeterRegistry} bean, and the {@code
 * tandem} health indicator ({@link TandemHealthIndicator}) with Spring Boot's health module.
 *
 * <p>Every bean but the startup validator backs off when the application defines one of the same
 * type (the {@code fga} bean: of the same name). The default {@link ActorResolver} needs Spring
 * Security's OAuth 2.0 resource server on the classpath; the problem handler needs a servlet web
 * application with Spring MVC; the health indicator also backs off to a bean named {@code
 * tandemHealthIndicator} and with {@code management.health.tandem.enabled=false}. When methods
 * carry annotations and enforcement cannot be set up (no model, no actor resolver, a bean that is
 * not advised), the context fails to start: enforcement is never skipped silently.
 */
@AutoConfiguration(
    afterName =
        "org.springframework.boot.micrometer.metrics.autoconfigure"
            + ".CompositeMeterRegistryAutoConfiguration")
@EnableConfigurationProperties(TandemProperties.class)
@Import(TandemAutoConfiguration.AutoProxying.class)
public final class TandemAutoConfiguration {

  /**
   * The name of the {@link TandemFga} bean, as used in {@code @PreAuthorize("@fga.check(...)")}.
   */
  public static final String TANDEM_FGA_BEAN = "fga";

  @Bean
  @ConditionalOnMissingBean
  FgaClient tandemFgaClient(TandemProperties properties) {
    FgaClientBuilder builder = FgaClient.builder();
    if (properties.getMode() == TandemProperties.Mode.REMOTE) {
      TandemProperties.Remote remote = properties.getRemote();
      if (remote.getStoreId() == null || remote.getStoreId().isBlank()) {
        throw new IllegalStateException(
            "tandem.remote.store-id must be set when tandem.mode=remote");
      }
      builder
          .remote(remoteOptions(remote))
          .storeId(remote.getStoreId())
          .modelId(remote.getModelId());
    } else {
      if (properties.getModel() == null) {
        throw new IllegalStateException(
            "tandem.model must be set when tandem.mode=embedded (e.g. classpath:model.fga)");
      }
      builder.embedded();
    }
    if (properties.getCache().isEnabled()) {
      builder.cache(
          new CacheOptions(properties.getCache().getTtl(), properties.getCache().getMaxSize()));
    }
    if (properties.getCoalescing().isEnabled()) {
      builder.coalescing(
          new CoalescingOptions(
              properties.getCoalescing().getWindow(), properties.getCoalescing().getMaxBatch()));
    }
    FgaClient client = builder.build();
    if (properties.getMode() == TandemProperties.Mode.EMBEDDED) {
      seed(client, properties);
    }
    return client;
  }

  @Bean
  @ConditionalOnMissingBean
  AuthorizationModel tandemAuthorizationModel(
      TandemProperties properties, ObjectProvider<FgaClient> client) {
    if (properties.getModel() != null) {
      return TandemResources.model(properties.getModel());
    }
    FgaClient fga = client.getObject();
    String modelId = properties.getRemote().getModelId();
    try {
      return modelId == null
          ? fga.readLatestAuthorizationModel()
          : fga.readAuthorizationModel(modelId);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "tandem.model is not set and the model of store '"
              + fga.storeId()
              + "' cannot be read: "
              + e.getMessage(),
          e);
    }
  }

  @Bean
  @ConditionalOnMissingBean
  Authorizer tandemAuthorizer(FgaClient client) {
    return Authorizer.create(client);
  }

  /** Users' consents to third-party apps, written to the same store the authorizer reads. */
  @Bean
  @ConditionalOnMissingBean
  Consents tandemConsents(FgaClient client) {
    return Consents.create(client);
  }

  /** Agent tasks and their expiring grants, in the same store the authorizer reads. */
  @Bean
  @ConditionalOnMissingBean
  TaskGrants tandemTaskGrants(FgaClient client) {
    return TaskGrants.create(client);
  }

  @Bean
  @ConditionalOnMissingBean
  ActorClaimsMapper tandemActorClaimsMapper(TandemProperties properties) {
    ClaimsProperties claims = properties.getClaims();
    return ActorClaimsMapper.builder()
        .userIdClaim(claims.getUserId())
        .clientIdClaims(claims.getClientIds())
        .actorClaim(claims.getActor())
        .taskIdClaim(claims.getTaskId())
        .tenantClaim(claims.getTenant())
        .serviceAccountGrantTypes(claims.getGrantType(), claims.getServiceAccountGrantTypes())
        .firstPartyClients(claims.getFirstPartyClients())
        .allowTokensWithoutClient(claims.isAllowTokensWithoutClient())
        .build();
  }

  @Bean(TANDEM_FGA_BEAN)
  @ConditionalOnMissingBean(name = TANDEM_FGA_BEAN)
  TandemFga tandemFga(ObjectProvider<Authorizer> authorizer, ObjectProvider<ActorResolver> actors) {
    return new TandemFga(authorizer::getObject, actors::getIfAvailable);
  }

  @Bean
  @ConditionalOnMissingBean
  @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
  static TandemMethodAdvisor tandemMethodAdvisor(
      ObjectProvider<Authorizer> authorizer,
      ObjectProvider<ActorResolver> actors,
      ObjectProvider<AuthorizationModel> model,
      ObjectProvider<TandemProperties> properties,
      ObjectProvider<ApplicationEventPublisher> events) {
    return new TandemMethodAdvisor(
        new TandemMethodInterceptor(
            new MethodEnforcer(
                Lazily.of(authorizer::getObject),
                Lazily.of(actors::getObject),
                Lazily.of(model::getObject),
                Lazily.of(() -> properties.getObject().getRetryAfter()),
                publishWith(Lazily.of(events::getObject)))));
  }

  private static Consumer<TandemDecisionEvent> publishWith(
      Supplier<ApplicationEventPublisher> events) {
    return event -> events.get().publishEvent(event);
  }

  /**
   * Hands the advisor's enforcement to {@link TandemAspectSupport} for the AspectJ aspect, for as
   * long as this context lives. Without it the aspect denies every call.
   */
  @Bean
  @ConditionalOnMissingBean
  @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
  static TandemAspectSupport.Installation tandemAspectInstallation(TandemMethodAdvisor advisor) {
    return new TandemAspectSupport.Installation(advisor.enforcer());
  }

  @Bean
  @ConditionalOnMissingBean
  TandemAuditLog tandemAuditLog() {
    return new TandemAuditLog();
  }

  @Bean
  @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
  static TandemStartupValidator tandemStartupValidator(
      ConfigurableListableBeanFactory beans,
      ObjectProvider<AuthorizationModel> model,
      ObjectProvider<ActorResolver> actors,
      TandemMethodAdvisor advisor,
      ObjectProvider<TandemProperties> properties,
      ObjectProvider<FgaClient> client) {
    return new TandemStartupValidator(beans, model, actors, advisor, properties, client);
  }

  private static RemoteOptions remoteOptions(TandemProperties.Remote remote) {
    URI apiUrl = remote.getApiUrl();
    if (apiUrl == null) {
      throw new IllegalStateException("tandem.remote.api-url must be set when tandem.mode=remote");
    }
    positive("tandem.remote.connect-timeout", remote.getConnectTimeout());
    positive("tandem.remote.attempt-timeout", remote.getAttemptTimeout());
    positive("tandem.remote.overall-timeout", remote.getOverallTimeout());
    if (remote.getRetries() < 0) {
      throw new IllegalStateException(
          "tandem.remote.retries must not be negative, got " + remote.getRetries());
    }
    RemoteOptions defaults = RemoteOptions.defaults(apiUrl);
    return new RemoteOptions(
        apiUrl,
        credentials(remote),
        remote.getConnectTimeout(),
        remote.getAttemptTimeout(),
        remote.getOverallTimeout(),
        remote.getRetries(),
        defaults.baseBackoff(),
        defaults.maxRetryAfter(),
        defaults.maxConnections());
  }

  private static void positive(String key, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalStateException(key + " must be positive, got " + value);
    }
  }

  private static Credentials credentials(TandemProperties.Remote remote) {
    TandemProperties.ClientCredentials cc = remote.getClientCredentials();
    String token = remote.getApiToken();
    // Any client-credentials property counts, not only token-url: otherwise one left without its
    // token-url would be ignored silently, and requests would go out with the API token or none.
    boolean clientCredentials =
        cc.getTokenUrl() != null
            || cc.getClientId() != null
            || cc.getClientSecret() != null
            || cc.getAudience() != null
            || !cc.getScopes().isEmpty();
    if (token != null && clientCredentials) {
      throw new IllegalStateException(
          "set either tandem.remote.api-token or tandem.remote.client-credentials.*, not both");
    }
    if (token != null) {
      if (token.isBlank()) {
        throw new IllegalStateException(
            "tandem.remote.api-token is blank (an unset environment variable?): set it, or remove"
                + " it for a server without authentication");
      }
      return Credentials.apiToken(token);
    }
    if (!clientCredentials) {
      return Credentials.none();
    }
    if (cc.getTokenUrl() == null) {
      throw new IllegalStateException(
          "tandem.remote.client-credentials.token-url must be set with the other"
              + " tandem.remote.client-credentials.* properties (e.g."
              + " https://auth.fga.dev/oauth/token for Auth0 FGA)");
    }
    if (cc.getClientId() == null || cc.getClientSecret() == null) {
      throw new IllegalStateException(
          "tandem.remote.client-credentials.client-id and .client-secret must be set with"
              + " tandem.remote.client-credentials.token-url");
    }
    return Credentials.clientCredentials(
        cc.getTokenUrl(), cc.getClientId(), cc.getClientSecret(), cc.getAudience(), cc.getScopes());
  }

  private static void seed(FgaClient client, TandemProperties properties) {
    client.writeAuthorizationModel(TandemResources.model(properties.getModel()));
    if (properties.getTuples() == null) {
      return;
    }
    List<TupleKey> tuples = TandemResources.tuples(properties.getTuples());
    for (int from = 0; from < tuples.size(); from += 100) {
      List<TupleKey> chunk = tuples.subList(from, Math.min(tuples.size(), from + 100));
      try {
        client.write(new WriteRequest(chunk, List.of()));
      } catch (RuntimeException e) {
        throw new IllegalStateException(
            "tandem.tuples "
                + properties.getTuples().getDescription()
                + " cannot be written: "
                + e.getMessage(),
            e);
      }
    }
  }

  /** The default actor resolver, over Spring Security's OAuth 2.0 token authentication. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(
      name = {
        "org.springframework.security.core.context.SecurityContextHolder",
        "org.springframework.security.oauth2.server.resource.authentication"
            + ".AbstractOAuth2TokenAuthenticationToken"
      })
  static class SecurityActorConfiguration {
    @Bean
    @ConditionalOnMissingBean
    ActorResolver tandemActorResolver(ActorClaimsMapper mapper) {
      return new SecurityContextActorResolver(mapper);
    }
  }

  /** {@link TandemAuthorizationManagers} for {@code authorizeHttpRequests}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(
      name = "org.springframework.security.web.access.intercept.RequestAuthorizationContext")
  static class HttpAuthorizationConfiguration {
    @Bean
    @ConditionalOnMissingBean
    TandemAuthorizationManagers tandemAuthorizationManagers(
        ObjectProvider<Authorizer> authorizer,
        ObjectProvider<ActorResolver> actors,
        ObjectProvider<AuthorizationModel> model) {
      return new TandemAuthorizationManagers(
          new TandemFga(authorizer::getObject, actors::getIfAvailable), model::getObject);
    }
  }

  /** Decision and cache meters, when Micrometer is on the classpath and a registry is defined. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
  @ConditionalOnBean(MeterRegistry.class)
  static class MetricsConfiguration {
    @Bean
    @ConditionalOnMissingBean
    TandemMetrics tandemMetrics(MeterRegistry registry) {
      return new TandemMetrics(registry);
    }

    @Bean
    @ConditionalOnMissingBean
    TandemCacheMetrics tandemCacheMetrics(FgaClient client, MeterRegistry registry) {
      return new TandemCacheMetrics(client, registry);
    }
  }

  /**
   * The {@code tandem} health indicator, with Spring Boot's health module (Actuator); off with
   * {@code management.health.tandem.enabled=false}.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  static class HealthConfiguration {
    // On the method, not the class: its condition class is only loaded once the class condition
    // above has found the health module.
    @Bean
    @ConditionalOnEnabledHealthIndicator("tandem")
    @ConditionalOnMissingBean(value = TandemHealthIndicator.class, name = "tandemHealthIndicator")
    TandemHealthIndicator tandemHealthIndicator(FgaClient client, TandemProperties properties) {
      return new TandemHealthIndicator(client, properties.getMode());
    }
  }

  /** Problem-detail rendering of denials in servlet applications with Spring MVC. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
  static class WebMvcConfiguration {
    @Bean
    @ConditionalOnMissingBean
    TandemProblemHandler tandemProblemHandler(TandemProperties properties) {
      return new TandemProblemHandler(properties.getRetryAfter());
    }
  }

  /**
   * Makes sure an auto-proxy creator exists, with class proxies, so that the advisor applies even
   * without Spring Boot's AOP auto-configuration or method security.
   */
  static final class AutoProxying implements ImportBeanDefinitionRegistrar {
    @Override
    public void registerBeanDefinitions(
        AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
      AopConfigUtils.registerAutoProxyCreatorIfNecessary(registry);
      AopConfigUtils.forceAutoProxyCreatorToUseClassProxying(registry);
    }
  }
}
