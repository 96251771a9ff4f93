/**
 * Relationship tuples, their validation with OpenFGA's rules and error codes ({@link
 * dev.tandem.core.tuple.Identifiers}, {@link dev.tandem.core.tuple.TupleValidator}) and the {@link
 * dev.tandem.core.tuple.TupleStore} SPI.
 */
@NullMarked
package dev.tandem.core.tuple;

import org.jspecify.annotations.NullMarked;
