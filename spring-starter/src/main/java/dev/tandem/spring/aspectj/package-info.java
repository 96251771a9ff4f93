/**
 * The AspectJ aspect that enforces {@link dev.tandem.core.annotation.RequiresRelation} on classes
 * that are not Spring beans, woven at compile time or load time.
 */
@NullMarked
package dev.tandem.spring.aspectj;

import org.jspecify.annotations.NullMarked;
