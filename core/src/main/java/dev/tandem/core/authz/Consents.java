package dev.tandem.core.authz;

import dev.tandem.core.actor.InvalidActorException;
import dev.tandem.core.actor.SubjectMapper;
import dev.tandem.core.client.FgaClient;
import dev.tandem.core.tuple.TupleKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A user's fine-grained consents to third-party apps: "app {@code slack} may create tickets in
 * project A for me", not "app may create tickets".
 *
 * <p>A consent is a subject bound to one (app, user) pair, {@code consent:{enc}} ({@link
 * SubjectMapper#consent}). Granting writes {@code {object}#{relation}@consent:{enc}}, plus {@code
 * consent:{enc}#user@user:{id}} and {@code consent:{enc}#client@client:{id}} so a user's consents
 * can be listed ({@link Conventions.ConsentRelations}). The model must let the consent type be
 * assigned to the relations apps may be granted ({@code define can_view: [consent, ...] or ...});
 * granting on a team lets consent flow down to its projects where the model says so.
 *
 * <p>A consent does not extend what the user may do: {@link Authorizer} requires the user's own
 * relation too, so consenting to more than the user holds grants nothing beyond it. Changes go
 * through the {@link FgaClient}, so a caching client drops stale decisions before they return: a
 * revoked consent is denied by the next decision. Thread-safe.
 *
 * <p>Identifiers are validated first: an id the {@link SubjectMapper} rejects raises {@link
 * dev.tandem.core.actor.InvalidActorException}, an invalid relation or object {@link
 * dev.tandem.core.FgaValidationException}, both before any FGA call.
 */
public final class Consents {

  private final FgaClient client;
  private final SubjectMapper subjects;
  private final Conventions conventions;

  private Consents(FgaClient client, SubjectMapper subjects, Conventions conventions) {
    this.client = Objects.requireNonNull(client, "client");
    this.subjects = Objects.requireNonNull(subjects, "subjects");
    this.conventions = Objects.requireNonNull(conventions, "conventions");
  }

  /** Consents over {@code client} with the default subjects and conventions. */
  public static Consents create(FgaClient client) {
    return create(client, SubjectMapper.defaults(), Conventions.DEFAULT);
  }

  /** Consents with the subjects and conventions the {@link Authorizer} uses. */
  public static Consents create(FgaClient client, SubjectMapper subjects, Conventions conventions) {
    return new Consents(client, subjects, conventions);
  }

  /** User {@code userId} lets app {@code clientId} act on {@code permission} for them. */
  public void grant(String userId, String clientId, Permission permission) {
    grant(userId, clientId, List.of(permission));
  }

  /**
   * User {@code userId} lets app {@code clientId} act on each of {@code permissions} for them.
   * Granting what is already granted changes nothing.
   */
  public void grant(String userId, String clientId, List<Permission> permissions) {
    String consent = subjects.consent(clientId, userId);
    List<TupleKey> wanted = new ArrayList<>();
    wanted.add(TupleKey.of(consent, conventions.consent().user(), subjects.user(userId)));
    wanted.add(TupleKey.of(consent, conventions.consent().client(), subjects.client(clientId)));
    for (Permission permission : new LinkedHashSet<>(permissions)) {
      permission.requireValid();
      wanted.add(TupleKey.of(permission.object(), permission.relation(), consent));
    }
    List<TupleKey> missing = new ArrayList<>();
    for (TupleKey tuple : wanted) {
      if (!Tuples.exists(client, tuple)) {
        missing.add(tuple);
      }
    }
    // The ownership tuples come first, so a consent that is in force can always be listed.
    Tuples.write(client, missing);
  }

  /** Withdraws one permission of the user's consent to the app; nothing if it was not granted. */
  public void revoke(String userId, String clientId, Permission permission) {
    permission.requireValid();
    TupleKey grant =
        TupleKey.of(permission.object(), permission.relation(), subjects.consent(clientId, userId));
    if (Tuples.exists(client, grant)) {
      Tuples.delete(client, List.of(grant));
    }
  }

  /** Withdraws everything the user consented to the app. */
  public void revokeAll(String userId, String clientId) {
    String consent = subjects.consent(clientId, userId);
    Tuples.delete(client, Tuples.grantsTo(client, consent));
    Tuples.delete(client, Tuples.readAll(client, consent, null, null));
  }

  /** The user's consents in force: one per app with at least one permission. */
  public List<Consent> list(String userId) {
    String user = subjects.user(userId);
    String consentType = subjects.types().consent();
    Set<String> consentable =
        Tuples.typesAccepting(client.readLatestAuthorizationModel(), consentType);
    List<Consent> consents = new ArrayList<>();
    for (TupleKey owned :
        Tuples.readAll(client, consentType + ":", conventions.consent().user(), user)) {
      String consent = owned.object();
      for (TupleKey app : Tuples.readAll(client, consent, conventions.consent().client(), null)) {
        String clientId = Tuples.id(app.user());
        if (!isConsentOf(consent, clientId, userId)) {
          continue;
        }
        List<Permission> permissions = new ArrayList<>();
        for (TupleKey grant : Tuples.grantsTo(client, consentable, consent)) {
          permissions.add(Permission.of(grant.relation(), grant.object()));
        }
        if (!permissions.isEmpty()) {
          consents.add(new Consent(clientId, permissions));
        }
      }
    }
    return consents;
  }

  /** Whether {@code consent} is the subject of this app and user, as written by this class. */
  private boolean isConsentOf(String consent, String clientId, String userId) {
    try {
      return consent.equals(subjects.consent(clientId, userId));
    } catch (InvalidActorException e) {
      return false;
    }
  }
}
