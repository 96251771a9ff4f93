package dev.tandem.sample;

import dev.tandem.core.actor.SubjectMapper;
import dev.tandem.core.authz.Authorizer;
import dev.tandem.core.authz.Conventions;
import dev.tandem.core.authz.TaskGrants;
import dev.tandem.core.client.FgaClient;
import dev.tandem.sample.data.RemoteStoreBootstrap;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Tandem's beans that share one clock: the authorizer sends the current time with every check, and
 * task grants expire by it. The starter backs off its own {@link Authorizer} and {@link TaskGrants}
 * for these; its {@code Consents} bean is used as it is.
 */
@Configuration(proxyBeanMethods = false)
class TandemSetup {

  /** Creates and seeds a store when the app runs remote without a store id. */
  @Bean
  static RemoteStoreBootstrap remoteStoreBootstrap(ConfigurableEnvironment env) {
    return new RemoteStoreBootstrap(env);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  Authorizer authorizer(FgaClient fga, Clock clock) {
    return Authorizer.builder(fga).clock(clock).build();
  }

  @Bean
  TaskGrants taskGrants(FgaClient fga, Clock clock) {
    return TaskGrants.create(fga, SubjectMapper.defaults(), Conventions.DEFAULT, clock);
  }
}
