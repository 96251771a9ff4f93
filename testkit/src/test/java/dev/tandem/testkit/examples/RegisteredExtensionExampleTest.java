package dev.tandem.testkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.client.FgaClient;
import dev.tandem.core.engine.ListObjectsRequest;
import dev.tandem.testkit.TandemTestkitExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

// tag::builder[]
class RegisteredExtensionExampleTest {

  @RegisterExtension
  static TandemTestkitExtension fga =
      TandemTestkitExtension.builder()
          .model("classpath:testkit/model.json")
          .tuples("classpath:testkit/tuples.json")
          .build();

  @Test
  void daveSeesOnlyTheReadme(FgaClient client) {
    ListObjectsRequest daveViews = ListObjectsRequest.of("document", "viewer", "user:dave");

    assertThat(client.listObjects(daveViews)).containsExactly("document:readme");
  }
}
// end::builder[]
