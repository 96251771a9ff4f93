package dev.tandem.core.client;

import org.jspecify.annotations.Nullable;

/**
 * A filter over stored tuples, with paging (OpenFGA's Read).
 *
 * @param object a full object {@code type:id}, a type alone {@code type:}, or null for any; OpenFGA
 *     requires at least a type when a user is given
 * @param relation a relation, or null for any
 * @param user a user, or null for any
 * @param pageSize the page size, 1 to 100
 * @param continuationToken the token from the previous page, or null for the first page
 */
public record ReadRequest(
    @Nullable String object,
    @Nullable String relation,
    @Nullable String user,
    int pageSize,
    @Nullable String continuationToken) {

  /** OpenFGA's default and maximum page size. */
  public static final int MAX_PAGE_SIZE = 100;

  public ReadRequest {
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException(
          "pageSize " + pageSize + " is invalid: it must be between 1 and " + MAX_PAGE_SIZE);
    }
  }

  /** The first page of every tuple matching the filter. */
  public static ReadRequest of(
      @Nullable String object, @Nullable String relation, @Nullable String user) {
    return new ReadRequest(object, relation, user, MAX_PAGE_SIZE, null);
  }

  /** The next page after {@code page}. */
  public ReadRequest next(ReadPage page) {
    return new ReadRequest(object, relation, user, pageSize, page.continuationToken());
  }
}
