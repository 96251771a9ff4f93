package dev.tandem.spring.woven;

import dev.tandem.core.annotation.RequiresRelation;

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
   * Not annotated: never checked.
   *
   * @return a constant
   */
  public String open() {
    return "open";
  }
}
