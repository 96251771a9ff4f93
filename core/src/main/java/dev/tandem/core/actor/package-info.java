/**
 * Who is behind a request: the {@link dev.tandem.core.actor.Actor} (a user or service account, and
 * the app and agent acting for it), built from token claims by {@link
 * dev.tandem.core.actor.ActorClaimsMapper}, and the FGA subjects its principals map to ({@link
 * dev.tandem.core.actor.SubjectMapper}).
 */
@NullMarked
package dev.tandem.core.actor;

import org.jspecify.annotations.NullMarked;
