package dev.tandem.sample.api;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/emails}.
 *
 * @param to the recipient as an FGA object: {@code user:dave} or {@code group:acme-all}
 * @param subject the subject line
 * @param body the text
 */
record Email(@Nullable String to, @Nullable String subject, @Nullable String body) {}
