/**
 * The AspectJ aspect that enforces Tandem's annotations ({@link
 * dev.tandem.core.annotation.RequiresRelation}, {@link
 * dev.tandem.core.annotation.AuthenticatedOnly}, {@link
 * dev.tandem.core.annotation.FilterByRelation}) on classes that are not Spring beans, woven at
 * compile time or load time.
 */
@NullMarked
package dev.tandem.spring.aspectj;

import org.jspecify.annotations.NullMarked;
