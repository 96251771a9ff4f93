/**
 * ArchUnit rules for applications using Tandem: {@link dev.tandem.spring.archunit.TandemArchRules}.
 * Needs {@code com.tngtech.archunit:archunit} on the test classpath.
 */
@NullMarked
package dev.tandem.spring.archunit;

import org.jspecify.annotations.NullMarked;
