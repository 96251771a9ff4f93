package dev.tandem.jakarta;

import static dev.tandem.jakarta.RouteRulesHttpTest.RULES;
import static dev.tandem.jakarta.RouteRulesHttpTest.TOKENS;
import static dev.tandem.jakarta.RouteRulesHttpTest.assertProblem;
import static dev.tandem.jakarta.Tokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.core.FgaException;
import dev.tandem.core.authz.Authorizer;
import dev.tandem.core.client.FgaClient;
import dev.tandem.core.http.AuthorizationProblem;
import dev.tandem.testkit.OpenFgaEndpoint;
import dev.tandem.testkit.OpenFgaTestServer;
import dev.tandem.testkit.TestStore;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The filter over a remote store, end to end over HTTP, with the testkit's OpenFGA server: the
 * model is read from the server when the filter is built, requests are decided by it, and once it
 * is gone requests fail closed and a new filter cannot be built. The code shown in docs/jakarta.md.
 */
class RemoteStoreHttpTest {

  static final String ALICE = bearer(TOKENS.sign(TOKENS.user("alice")));
  static final String ERIN = bearer(TOKENS.sign(TOKENS.user("erin")));

  @Test
  void remoteStoreWhenServingThenAllowsAndDeniesAndWhenStoppedThenServiceUnavailable()
      throws Exception {
    try (OpenFgaTestServer openFga = new OpenFgaTestServer().start()) {
      TestStore store =
          openFga.createStore("jakarta", ReferenceModel.model(), ReferenceModel.TUPLES);
      URI apiUrl = openFga.uri();
      String storeId = store.id();
      ActorResolver resolver = RouteRulesHttpTest.resolver();

      // tag::remote[]
      FgaClient client = FgaClient.builder().remote(apiUrl).storeId(storeId).build();
      // build() reads the store's latest model and checks every rule against it
      TandemFilter filter =
          TandemFilter.builder(Authorizer.create(client))
              .routes(RULES)
              .actorResolver(resolver)
              .build();
      // end::remote[]

      try (client;
          JettyServer server = new JettyServer(filter)) {
        assertThat(openFga.requestCount(OpenFgaEndpoint.READ_AUTHORIZATION_MODELS)).isEqualTo(1);

        assertThat(server.get("/projects/apollo", "Authorization", ALICE).statusCode())
            .isEqualTo(200);
        assertProblem(
            server.get("/projects/apollo", "Authorization", ERIN),
            AuthorizationProblem.forbidden());
        assertThat(openFga.requestCount(OpenFgaEndpoint.BATCH_CHECK)).isPositive();
        assertThat(server.handled()).hasValue(1);

        openFga.close();

        assertProblem(
            server.get("/projects/apollo", "Authorization", ALICE),
            AuthorizationProblem.unavailable(Duration.ofSeconds(5)));
        assertThat(server.get("/health").statusCode()).isEqualTo(200);
        assertThat(server.handled()).hasValue(2);
        assertThatThrownBy(
                () ->
                    TandemFilter.builder(Authorizer.create(client))
                        .routes(RULES)
                        .actorResolver(resolver)
                        .build())
            .isInstanceOf(IllegalStateException.class)
            .hasMessageStartingWith(
                "the route rules cannot be checked: reading the latest authorization model of"
                    + " store '"
                    + storeId
                    + "' failed:")
            .hasCauseInstanceOf(FgaException.class);
      }
    }
  }
}
