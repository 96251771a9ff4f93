package dev.tandem.core.authz;

import dev.tandem.core.actor.Actor;
import dev.tandem.core.client.FgaClient;
import dev.tandem.core.tuple.TupleKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Prints how long {@link Authorizer#filter} takes for 10,000 tickets on the embedded client, for a
 * user alone and for a user with an agent task. Not a test, and not a number of record (JMH in
 * {@code benchmarks/} is). Run after {@code mvn -pl core test-compile} from the checkout root with
 *
 * <pre>
 * java -cp core/target/classes:core/target/test-classes:$(cat cp.txt) \
 *     dev.tandem.core.authz.FilterTimingReport [candidates]
 * </pre>
 *
 * <p>where {@code cp.txt} holds the output of {@code mvn -pl core dependency:build-classpath}.
 */
public final class FilterTimingReport {

  private FilterTimingReport() {}

  /**
   * Runs the report.
   *
   * @param args optionally the number of candidates, 10,000 by default
   */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    ProjectManagement pm = new ProjectManagement(FgaClient.builder().embedded().build());
    List<TupleKey> tuples = new ArrayList<>();
    int projects = 100;
    for (int t = 0; t < 10; t++) {
      tuples.add(TupleKey.of("team:t" + t, "organization", "organization:acme"));
      if (t < 5) {
        tuples.add(TupleKey.of("team:t" + t, "member", "user:alice"));
      }
    }
    for (int p = 0; p < projects; p++) {
      tuples.add(TupleKey.of("project:p" + p, "team", "team:t" + (p % 10)));
    }
    List<String> candidates = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      tuples.add(TupleKey.of("ticket:k" + i, "project", "project:p" + (i % projects)));
      candidates.add("ticket:k" + i);
    }
    pm.write(tuples);
    List<Permission> grants = new ArrayList<>();
    for (int p = 0; p < 20; p++) {
      grants.add(Permission.of("can_view", "project:p" + (p * 10 % projects + p / 10)));
    }
    String task = pm.tasks.start("alice", "rag", grants, Duration.ofHours(1));
    Actor user = Actor.user("alice");
    Actor agent = user.withAgentTask("rag", task);

    report("user alone", pm.authorizer, user, candidates);
    report("user + task", pm.authorizer, agent, candidates);
  }

  private static void report(
      String label, Authorizer authorizer, Actor actor, List<String> candidates) {
    int allowed = 0;
    long[] millis = new long[30];
    for (int warmup = 0; warmup < 30; warmup++) {
      authorizer.filter(actor, "can_view", candidates);
    }
    for (int i = 0; i < millis.length; i++) {
      long start = System.nanoTime();
      allowed = authorizer.filter(actor, "can_view", candidates).size();
      millis[i] = (System.nanoTime() - start) / 1_000;
    }
    Arrays.sort(millis);
    System.out.printf(
        "%-12s %,d candidates -> %,d allowed: median %.1f ms, min %.1f ms, max %.1f ms%n",
        label,
        candidates.size(),
        allowed,
        millis[millis.length / 2] / 1000.0,
        millis[0] / 1000.0,
        millis[millis.length - 1] / 1000.0);
  }
}
