package dev.tandem.sample.api;

import dev.tandem.core.annotation.AuthenticatedOnly;
import dev.tandem.core.authz.Authorizer;
import dev.tandem.sample.data.Ticket;
import dev.tandem.sample.data.TicketIndex;
import dev.tandem.sample.data.Tickets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Retrieval-augmented answers over the tickets. Retrieval runs over every ticket; Tandem then keeps
 * only the tickets that every principal behind the request may view (for an agent: its user and its
 * task), and only those are read. An agent's answer can therefore never quote a ticket its task was
 * not given, even one its user may see.
 */
@RestController
class AssistantController {

  private static final int MAX_SOURCES = 5;
  private static final int MAX_QUESTION_LENGTH = 1_000;

  private final TicketIndex index;
  private final Tickets tickets;
  private final Authorizer authorizer;
  private final Callers callers;

  AssistantController(TicketIndex index, Tickets tickets, Authorizer authorizer, Callers callers) {
    this.index = index;
    this.tickets = tickets;
    this.authorizer = authorizer;
    this.callers = callers;
  }

  @PostMapping("/api/assistant/answers")
  @AuthenticatedOnly
  Answer answer(@RequestBody Question body) {
    String question = body.question();
    if (question == null || question.isBlank() || question.length() > MAX_QUESTION_LENGTH) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "question must hold 1 to " + MAX_QUESTION_LENGTH + " characters");
    }
    List<String> candidates = index.search(question).stream().map(id -> "ticket:" + id).toList();
    List<String> allowed = authorizer.filter(callers.current(), "can_view", candidates);
    List<String> ids =
        allowed.stream()
            .limit(MAX_SOURCES)
            .map(object -> object.substring("ticket:".length()))
            .toList();
    List<Ticket> sources = tickets.get(ids);
    return new Answer(summary(question, sources), ids);
  }

  private static String summary(String question, List<Ticket> sources) {
    if (sources.isEmpty()) {
      return "No ticket you may read matches \"" + question.strip() + "\".";
    }
    StringBuilder text = new StringBuilder();
    text.append(sources.size()).append(sources.size() == 1 ? " ticket matches" : " tickets match");
    for (Ticket ticket : sources) {
      text.append("\n- ")
          .append(ticket.id())
          .append(" (")
          .append(ticket.title())
          .append("): ")
          .append(ticket.description());
    }
    return text.toString();
  }
}
