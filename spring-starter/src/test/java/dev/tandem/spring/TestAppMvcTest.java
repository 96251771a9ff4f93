package dev.tandem.spring;

import dev.tandem.spring.app.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@link TestApp} over MockMvc with the reference model, the test tuples, first-party client {@code
 * web} and no cache; the backend is healthy before and after each test.
 */
@SpringBootTest(
    classes = TestApp.class,
    properties = {
      "tandem.tuples=classpath:tandem-tuples.yaml",
      "tandem.claims.first-party-clients=web",
      "tandem.cache.enabled=false"
    })
@AutoConfigureMockMvc
abstract class TestAppMvcTest {

  @DynamicPropertySource
  static void model(DynamicPropertyRegistry registry) {
    String property = Repo.modelProperty();
    registry.add("tandem.model", () -> property.substring("tandem.model=".length()));
  }

  @Autowired MockMvc mvc;

  @BeforeEach
  @AfterEach
  void healthyBackend() {
    TestApp.FAILING.set(false);
  }
}
