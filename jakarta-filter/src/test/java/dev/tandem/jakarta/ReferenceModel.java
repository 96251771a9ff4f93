package dev.tandem.jakarta;

import dev.tandem.core.client.FgaClient;
import dev.tandem.core.client.WriteRequest;
import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.model.ModelDsl;
import dev.tandem.core.testing.Checkout;
import dev.tandem.core.tuple.TupleKey;
import java.util.List;

/**
 * The reference model {@code docs/models/project-management.fga}, read from the checkout, with a
 * few tuples: team eng (lead dave, member alice) owns project apollo (ticket a1); team ops (member
 * erin) owns project secret.
 */
final class ReferenceModel {

  static final List<TupleKey> TUPLES =
      List.of(
          TupleKey.of("team:eng", "lead", "user:dave"),
          TupleKey.of("team:eng", "member", "user:alice"),
          TupleKey.of("team:ops", "member", "user:erin"),
          TupleKey.of("project:apollo", "team", "team:eng"),
          TupleKey.of("project:secret", "team", "team:ops"),
          TupleKey.of("ticket:a1", "project", "project:apollo"));

  private ReferenceModel() {}

  /** The model, not stored: its id is empty. */
  static AuthorizationModel model() {
    return ModelDsl.parse(Checkout.read("docs/models/project-management.fga"));
  }

  /** An embedded client holding the model and the tuples. */
  static FgaClient client() {
    FgaClient client = FgaClient.builder().embedded().build();
    client.writeAuthorizationModel(model());
    client.write(new WriteRequest(TUPLES, List.of()));
    return client;
  }
}
