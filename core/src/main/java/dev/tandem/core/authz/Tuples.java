package dev.tandem.core.authz;

import dev.tandem.core.client.FgaClient;
import dev.tandem.core.client.ReadPage;
import dev.tandem.core.client.ReadRequest;
import dev.tandem.core.client.WriteRequest;
import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.model.RelationDefinition;
import dev.tandem.core.model.RelationReference;
import dev.tandem.core.model.TypeDefinition;
import dev.tandem.core.tuple.TupleKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Reading and writing the tuples behind consents and tasks, within OpenFGA's limits. */
final class Tuples {

  /** OpenFGA's limit of tuples per write request. */
  static final int MAX_PER_WRITE = 100;

  private Tuples() {}

  /** Every tuple matching a read filter, all pages. */
  static List<TupleKey> readAll(
      FgaClient client, @Nullable String object, @Nullable String relation, @Nullable String user) {
    List<TupleKey> all = new ArrayList<>();
    ReadRequest request = ReadRequest.of(object, relation, user);
    while (true) {
      ReadPage page = client.read(request);
      all.addAll(page.tuples());
      if (!page.hasMore()) {
        return all;
      }
      request = request.next(page);
    }
  }

  /** Whether a tuple with this object, relation and user is stored. */
  static boolean exists(FgaClient client, TupleKey tuple) {
    for (TupleKey stored : readAll(client, tuple.object(), tuple.relation(), tuple.user())) {
      if (stored.withoutCondition().equals(tuple.withoutCondition())) {
        return true;
      }
    }
    return false;
  }

  /** Every stored tuple whose user is exactly {@code subject}, on any type that may name it. */
  static List<TupleKey> grantsTo(FgaClient client, String subject) {
    String subjectType = subject.substring(0, subject.indexOf(':'));
    return grantsTo(
        client, typesAccepting(client.readLatestAuthorizationModel(), subjectType), subject);
  }

  /** Every stored tuple on an object of {@code types} whose user is exactly {@code subject}. */
  static List<TupleKey> grantsTo(FgaClient client, Set<String> types, String subject) {
    List<TupleKey> grants = new ArrayList<>();
    for (String type : types) {
      for (TupleKey tuple : readAll(client, type + ":", null, subject)) {
        if (tuple.user().equals(subject)) {
          grants.add(tuple);
        }
      }
    }
    return grants;
  }

  /** The types with a relation that a plain {@code subjectType:id} may be directly assigned to. */
  static Set<String> typesAccepting(AuthorizationModel model, String subjectType) {
    Set<String> types = new LinkedHashSet<>();
    for (TypeDefinition type : model.types().values()) {
      for (RelationDefinition relation : type.relations().values()) {
        for (RelationReference reference : relation.directlyRelatedUserTypes()) {
          if (reference.type().equals(subjectType)
              && reference.relation() == null
              && !reference.wildcard()) {
            types.add(type.name());
          }
        }
      }
    }
    return types;
  }

  /** Writes in requests of at most {@link #MAX_PER_WRITE} tuples; each request is atomic. */
  static void write(FgaClient client, List<TupleKey> writes) {
    for (int from = 0; from < writes.size(); from += MAX_PER_WRITE) {
      List<TupleKey> part = writes.subList(from, Math.min(writes.size(), from + MAX_PER_WRITE));
      client.write(new WriteRequest(part, List.of()));
    }
  }

  /** Deletes in requests of at most {@link #MAX_PER_WRITE} tuples; each request is atomic. */
  static void delete(FgaClient client, List<TupleKey> deletes) {
    for (int from = 0; from < deletes.size(); from += MAX_PER_WRITE) {
      List<TupleKey> part = deletes.subList(from, Math.min(deletes.size(), from + MAX_PER_WRITE));
      client.write(new WriteRequest(List.of(), part));
    }
  }

  /** The id part of {@code type:id}. */
  static String id(String subject) {
    return subject.substring(subject.indexOf(':') + 1);
  }
}
