/** The OpenFGA authorization model: types, relations, rewrite rules and conditions. */
@NullMarked
package dev.tandem.core.model;

import org.jspecify.annotations.NullMarked;
