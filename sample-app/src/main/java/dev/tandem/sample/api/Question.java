package dev.tandem.sample.api;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/assistant/answers}.
 *
 * @param question what to look for in the tickets
 */
record Question(@Nullable String question) {}
