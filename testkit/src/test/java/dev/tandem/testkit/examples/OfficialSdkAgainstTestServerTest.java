package dev.tandem.testkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfga.sdk.api.client.OpenFgaClient;
import dev.openfga.sdk.api.client.model.ClientCheckRequest;
import dev.openfga.sdk.api.configuration.ClientConfiguration;
import dev.tandem.testkit.OpenFgaTestServer;
import dev.tandem.testkit.TandemTest;
import dev.tandem.testkit.TestStore;
import org.junit.jupiter.api.Test;

// tag::server[]
@TandemTest(model = "classpath:testkit/model.fga", tuples = "classpath:testkit/tuples.yaml")
class OfficialSdkAgainstTestServerTest {

  @Test
  void groupMemberCanViewThroughTheFolder(OpenFgaTestServer server, TestStore store)
      throws Exception {
    OpenFgaClient fga =
        new OpenFgaClient(
            new ClientConfiguration()
                .apiUrl(server.uri().toString())
                .storeId(store.id())
                .authorizationModelId(store.modelId()));

    var bobViews =
        new ClientCheckRequest().user("user:bob").relation("viewer")._object("document:roadmap");

    assertThat(fga.check(bobViews).get().getAllowed()).isTrue();
  }
}
// end::server[]
