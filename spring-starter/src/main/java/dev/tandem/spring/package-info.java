/**
 * Spring Boot integration of Tandem: {@link dev.tandem.spring.TandemAutoConfiguration}, the {@code
 * tandem.*} {@link dev.tandem.spring.TandemProperties}, enforcement of {@link
 * dev.tandem.core.annotation.RequiresRelation} on any bean, actors from Spring Security through
 * {@link dev.tandem.spring.ActorResolver}, and RFC 9457 error answers.
 */
@NullMarked
package dev.tandem.spring;

import org.jspecify.annotations.NullMarked;
