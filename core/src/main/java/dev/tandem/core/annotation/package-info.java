/**
 * Dependency-free annotations that declare the authorization of a method: {@link
 * dev.tandem.core.annotation.RequiresRelation} and the explicit opt-outs {@link
 * dev.tandem.core.annotation.PublicEndpoint} and {@link
 * dev.tandem.core.annotation.AuthenticatedOnly}, and {@link
 * dev.tandem.core.annotation.FilterByRelation} for returned collections. The Spring starter, the
 * AspectJ aspect and the ArchUnit rules read them through {@link
 * dev.tandem.core.annotation.Requirements}.
 */
@NullMarked
package dev.tandem.core.annotation;

import org.jspecify.annotations.NullMarked;
