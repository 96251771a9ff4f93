package dev.tandem.spring.woven;

import dev.tandem.core.annotation.AuthenticatedOnly;
import dev.tandem.core.annotation.FilterByRelation;
import dev.tandem.core.annotation.PublicEndpoint;
import dev.tandem.core.annotation.RequiresRelation;
import dev.tandem.spring.app.CanCreateTicket;
import java.util.List;

/** A class that is not a Spring bean, woven with the Tandem aspect at load time. */
public class PlainService {

  /**
   * A project's name, for those who may view it.
   *
   * @param project the project id
   * @return the project's name
   */
  @RequiresRelation(value = "can_view", on = "#project", type = "project")
  public String view(String project) {
    return "project " + project;
  }

  /**
   * A project's name, for those who may both view and edit it.
   *
   * @param project the project id
   * @return the project's name
   */
  @RequiresRelation(value = "can_view", on = "#project", type = "project")
  @RequiresRelation(value = "can_edit", on = "#project", type = "project")
  public String edit(String project) {
    return "editing " + project;
  }

  /**
   * A new ticket, for those who may create tickets in the project: a meta-annotation.
   *
   * @param projectId the project id
   * @return the ticket
   */
  @CanCreateTicket
  public String createTicket(String projectId) {
    return "ticket in " + projectId;
  }

  /**
   * A project's name, for its maintainers: a meta-annotation of a meta-annotation.
   *
   * @param project the project id
   * @return the project's name
   */
  @Maintains
  public String maintain(String project) {
    return "maintaining " + project;
  }

  /**
   * The given projects the actor may view.
   *
   * @param projects project ids
   * @return those the actor may view, in order
   */
  @FilterByRelation(value = "can_view", type = "project", id = "#this")
  public List<String> visible(String... projects) {
    return List.of(projects);
  }

  /**
   * For any authenticated actor.
   *
   * @return a constant
   */
  @AuthenticatedOnly
  public String me() {
    return "me";
  }

  /**
   * Contradictory: startup validation rejects this on a bean, so the call fails.
   *
   * @return a constant, never
   */
  @PublicEndpoint
  @AuthenticatedOnly
  public String undecided() {
    return "undecided";
  }

  /**
   * Not annotated: neither checked nor woven.
   *
   * @return the name of the method its body runs in: {@code open} unless the weaver moved the body
   *     into an around-advice method
   */
  public String open() {
    return StackWalker.getInstance()
        .walk(frames -> frames.findFirst().orElseThrow().getMethodName());
  }
}
