package dev.tandem.spring.woven;

import dev.tandem.core.annotation.RequiresRelation;

/**
 * A class that is not a Spring bean whose requirement is declared on the class: it applies to every
 * public instance method.
 */
@RequiresRelation(value = "can_view", on = "#project", type = "project")
public class ProjectReport {

  /**
   * A project's summary, for those who may view it.
   *
   * @param project the project id
   * @return the summary
   */
  public String summary(String project) {
    return "summary of " + project;
  }

  /**
   * Static: a class-level requirement does not apply, as for beans.
   *
   * @param project the project id
   * @return the title
   */
  public static String title(String project) {
    return "report on " + project;
  }
}
