/**
 * The JSON shapes of OpenFGA's HTTP API, in both directions: the remote client writes requests and
 * reads responses, the testkit server reads requests and writes responses, with one codec.
 * Internal: not an API.
 */
@NullMarked
package dev.tandem.core.internal.http;

import org.jspecify.annotations.NullMarked;
