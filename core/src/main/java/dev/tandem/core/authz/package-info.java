/**
 * The tandem rule: a request is allowed only if every principal behind it holds the relation.
 *
 * <p>{@link dev.tandem.core.authz.Authorizer} decides, lists and filters for an {@link
 * dev.tandem.core.actor.Actor}; {@link dev.tandem.core.authz.Consents} and {@link
 * dev.tandem.core.authz.TaskGrants} write and revoke the tuples behind delegated apps and agent
 * tasks. All of it works through {@link dev.tandem.core.client.FgaClient}, so it behaves the same
 * on the embedded engine and on a remote OpenFGA server. Model conventions: {@link
 * dev.tandem.core.authz.Conventions} and {@code docs/modeling.md}.
 */
@NullMarked
package dev.tandem.core.authz;

import org.jspecify.annotations.NullMarked;
