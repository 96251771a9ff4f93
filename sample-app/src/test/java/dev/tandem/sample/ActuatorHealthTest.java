package dev.tandem.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * Operators see on {@code /actuator/health}, without a token, whether Tandem can make decisions.
 * The app context is the one {@link EmbeddedScenariosTest} uses.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "server.address=127.0.0.1")
@Import(TestClock.class)
class ActuatorHealthTest {

  @LocalServerPort int port;

  @Test
  void healthWhenNoTokenThenTandemComponentUpWithoutDetails() {
    Http.Answer health =
        Http.api(URI.create("http://127.0.0.1:" + port)).get("/actuator/health", null);

    assertThat(health.status()).as(health.toString()).isEqualTo(200);
    JsonNode tandem = health.json().path("components").path("tandem");
    assertThat(tandem.path("status").asString()).isEqualTo("UP");
    assertThat(tandem.has("details")).as("details are not public").isFalse();
  }

  @Test
  void actuatorWhenOtherEndpointThenNotPublic() {
    Http.Answer env = Http.api(URI.create("http://127.0.0.1:" + port)).get("/actuator/env", null);

    assertThat(env.status()).as(env.toString()).isEqualTo(302);
    assertThat(env.header("Location")).endsWith("/login");
  }
}
