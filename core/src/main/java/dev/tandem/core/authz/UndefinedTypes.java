package dev.tandem.core.authz;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Recognises a check that failed because the authorization model has no type for one of its ids — a
 * model without the {@code consent} or {@code task} type receiving a delegated app's or an agent's
 * request — and warns once per type, since the fix is in the model, not in the request.
 */
final class UndefinedTypes {

  private static final System.Logger LOG = System.getLogger(Authorizer.class.getName());

  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  /**
   * Whether {@code error}, the message of a validation error, says the model has no type of one of
   * {@code ids} ({@code type:id} or {@code type:id#relation}), as OpenFGA and the embedded engine
   * word it: {@code type 'consent' not found}. Not when {@code callerInput}, the text of the
   * request's contextual tuples and context, holds those words too: messages quote such values
   * (e.g. a context value that is not an IP address), so the caller could have written them.
   */
  boolean named(@Nullable String error, String callerInput, PrincipalRole role, String... ids) {
    if (error == null) {
      return false;
    }
    for (String id : ids) {
      int colon = id.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String type = id.substring(0, colon);
      String words = "type '" + type + "' not found";
      if (error.contains(words) && !callerInput.contains(words)) {
        if (warned.add(type)) {
          LOG.log(
              System.Logger.Level.WARNING,
              "the authorization model defines no type ''{0}'', so every {1} principal of that"
                  + " type is denied (answered 403); add the type to the model (docs/modeling.md)",
              type,
              role);
        }
        return true;
      }
    }
    return false;
  }
}
