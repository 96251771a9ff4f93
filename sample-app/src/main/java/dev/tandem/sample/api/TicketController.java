package dev.tandem.sample.api;

import dev.tandem.core.annotation.RequiresRelation;
import dev.tandem.sample.data.Ticket;
import dev.tandem.sample.data.Tickets;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** One ticket. */
@RestController
class TicketController {

  private final Tickets tickets;

  TicketController(Tickets tickets) {
    this.tickets = tickets;
  }

  // A ticket that does not exist has no tuples, so it is denied (403) like a hidden one: callers
  // learn nothing about which ids exist.
  @GetMapping("/api/tickets/{ticketId}")
  @RequiresRelation(value = "can_view", on = "#ticketId", type = "ticket")
  Ticket ticket(@PathVariable String ticketId) {
    return tickets
        .find(ticketId)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }
}
