package dev.tandem.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.client.FgaClient;
import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.engine.ListObjectsRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension registered with a builder instead of the annotation. */
class TandemTestkitExtensionRegisteredTest {

  @RegisterExtension
  static TandemTestkitExtension fga =
      TandemTestkitExtension.builder()
          .model("classpath:testkit/model.json")
          .tuples("classpath:testkit/tuples.json")
          .build();

  private static OpenFgaTestServer serverOfTheClass;

  @BeforeAll
  static void rememberTheServer(OpenFgaTestServer server) {
    serverOfTheClass = server;
  }

  @Test
  void registeredExtensionThenSeedsFromItsBuilder(FgaClient client) {
    assertThat(client.listObjects(ListObjectsRequest.of("document", "viewer", "user:dave")))
        .containsExactly("document:readme");
  }

  @Test
  void serverWhenAskedByManyMethodsOfAClassThenIsOneRunningServer(OpenFgaTestServer server) {
    assertThat(server).isSameAs(serverOfTheClass);
    assertThat(new Http(server.uri()).get("/stores").status()).isEqualTo(200);
  }

  @Test
  void storeOfATestThenDiffersFromTheStoreOfTheClass(FgaClient client, TestStore store) {
    assertThat(client.storeId()).isEqualTo(store.id());
    assertThat(serverOfTheClass.stores().list()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(client.check(CheckRequest.of("document:readme", "viewer", "user:dave")).allowed())
        .isTrue();
  }
}
