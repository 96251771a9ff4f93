package dev.tandem.testkit;

import dev.tandem.core.ErrorCode;
import dev.tandem.core.FgaValidationException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Paging of the list endpoints (ListStores, ReadAuthorizationModels): {@code page_size} 1 to 100,
 * 50 by default, as in OpenFGA; the continuation token encodes the id of the last item returned.
 */
final class Pages {

  static final int DEFAULT_PAGE_SIZE = 50;
  static final int MAX_PAGE_SIZE = 100;

  /** One page of items and the token for the next, null on the last page. */
  record Page<T>(List<T> items, @Nullable String continuationToken) {}

  private Pages() {}

  /** The page of {@code all} (in their listing order) that the query parameters ask for. */
  static <T> Page<T> page(List<T> all, Function<T, String> id, Map<String, String> query) {
    int size = pageSize(query.get("page_size"));
    int start = 0;
    String token = query.get("continuation_token");
    if (token != null && !token.isEmpty()) {
      String after = decode(token);
      start = -1;
      for (int i = 0; i < all.size(); i++) {
        if (id.apply(all.get(i)).equals(after)) {
          start = i + 1;
          break;
        }
      }
      if (start < 0) {
        throw invalidToken();
      }
    }
    int end = Math.min(all.size(), start + size);
    List<T> items = all.subList(start, end);
    String next = end < all.size() ? encode(id.apply(all.get(end - 1))) : null;
    return new Page<>(List.copyOf(items), next);
  }

  private static int pageSize(@Nullable String value) {
    if (value == null || value.isEmpty()) {
      return DEFAULT_PAGE_SIZE;
    }
    int size;
    try {
      size = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw ApiError.validation("page_size '" + value + "' is not an integer");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new FgaValidationException(
          ErrorCode.PAGE_SIZE_INVALID,
          "page_size " + size + " is invalid: it must be between 1 and " + MAX_PAGE_SIZE);
    }
    return size;
  }

  private static String encode(String id) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(id.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String token) {
    try {
      return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalidToken();
    }
  }

  private static FgaValidationException invalidToken() {
    return new FgaValidationException(
        ErrorCode.INVALID_CONTINUATION_TOKEN, "the continuation token is not valid");
  }
}
