package dev.tandem.sample;

import dev.tandem.core.testing.MutableClock;
import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock the tests move forward, to expire agent tasks without waiting. */
@TestConfiguration(proxyBeanMethods = false)
class TestClock {

  @Bean
  @Primary
  MutableClock testClock() {
    return new MutableClock(Instant.now());
  }
}
