/** Embedded stores: named containers of authorization model versions and tuples, as in OpenFGA. */
@NullMarked
package dev.tandem.core.store;

import org.jspecify.annotations.NullMarked;
