package dev.tandem.sample.api;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/projects/{projectId}/tickets}.
 *
 * @param title a one-line summary; required
 * @param description the text; optional
 */
record NewTicket(@Nullable String title, @Nullable String description) {}
