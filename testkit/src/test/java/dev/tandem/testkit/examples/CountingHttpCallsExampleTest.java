package dev.tandem.testkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfga.sdk.api.client.OpenFgaClient;
import dev.openfga.sdk.api.client.model.ClientBatchCheckItem;
import dev.openfga.sdk.api.client.model.ClientBatchCheckRequest;
import dev.openfga.sdk.api.configuration.ClientConfiguration;
import dev.tandem.core.model.ModelDsl;
import dev.tandem.core.tuple.TupleKey;
import dev.tandem.testkit.OpenFgaEndpoint;
import dev.tandem.testkit.OpenFgaTestServer;
import dev.tandem.testkit.TestStore;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CountingHttpCallsExampleTest {

  // tag::plain-server[]
  @Test
  void sdkSendsOneBatchCheckCallPerFiftyChecks() throws Exception {
    try (OpenFgaTestServer server =
        new OpenFgaTestServer().withLatency(Duration.ofMillis(5)).start()) {
      TestStore store =
          server.createStore(
              "demo",
              ModelDsl.parse(
                  """
                  model
                    schema 1.1
                  type user
                  type document
                    relations
                      define viewer: [user]
                  """),
              List.of(TupleKey.of("document:readme", "viewer", "user:dave")));
      OpenFgaClient fga =
          new OpenFgaClient(
              new ClientConfiguration().apiUrl(server.uri().toString()).storeId(store.id()));
      List<ClientBatchCheckItem> checks =
          IntStream.range(0, 60)
              .mapToObj(
                  i ->
                      new ClientBatchCheckItem()
                          .user("user:u" + i)
                          .relation("viewer")
                          ._object("document:readme")
                          .correlationId("check-" + i))
              .collect(Collectors.toList());

      fga.batchCheck(ClientBatchCheckRequest.ofChecks(checks)).get();

      assertThat(server.requestCount(OpenFgaEndpoint.BATCH_CHECK)).isEqualTo(2);
    }
  }
  // end::plain-server[]
}
