package dev.tandem.core.authz;

import dev.tandem.core.actor.SubjectMapper;
import dev.tandem.core.client.FgaClient;
import dev.tandem.core.client.WriteRequest;
import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.model.ModelDsl;
import dev.tandem.core.testing.Checkout;
import dev.tandem.core.testing.MutableClock;
import dev.tandem.core.tuple.TupleKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference model {@code docs/models/project-management.fga} on an embedded client, with two
 * tenants:
 *
 * <pre>
 * acme    admin olivia; members alice, dave (alice's manager), erin
 *   team eng  (lead dave, member alice): projects apollo (tickets a1, a2), zeus (z1)
 *   team ops  (member erin):             projects secret (s1), handbook (h1, visible to all of acme)
 *   group acme-all (alice, dave, erin); service account acme-ci (reader)
 * globex  admin gina; team gx: project gproj (g1); service account globex-ci (reader)
 * </pre>
 */
final class ProjectManagement {

  static final String MODEL_PATH = "docs/models/project-management.fga";
  static final Instant START = Instant.parse("2026-03-02T09:00:00.250Z");

  final MutableClock clock = new MutableClock(START);
  final CountingFgaClient client;
  final Authorizer authorizer;
  final Consents consents;
  final TaskGrants tasks;

  ProjectManagement() {
    this(FgaClient.builder().embedded().build());
  }

  ProjectManagement(FgaClient embedded) {
    client = new CountingFgaClient(embedded);
    client.writeAuthorizationModel(model());
    write(tuples());
    authorizer = Authorizer.builder(client).clock(clock).build();
    consents = Consents.create(client);
    tasks = TaskGrants.create(client, SubjectMapper.defaults(), Conventions.DEFAULT, clock);
    client.reset();
  }

  static AuthorizationModel model() {
    return ModelDsl.parse(Checkout.read(MODEL_PATH));
  }

  /** An authorizer over another client (a failing one, say) with this fixture's clock. */
  Authorizer authorizerOver(FgaClient other) {
    return Authorizer.builder(other).clock(clock).build();
  }

  void write(List<TupleKey> tuples) {
    for (int from = 0; from < tuples.size(); from += 100) {
      client.write(
          new WriteRequest(tuples.subList(from, Math.min(tuples.size(), from + 100)), List.of()));
    }
  }

  private static List<TupleKey> tuples() {
    List<TupleKey> t = new ArrayList<>();
    t.add(tuple("organization:acme", "admin", "user:olivia"));
    for (String user : List.of("alice", "dave", "erin")) {
      t.add(tuple("organization:acme", "member", "user:" + user));
      t.add(tuple("user:" + user, "organization", "organization:acme"));
      t.add(tuple("group:acme-all", "member", "user:" + user));
    }
    t.add(tuple("group:acme-all", "organization", "organization:acme"));
    t.add(tuple("user:alice", "manager", "user:dave"));
    t.add(tuple("team:eng", "organization", "organization:acme"));
    t.add(tuple("team:eng", "lead", "user:dave"));
    t.add(tuple("team:eng", "member", "user:alice"));
    t.add(tuple("team:ops", "organization", "organization:acme"));
    t.add(tuple("team:ops", "member", "user:erin"));
    t.add(tuple("project:apollo", "team", "team:eng"));
    t.add(tuple("project:zeus", "team", "team:eng"));
    t.add(tuple("project:secret", "team", "team:ops"));
    t.add(tuple("project:handbook", "team", "team:ops"));
    t.add(tuple("project:handbook", "viewer", "organization:acme#member"));
    t.add(tuple("ticket:a1", "project", "project:apollo"));
    t.add(tuple("ticket:a2", "project", "project:apollo"));
    t.add(tuple("ticket:z1", "project", "project:zeus"));
    t.add(tuple("ticket:s1", "project", "project:secret"));
    t.add(tuple("ticket:h1", "project", "project:handbook"));
    t.add(tuple("organization:acme", "service_account", "client:acme-ci"));
    t.add(tuple("organization:acme", "reader", "client:acme-ci"));
    t.add(tuple("organization:globex", "admin", "user:gina"));
    t.add(tuple("team:gx", "organization", "organization:globex"));
    t.add(tuple("project:gproj", "team", "team:gx"));
    t.add(tuple("ticket:g1", "project", "project:gproj"));
    t.add(tuple("organization:globex", "service_account", "client:globex-ci"));
    t.add(tuple("organization:globex", "reader", "client:globex-ci"));
    return t;
  }

  static TupleKey tuple(String object, String relation, String user) {
    return TupleKey.of(object, relation, user);
  }
}
