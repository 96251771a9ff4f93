package dev.tandem.testkit;

import org.jspecify.annotations.Nullable;

/** An error answer decided by the server itself, with OpenFGA's status and error code. */
final class ApiError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final @Nullable String allow;

  private ApiError(int status, String code, String message, @Nullable String allow) {
    super(message);
    this.status = status;
    this.code = code;
    this.allow = allow;
  }

  /** 400 {@code validation_error}: a request OpenFGA's API rules reject. */
  static ApiError validation(String message) {
    return new ApiError(400, "validation_error", message, null);
  }

  /** 404 {@code undefined_endpoint}: no such path. */
  static ApiError undefinedEndpoint(String message) {
    return new ApiError(404, "undefined_endpoint", message, null);
  }

  /** 405: the path exists, with other methods, listed in {@code allow}. */
  static ApiError methodNotAllowed(String message, String allow) {
    return new ApiError(405, "undefined_endpoint", message, allow);
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  /** The {@code Allow} header of a 405, or null. */
  @Nullable String allow() {
    return allow;
  }
}
