package dev.tandem.sample.api;

import dev.tandem.core.annotation.AuthenticatedOnly;
import dev.tandem.core.annotation.RequiresRelation;
import dev.tandem.core.authz.Authorizer;
import dev.tandem.sample.data.Ticket;
import dev.tandem.sample.data.Tickets;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Projects and their tickets. */
@RestController
class ProjectController {

  private static final int MAX_TITLE = 200;
  private static final int MAX_DESCRIPTION = 10_000;

  private final Authorizer authorizer;
  private final Callers callers;
  private final Tickets tickets;

  ProjectController(Authorizer authorizer, Callers callers, Tickets tickets) {
    this.authorizer = authorizer;
    this.callers = callers;
    this.tickets = tickets;
  }

  /** The ids of the projects every principal behind the request may view. */
  @GetMapping("/api/projects")
  @AuthenticatedOnly
  List<String> projects() {
    return authorizer.listObjects(callers.current(), "can_view", "project").stream()
        .map(object -> object.substring("project:".length()))
        .sorted()
        .toList();
  }

  // tag::tickets[]
  @GetMapping("/api/projects/{projectId}/tickets")
  @RequiresRelation(value = "can_view", on = "#projectId", type = "project")
  List<Ticket> tickets(@PathVariable String projectId) {
    return tickets.ofProject(projectId);
  }

  // end::tickets[]

  /** A new ticket; 201 with its location. */
  @PostMapping("/api/projects/{projectId}/tickets")
  @RequiresRelation(value = "can_create_ticket", on = "#projectId", type = "project")
  ResponseEntity<Ticket> create(@PathVariable String projectId, @RequestBody NewTicket body) {
    if (body.title() == null || body.title().isBlank() || body.title().length() > MAX_TITLE) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "title must hold 1 to " + MAX_TITLE + " characters");
    }
    String description = body.description() == null ? "" : body.description();
    if (description.length() > MAX_DESCRIPTION) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST,
          "description must hold at most " + MAX_DESCRIPTION + " characters");
    }
    Ticket ticket =
        tickets.create(projectId, body.title(), description, Callers.subject(callers.current()));
    return ResponseEntity.created(URI.create("/api/tickets/" + ticket.id())).body(ticket);
  }
}
