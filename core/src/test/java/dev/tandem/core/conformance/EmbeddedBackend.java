package dev.tandem.core.conformance;

import dev.tandem.core.conformance.ConformanceSuite.Extras;
import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.engine.Engine;
import dev.tandem.core.engine.ListObjectsRequest;
import dev.tandem.core.engine.ListUsersRequest;
import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.model.ModelDsl;
import dev.tandem.core.tuple.InMemoryTupleStore;
import dev.tandem.core.tuple.TupleKey;
import dev.tandem.core.tuple.TupleValidator;
import java.util.List;
import java.util.Set;

/** The conformance backend over {@link Engine} and {@link InMemoryTupleStore}. */
final class EmbeddedBackend implements ConformanceBackend {

  private final Engine engine = Engine.create();

  @Override
  public Store newStore() {
    return new Store() {
      private final InMemoryTupleStore tuples = new InMemoryTupleStore();
      private AuthorizationModel model;

      @Override
      public void writeModel(String dsl) {
        model = ModelDsl.parse(dsl);
      }

      @Override
      public void writeTuples(List<TupleKey> written) {
        for (TupleKey tuple : written) {
          TupleValidator.validateForWrite(model, tuple);
        }
        tuples.write(written, List.of());
      }

      @Override
      public boolean check(String object, String relation, String user, Extras extras) {
        return engine
            .check(
                model,
                tuples,
                new CheckRequest(
                    object, relation, user, extras.contextualTuples(), extras.context()))
            .allowed();
      }

      @Override
      public Set<String> listObjects(String type, String relation, String user, Extras extras) {
        return engine.listObjects(
            model,
            tuples,
            new ListObjectsRequest(
                type, relation, user, extras.contextualTuples(), extras.context()));
      }

      @Override
      public Set<String> listUsers(
          String object, String relation, List<String> filters, Extras extras) {
        return engine.listUsers(
            model,
            tuples,
            new ListUsersRequest(
                object, relation, filters, extras.contextualTuples(), extras.context()));
      }
    };
  }
}
