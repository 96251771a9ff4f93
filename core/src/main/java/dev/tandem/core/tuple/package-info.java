/** Relationship tuples and the {@link dev.tandem.core.tuple.TupleStore} SPI. */
@NullMarked
package dev.tandem.core.tuple;

import org.jspecify.annotations.NullMarked;
