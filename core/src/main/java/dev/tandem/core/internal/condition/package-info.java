/**
 * Evaluation of OpenFGA conditions with CEL: engine internals, not user API.
 *
 * <p>{@link dev.tandem.core.internal.condition.CompiledConditions} compiles the conditions of a
 * model once; the engine evaluates a tuple's condition against the tuple's stored context and the
 * request context, with OpenFGA's parameter types, conversions and missing-parameter rule.
 */
@NullMarked
package dev.tandem.core.internal.condition;

import org.jspecify.annotations.NullMarked;
