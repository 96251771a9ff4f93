/** The Tandem sample app: a project-management API with its own authorization server. */
@NullMarked
package dev.tandem.sample;

import org.jspecify.annotations.NullMarked;
