package dev.tandem.testkit;

import dev.tandem.core.client.FgaClient;
import dev.tandem.core.client.RemoteOptions;
import dev.tandem.core.client.WriteRequest;
import dev.tandem.core.conformance.ConformanceBackend;
import dev.tandem.core.conformance.ConformanceSuite.Extras;
import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.engine.ListObjectsRequest;
import dev.tandem.core.engine.ListUsersRequest;
import dev.tandem.core.model.ModelDsl;
import dev.tandem.core.tuple.TupleKey;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * The conformance backend over {@link dev.tandem.core.client.RemoteFgaClient}: every request goes
 * through Tandem's remote client, its codec and the OpenFGA HTTP API to the test server.
 */
final class RemoteClientConformanceBackend implements ConformanceBackend {

  private final OpenFgaTestServer server;

  RemoteClientConformanceBackend(OpenFgaTestServer server) {
    this.server = server;
  }

  @Override
  public Store newStore() {
    String storeId = server.stores().create("conformance").id();
    FgaClient client =
        FgaClient.builder()
            .remote(RemoteOptions.defaults(URI.create(server.uri().toString())))
            .storeId(storeId)
            .build();
    return new Store() {
      @Override
      public void writeModel(String dsl) {
        client.writeAuthorizationModel(ModelDsl.parse(dsl));
      }

      @Override
      public void writeTuples(List<TupleKey> tuples) {
        client.write(new WriteRequest(tuples, List.of()));
      }

      @Override
      public boolean check(String object, String relation, String user, Extras extras) {
        return client
            .check(
                new CheckRequest(
                    object, relation, user, extras.contextualTuples(), extras.context()))
            .allowed();
      }

      @Override
      public Set<String> listObjects(String type, String relation, String user, Extras extras) {
        return client.listObjects(
            new ListObjectsRequest(
                type, relation, user, extras.contextualTuples(), extras.context()));
      }

      @Override
      public Set<String> listUsers(
          String object, String relation, List<String> filters, Extras extras) {
        return client.listUsers(
            new ListUsersRequest(
                object, relation, filters, extras.contextualTuples(), extras.context()));
      }
    };
  }
}
