package dev.tandem.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.testkit.OpenFgaTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The scenarios with {@code tandem.mode=remote} against an OpenFGA-compatible server over HTTP (the
 * testkit's): the app creates a store, writes the model and seeds it, then every check, consent and
 * task goes over the wire.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"server.address=127.0.0.1", "tandem.mode=remote"})
@Import(TestClock.class)
class RemoteScenariosTest extends ScenariosContract {

  private static final OpenFgaTestServer SERVER = new OpenFgaTestServer().start();

  @DynamicPropertySource
  static void server(DynamicPropertyRegistry registry) {
    registry.add("tandem.remote.api-url", () -> SERVER.uri().toString());
  }

  @Test
  void remoteWhenAppServesRequestsThenEveryDecisionGoesOverTheWire() {
    long before = SERVER.requestCount();
    assertThat(api.get("/api/projects/apollo/tickets", web("alice")).status()).isEqualTo(200);
    assertThat(SERVER.requestCount()).isGreaterThan(before);
  }

  @AfterAll
  static void stop() {
    SERVER.close();
  }
}
