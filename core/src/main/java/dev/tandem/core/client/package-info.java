/**
 * The client API: one {@link dev.tandem.core.client.FgaClient} interface over the embedded engine
 * and a remote OpenFGA or Auth0 FGA server, with caching and coalescing decorators.
 */
@NullMarked
package dev.tandem.core.client;

import org.jspecify.annotations.NullMarked;
