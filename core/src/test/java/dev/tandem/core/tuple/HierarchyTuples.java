package dev.tandem.core.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Generated tuples of an org, team, project and ticket hierarchy, shaped like the data of
 * DESIGN.md's performance targets: for {@code n} tuples, {@code n / 1000} teams (each in one of
 * {@code n / 100000} orgs), {@code n / 10} users in about 1.5 teams each, {@code n / 100} projects
 * owned by one team each, and tickets in one project each for the rest (84% of the tuples).
 */
final class HierarchyTuples {

  final int orgs;
  final int teams;
  final int users;
  final int memberships;
  final int projects;
  final int tickets;

  HierarchyTuples(int n) {
    orgs = Math.max(1, n / 100_000);
    teams = Math.max(2, n / 1_000);
    users = Math.max(1, n / 10);
    memberships = users * 3 / 2;
    projects = Math.max(1, n / 100);
    tickets = n - teams - memberships - projects;
    if (tickets < 0) {
      throw new IllegalArgumentException(n + " tuples are too few for a hierarchy");
    }
  }

  int size() {
    return teams + memberships + projects + tickets;
  }

  String team(int i) {
    return "team:t" + i;
  }

  String user(int i) {
    return "user:u" + i;
  }

  String project(int i) {
    return "project:p" + i;
  }

  String ticket(int i) {
    return "ticket:t" + (100_000 + i);
  }

  /** Passes every tuple, in batches of at most {@code batchSize}, to {@code sink}. */
  void forEachBatch(int batchSize, Consumer<List<TupleKey>> sink) {
    List<TupleKey> batch = new ArrayList<>(batchSize);
    Consumer<TupleKey> add =
        tuple -> {
          batch.add(tuple);
          if (batch.size() == batchSize) {
            sink.accept(List.copyOf(batch));
            batch.clear();
          }
        };
    for (int t = 0; t < teams; t++) {
      add.accept(TupleKey.of(team(t), "org", "org:o" + t % orgs));
    }
    for (int m = 0; m < memberships; m++) {
      // every user in one team, every other user in a second, different one
      int u = m < users ? m : 2 * (m - users) + 1;
      int first = (int) (u * 7L % teams);
      int t = m < users ? first : (first + 1 + u % (teams - 1)) % teams;
      add.accept(TupleKey.of(team(t), "member", user(u)));
    }
    for (int p = 0; p < projects; p++) {
      add.accept(TupleKey.of(project(p), "team", team((int) (p * 31L % teams))));
    }
    for (int k = 0; k < tickets; k++) {
      add.accept(TupleKey.of(ticket(k), "project", project((int) (k * 7919L % projects))));
    }
    if (!batch.isEmpty()) {
      sink.accept(List.copyOf(batch));
    }
  }

  /** Writes every tuple into {@code store}, 100 at a time. */
  void load(TupleStore store) {
    forEachBatch(100, batch -> store.write(batch, List.of()));
  }
}
