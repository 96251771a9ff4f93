/**
 * How authorization outcomes become HTTP answers, shared by the Spring starter and the Jakarta
 * filter so both answer alike: RFC 9457 problem details for 400, 401, 403 and 503.
 */
@NullMarked
package dev.tandem.core.http;

import org.jspecify.annotations.NullMarked;
