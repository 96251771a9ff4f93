package dev.tandem.core.actor;

/**
 * Maps the principals of an {@link Actor} to FGA subjects ({@code type:id}).
 *
 * <p>Every method returns a plain {@code type:id} that is a valid OpenFGA object and user (never a
 * wildcard or a userset), or throws {@link InvalidActorException} for an id it will not map: one
 * that is empty, over-long, or carries characters that could change the meaning of a subject.
 * Different ids must map to different subjects. Implementations are thread-safe.
 *
 * <p>The default ({@link #defaults()}) maps a user to {@code user:{id}}, a client (service account
 * or app) to {@code client:{id}}, a task to {@code task:{id}}, an agent to {@code agent:{id}}, and
 * the consent of app {@code c} for user {@code u} to {@code consent:{base64url(c)}.{base64url(u)}},
 * an encoding that is collision-free for any pair of ids.
 */
public interface SubjectMapper {

  /** The default mapping over {@link SubjectTypes#DEFAULT}. */
  static SubjectMapper defaults() {
    return new DefaultSubjectMapper(SubjectTypes.DEFAULT);
  }

  /** The default mapping over other type names. */
  static SubjectMapper withTypes(SubjectTypes types) {
    return new DefaultSubjectMapper(types);
  }

  /** The types this mapper maps to. */
  SubjectTypes types();

  /** The subject of a user, e.g. {@code user:alice}. */
  String user(String userId);

  /** The subject of an OAuth client: a service account or an app, e.g. {@code client:ci-bot}. */
  String client(String clientId);

  /**
   * The consent subject of an app acting for a user: bound to both, so a grant to it serves only
   * that app for that user.
   */
  String consent(String clientId, String userId);

  /** The subject of an agent task, e.g. {@code task:01j9...}. */
  String task(String taskId);

  /** The subject of an agent, e.g. {@code agent:summarizer}. */
  String agent(String agentId);
}
