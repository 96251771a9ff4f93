/** Tandem core: the exception hierarchy and error codes shared by every module. */
@NullMarked
package dev.tandem.core;

import org.jspecify.annotations.NullMarked;
