/** The JSON API, every endpoint guarded by Tandem. */
@NullMarked
package dev.tandem.sample.api;

import org.jspecify.annotations.NullMarked;
