package dev.tandem.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ConfigurationMetadataTest {

  @Test
  void everyPropertyHasADescription() throws Exception {
    JsonNode metadata;
    try (InputStream in =
        getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("generated configuration metadata").isNotNull();
      metadata = JsonMapper.builder().build().readTree(in);
    }
    JsonNode properties = metadata.get("properties");
    assertThat(properties.size()).isGreaterThan(25);
    for (JsonNode property : properties) {
      assertThat(property.path("description").asString(""))
          .as(property.get("name").asString())
          .isNotBlank();
    }
  }
}
