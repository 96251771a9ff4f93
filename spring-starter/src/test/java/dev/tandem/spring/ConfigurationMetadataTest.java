package dev.tandem.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ConfigurationMetadataTest {

  @Test
  void everyPropertyHasADescription() throws Exception {
    JsonNode properties = properties();
    assertThat(properties.size()).isGreaterThan(25);
    for (JsonNode property : properties) {
      assertThat(property.path("description").asString(""))
          .as(property.get("name").asString())
          .isNotBlank();
    }
  }

  @Test
  void listDefaultsAreShownInIdeHelp() throws Exception {
    JsonNode properties = properties();
    assertThat(defaultOf(properties, "tandem.claims.client-ids"))
        .isEqualTo("[\"client_id\",\"azp\"]");
    assertThat(defaultOf(properties, "tandem.claims.service-account-grant-types"))
        .isEqualTo("[\"client-credentials\",\"client_credentials\"]");
  }

  @Test
  void healthIndicatorSwitchIsShownInIdeHelp() throws Exception {
    assertThat(defaultOf(properties(), "management.health.tandem.enabled")).isEqualTo("true");
  }

  private static String defaultOf(JsonNode properties, String name) {
    for (JsonNode property : properties) {
      if (property.get("name").asString().equals(name)) {
        return property.path("defaultValue").toString();
      }
    }
    throw new AssertionError("no property " + name);
  }

  private JsonNode properties() throws Exception {
    try (InputStream in =
        getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("generated configuration metadata").isNotNull();
      return JsonMapper.builder().build().readTree(in).get("properties");
    }
  }
}
