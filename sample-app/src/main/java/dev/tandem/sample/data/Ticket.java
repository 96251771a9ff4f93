package dev.tandem.sample.data;

import java.util.Objects;

/**
 * A ticket of a project.
 *
 * @param id the ticket id, e.g. {@code apollo-1}
 * @param projectId the project it belongs to
 * @param title a one-line summary
 * @param description the text
 * @param reporter who reported it, as an FGA subject: {@code user:alice} or {@code
 *     client:reporting-bot}
 */
public record Ticket(
    String id, String projectId, String title, String description, String reporter) {

  public Ticket {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(projectId, "projectId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(reporter, "reporter");
  }

  /** The FGA object of this ticket. */
  public String object() {
    return "ticket:" + id;
  }
}
