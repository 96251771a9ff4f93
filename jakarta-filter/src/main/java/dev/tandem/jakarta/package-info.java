/**
 * A Jakarta Servlet filter that enforces Tandem's route rules for applications without Spring: the
 * actor comes from a bearer JWT ({@link dev.tandem.jakarta.JwtActorResolver}) or any {@link
 * dev.tandem.jakarta.ActorResolver}, every route names what it requires ({@link
 * dev.tandem.jakarta.RouteRules}), and {@link dev.tandem.jakarta.TandemFilter} answers like the
 * Spring starter, with {@link dev.tandem.core.http.AuthorizationProblem}.
 */
@NullMarked
package dev.tandem.jakarta;

import org.jspecify.annotations.NullMarked;
