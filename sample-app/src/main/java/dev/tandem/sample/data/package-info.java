/** The sample's tenants, projects and tickets, and the relationship tuples that describe them. */
@NullMarked
package dev.tandem.sample.data;

import org.jspecify.annotations.NullMarked;
