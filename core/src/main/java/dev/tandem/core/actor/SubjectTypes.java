package dev.tandem.core.actor;

import dev.tandem.core.tuple.Identifiers;

/**
 * The FGA types the principals of an {@link Actor} map to.
 *
 * @param user the type of users, {@code user}
 * @param client the type of OAuth clients (service accounts and apps), {@code client}
 * @param consent the type of consents (app acting for a user), {@code consent}
 * @param task the type of agent tasks, {@code task}
 * @param agent the type of agents, {@code agent}
 */
public record SubjectTypes(String user, String client, String consent, String task, String agent) {

  /** {@code user}, {@code client}, {@code consent}, {@code task}, {@code agent}. */
  public static final SubjectTypes DEFAULT =
      new SubjectTypes("user", "client", "consent", "task", "agent");

  public SubjectTypes {
    Identifiers.validateType(user);
    Identifiers.validateType(client);
    Identifiers.validateType(consent);
    Identifiers.validateType(task);
    Identifiers.validateType(agent);
  }
}
