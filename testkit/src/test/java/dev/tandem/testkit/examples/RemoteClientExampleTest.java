package dev.tandem.testkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.client.CacheOptions;
import dev.tandem.core.client.CoalescingOptions;
import dev.tandem.core.client.Credentials;
import dev.tandem.core.client.FgaClient;
import dev.tandem.core.client.RemoteFgaClient;
import dev.tandem.core.client.RemoteOptions;
import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.model.ModelDsl;
import dev.tandem.core.tuple.TupleKey;
import dev.tandem.testkit.OpenFgaTestServer;
import dev.tandem.testkit.TestStore;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The code shown in docs/remote.md, compiled and run against the testkit server. */
class RemoteClientExampleTest {

  private static final String MODEL =
      """
      model
        schema 1.1
      type user
      type project
        relations
          define viewer: [user]
      """;

  @Test
  void remoteClientWhenPointedAtAnOpenFgaServerThenAnswersLikeTheEmbeddedOne() {
    try (OpenFgaTestServer server = new OpenFgaTestServer().start()) {
      TestStore store =
          server.createStore(
              "docs",
              ModelDsl.parse(MODEL),
              List.of(TupleKey.of("project:apollo", "viewer", "user:alice")));
      URI apiUrl = server.uri();
      String storeId = store.id();

      // tag::remote[]
      FgaClient fga =
          FgaClient.builder()
              .remote(apiUrl) // e.g. http://openfga:8080
              .storeId(storeId)
              .cache(CacheOptions.defaults()) // 10 s expire-after-write
              .coalescing(CoalescingOptions.defaults()) // 2 ms window, batches of 50
              .build();

      boolean allowed =
          fga.check(CheckRequest.of("project:apollo", "viewer", "user:alice")).allowed();
      // end::remote[]

      assertThat(allowed).isTrue();
      fga.close();
    }
  }

  @Test
  void auth0FgaOptionsWhenBuiltThenUseClientCredentials() {
    String clientId = "my-client-id";
    String clientSecret = "my-client-secret";
    String storeId = "01HXYZ0000000000000000000A";
    // tag::auth0[]
    RemoteOptions auth0 =
        new RemoteOptions(
            URI.create("https://api.us1.fga.dev"),
            Credentials.clientCredentials(
                URI.create("https://auth.fga.dev/oauth/token"),
                clientId,
                clientSecret,
                "https://api.us1.fga.dev/",
                List.of()),
            Duration.ofSeconds(2), // connect
            Duration.ofSeconds(2), // per attempt
            Duration.ofSeconds(5), // per call, retries included
            3, // retries on 429 and 5xx (not 501)
            Duration.ofMillis(50), // first backoff, doubled with jitter
            Duration.ofSeconds(2), // longest Retry-After honoured
            64); // pooled connections

    FgaClient fga = FgaClient.builder().remote(auth0).storeId(storeId).build();
    // end::auth0[]

    assertThat(fga).isInstanceOf(RemoteFgaClient.class);
    assertThat(auth0.credentials().toString()).doesNotContain(clientSecret);
    fga.close();
  }
}
