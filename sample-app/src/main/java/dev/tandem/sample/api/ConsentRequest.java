package dev.tandem.sample.api;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST} and {@code DELETE /api/consents}.
 *
 * @param client the third-party app, e.g. {@code slack-app}
 * @param relation what it may do, e.g. {@code can_create_ticket}
 * @param object on what, e.g. {@code project:apollo}
 */
record ConsentRequest(
    @Nullable String client, @Nullable String relation, @Nullable String object) {}
