/**
 * The remote client's machinery: OpenFeign over {@code java.net.http}, the OpenFGA error mapping,
 * retries, deadlines, the circuit breaker and OAuth client credentials. {@link
 * dev.tandem.core.internal.remote.RemoteBackend} is the only public type. Internal: not an API.
 */
@NullMarked
package dev.tandem.core.internal.remote;

import org.jspecify.annotations.NullMarked;
