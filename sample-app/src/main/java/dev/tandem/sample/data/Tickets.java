package dev.tandem.sample.data;

import dev.tandem.core.client.FgaClient;
import dev.tandem.core.client.ReadRequest;
import dev.tandem.core.client.WriteRequest;
import dev.tandem.core.tuple.TupleKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * The tickets, in memory. Creating a ticket also writes the tuples that tie it to its project and
 * reporter, so that who may see it is known to Tandem the moment it exists.
 */
@Component
public class Tickets {

  private final Map<String, Ticket> byId = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> counters = new ConcurrentHashMap<>();
  private final FgaClient fga;
  private final TicketIndex index;

  public Tickets(FgaClient fga, TicketIndex index) {
    this.fga = fga;
    this.index = index;
    for (Ticket ticket : SampleData.TICKETS) {
      byId.put(ticket.id(), ticket);
      index.add(ticket);
      counter(ticket.projectId()).incrementAndGet();
    }
  }

  /**
   * A new ticket in {@code projectId}, reported by {@code reporter} (an FGA subject). Ids already
   * known to the store are skipped: a remote store outlives this in-memory list across restarts.
   */
  public Ticket create(String projectId, String title, String description, String reporter) {
    String id = projectId + "-" + counter(projectId).incrementAndGet();
    while (!fga.read(ReadRequest.of("ticket:" + id, "project", null)).tuples().isEmpty()) {
      id = projectId + "-" + counter(projectId).incrementAndGet();
    }
    Ticket ticket = new Ticket(id, projectId, title, description, reporter);
    fga.write(new WriteRequest(tuples(ticket), List.of()));
    byId.put(id, ticket);
    index.add(ticket);
    return ticket;
  }

  /** The ticket with this id. */
  public Optional<Ticket> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The tickets of a project, by id. */
  public List<Ticket> ofProject(String projectId) {
    return byId.values().stream()
        .filter(ticket -> ticket.projectId().equals(projectId))
        .sorted(SampleData.BY_ID)
        .toList();
  }

  /** Every ticket, by id. */
  public List<Ticket> all() {
    return byId.values().stream().sorted(SampleData.BY_ID).toList();
  }

  /** The tickets with these ids, in the given order; unknown ids are skipped. */
  public List<Ticket> get(Collection<String> ids) {
    List<Ticket> found = new ArrayList<>(ids.size());
    for (String id : ids) {
      Ticket ticket = byId.get(id);
      if (ticket != null) {
        found.add(ticket);
      }
    }
    return found;
  }

  /** The tuples that describe a ticket. */
  static List<TupleKey> tuples(Ticket ticket) {
    TupleKey project = TupleKey.of(ticket.object(), "project", "project:" + ticket.projectId());
    if (!ticket.reporter().startsWith("user:")) {
      return List.of(project);
    }
    return List.of(project, TupleKey.of(ticket.object(), "reporter", ticket.reporter()));
  }

  private AtomicInteger counter(String projectId) {
    return counters.computeIfAbsent(projectId, id -> new AtomicInteger());
  }
}
