/**
 * The embedded authorization engine: OpenFGA's check, batch check, list objects and list users,
 * evaluated in process over a {@link dev.tandem.core.tuple.TupleStore}.
 */
@NullMarked
package dev.tandem.core.engine;

import org.jspecify.annotations.NullMarked;
