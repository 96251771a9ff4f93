package dev.tandem.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.tandem.spring.TandemHealthIndicator;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The public {@code /actuator/health} reuses its answer (application.yaml), so a flood of anonymous
 * calls does not become one model read each.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "server.address=127.0.0.1")
@Import(TestClock.class)
class ActuatorHealthCacheTest {

  @LocalServerPort int port;

  @MockitoSpyBean TandemHealthIndicator tandem;

  @Test
  void healthWhenAskedRepeatedlyWithoutTokenThenModelReadOnce() {
    Http http = Http.api(URI.create("http://127.0.0.1:" + port));
    for (int i = 0; i < 5; i++) {
      assertThat(http.get("/actuator/health", null).status()).isEqualTo(200);
    }

    verify(tandem, times(1)).health();
  }
}
