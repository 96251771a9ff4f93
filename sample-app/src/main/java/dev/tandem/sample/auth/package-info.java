/** The OAuth 2.1 authorization server: users, clients, tokens and the agents' token exchange. */
@NullMarked
package dev.tandem.sample.auth;

import org.jspecify.annotations.NullMarked;
