package dev.tandem.sample.api;

import dev.tandem.core.FgaValidationException;
import dev.tandem.core.authz.Permission;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A relation on an object, as given in a request body.
 *
 * @param relation e.g. {@code can_create_ticket}
 * @param object e.g. {@code project:apollo}
 */
record Grant(@Nullable String relation, @Nullable String object) {

  /** The permission; 400 when either part is missing or not a valid FGA id. */
  Permission permission() {
    if (relation == null || object == null) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "relation and object are required");
    }
    try {
      Permission permission = Permission.of(relation, object);
      permission.requireValid();
      return permission;
    } catch (FgaValidationException | IllegalArgumentException e) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "relation or object is not a valid FGA id");
    }
  }
}
