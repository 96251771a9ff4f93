package dev.tandem.sample.data;

import dev.tandem.core.tuple.TupleKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Who is who in the sample, as data and as relationship tuples of the reference model ({@code
 * docs/models/project-management.fga}).
 *
 * <pre>
 * acme    admin dave (alice's manager); members alice, bob, carol
 *   team platform (alice, bob)          project apollo       restricted to the team
 *   team sales    (carol)               project helios       restricted to the team
 *   team all-hands (alice, bob, carol)  project town-square  every acme member views and creates
 *   group acme-all (alice, bob, carol, dave): the company mailing list
 *   service account reporting-bot: reader of acme
 * globex  admin erin
 *   team globex-core (erin)             project zeus
 *   service account globex-bot: reader of globex
 * </pre>
 */
public final class SampleData {

  /** The users of acme. */
  public static final List<String> ACME_USERS = List.of("alice", "bob", "carol", "dave");

  /** The users of globex. */
  public static final List<String> GLOBEX_USERS = List.of("erin");

  /** The projects. */
  public static final List<String> PROJECTS = List.of("apollo", "helios", "town-square", "zeus");

  static final Comparator<Ticket> BY_ID =
      Comparator.comparing(Ticket::projectId)
          .thenComparingInt(ticket -> number(ticket.id()))
          .thenComparing(Ticket::id);

  /** The seeded tickets; each mentions its status. */
  static final List<Ticket> TICKETS =
      List.of(
          ticket("apollo-1", "Launch checklist", "Status: green. Fuel loading rehearsed.", "alice"),
          ticket("apollo-2", "Telemetry gaps", "Status: amber, two sensors drop out.", "bob"),
          ticket("apollo-3", "Crew schedule", "Status update: the crew rota is signed off.", "bob"),
          ticket("helios-1", "Q3 pipeline", "Status: 14 deals open, 3 at risk.", "carol"),
          ticket("helios-2", "Pricing review", "Status: waiting for finance.", "carol"),
          ticket("town-square-1", "Office move", "Status: boxes arrive Monday.", "dave"),
          ticket("town-square-2", "Coffee machine", "Status: fixed, again.", "carol"),
          ticket("zeus-1", "Merger plan", "Status: confidential draft under review.", "erin"));

  private SampleData() {}

  /** Every tuple of the sample, tickets included. */
  public static List<TupleKey> tuples() {
    List<TupleKey> t = new ArrayList<>();
    tenant(t, "acme", "dave", List.of("alice", "bob", "carol"), "reporting-bot");
    tenant(t, "globex", "erin", List.of(), "globex-bot");
    t.add(TupleKey.of("user:alice", "manager", "user:dave"));
    team(t, "platform", "acme", List.of("alice", "bob"));
    team(t, "sales", "acme", List.of("carol"));
    team(t, "all-hands", "acme", List.of("alice", "bob", "carol"));
    team(t, "globex-core", "globex", List.of("erin"));
    t.add(TupleKey.of("project:apollo", "team", "team:platform"));
    t.add(TupleKey.of("project:helios", "team", "team:sales"));
    t.add(TupleKey.of("project:town-square", "team", "team:all-hands"));
    t.add(TupleKey.of("project:town-square", "viewer", "organization:acme#member"));
    t.add(TupleKey.of("project:zeus", "team", "team:globex-core"));
    t.add(TupleKey.of("group:acme-all", "organization", "organization:acme"));
    for (String user : ACME_USERS) {
      t.add(TupleKey.of("group:acme-all", "member", "user:" + user));
    }
    for (Ticket ticket : TICKETS) {
      t.addAll(Tickets.tuples(ticket));
    }
    return t;
  }

  private static void tenant(
      List<TupleKey> t, String org, String admin, List<String> members, String reader) {
    String organization = "organization:" + org;
    t.add(TupleKey.of(organization, "admin", "user:" + admin));
    t.add(TupleKey.of("user:" + admin, "organization", organization));
    for (String member : members) {
      t.add(TupleKey.of(organization, "member", "user:" + member));
      t.add(TupleKey.of("user:" + member, "organization", organization));
    }
    t.add(TupleKey.of(organization, "service_account", "client:" + reader));
    t.add(TupleKey.of(organization, "reader", "client:" + reader));
  }

  private static void team(List<TupleKey> t, String team, String org, List<String> members) {
    t.add(TupleKey.of("team:" + team, "organization", "organization:" + org));
    for (String member : members) {
      t.add(TupleKey.of("team:" + team, "member", "user:" + member));
    }
  }

  private static Ticket ticket(String id, String title, String description, String reporter) {
    String project = id.substring(0, id.lastIndexOf('-'));
    return new Ticket(id, project, title, description, "user:" + reporter);
  }

  private static int number(String id) {
    try {
      return Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }
}
