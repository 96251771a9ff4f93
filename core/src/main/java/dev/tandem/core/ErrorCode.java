package dev.tandem.core;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * OpenFGA's client-error codes (the {@code ErrorCode} enum of the OpenFGA API), with their numeric
 * value and the name used in the {@code code} field of HTTP error bodies.
 */
public enum ErrorCode {
  NO_ERROR(0, "no_error"),
  VALIDATION_ERROR(2000, "validation_error"),
  AUTHORIZATION_MODEL_NOT_FOUND(2001, "authorization_model_not_found"),
  AUTHORIZATION_MODEL_RESOLUTION_TOO_COMPLEX(2002, "authorization_model_resolution_too_complex"),
  INVALID_WRITE_INPUT(2003, "invalid_write_input"),
  CANNOT_ALLOW_DUPLICATE_TUPLES_IN_ONE_REQUEST(
      2004, "cannot_allow_duplicate_tuples_in_one_request"),
  CANNOT_ALLOW_DUPLICATE_TYPES_IN_ONE_REQUEST(2005, "cannot_allow_duplicate_types_in_one_request"),
  CANNOT_ALLOW_MULTIPLE_REFERENCES_TO_ONE_RELATION(
      2006, "cannot_allow_multiple_references_to_one_relation"),
  INVALID_CONTINUATION_TOKEN(2007, "invalid_continuation_token"),
  INVALID_TUPLE_SET(2008, "invalid_tuple_set"),
  INVALID_CHECK_INPUT(2009, "invalid_check_input"),
  INVALID_EXPAND_INPUT(2010, "invalid_expand_input"),
  UNSUPPORTED_USER_SET(2011, "unsupported_user_set"),
  INVALID_OBJECT_FORMAT(2012, "invalid_object_format"),
  WRITE_FAILED_DUE_TO_INVALID_INPUT(2017, "write_failed_due_to_invalid_input"),
  AUTHORIZATION_MODEL_ASSERTIONS_NOT_FOUND(2018, "authorization_model_assertions_not_found"),
  LATEST_AUTHORIZATION_MODEL_NOT_FOUND(2020, "latest_authorization_model_not_found"),
  TYPE_NOT_FOUND(2021, "type_not_found"),
  RELATION_NOT_FOUND(2022, "relation_not_found"),
  EMPTY_RELATION_DEFINITION(2023, "empty_relation_definition"),
  INVALID_USER(2025, "invalid_user"),
  INVALID_TUPLE(2027, "invalid_tuple"),
  UNKNOWN_RELATION(2028, "unknown_relation"),
  STORE_ID_INVALID_LENGTH(2030, "store_id_invalid_length"),
  ASSERTIONS_TOO_MANY_ITEMS(2033, "assertions_too_many_items"),
  ID_TOO_LONG(2034, "id_too_long"),
  AUTHORIZATION_MODEL_ID_TOO_LONG(2036, "authorization_model_id_too_long"),
  TUPLE_KEY_VALUE_NOT_SPECIFIED(2037, "tuple_key_value_not_specified"),
  TUPLE_KEYS_TOO_MANY_OR_TOO_FEW_ITEMS(2038, "tuple_keys_too_many_or_too_few_items"),
  PAGE_SIZE_INVALID(2039, "page_size_invalid"),
  PARAM_MISSING_VALUE(2040, "param_missing_value"),
  DIFFERENCE_BASE_MISSING_VALUE(2041, "difference_base_missing_value"),
  SUBTRACT_BASE_MISSING_VALUE(2042, "subtract_base_missing_value"),
  OBJECT_TOO_LONG(2043, "object_too_long"),
  RELATION_TOO_LONG(2044, "relation_too_long"),
  TYPE_DEFINITIONS_TOO_FEW_ITEMS(2045, "type_definitions_too_few_items"),
  TYPE_INVALID_LENGTH(2046, "type_invalid_length"),
  TYPE_INVALID_PATTERN(2047, "type_invalid_pattern"),
  RELATIONS_TOO_FEW_ITEMS(2048, "relations_too_few_items"),
  RELATIONS_TOO_LONG(2049, "relations_too_long"),
  RELATIONS_INVALID_PATTERN(2050, "relations_invalid_pattern"),
  OBJECT_INVALID_PATTERN(2051, "object_invalid_pattern"),
  QUERY_STRING_TYPE_CONTINUATION_TOKEN_MISMATCH(
      2052, "query_string_type_continuation_token_mismatch"),
  EXCEEDED_ENTITY_LIMIT(2053, "exceeded_entity_limit"),
  INVALID_CONTEXTUAL_TUPLE(2054, "invalid_contextual_tuple"),
  DUPLICATE_CONTEXTUAL_TUPLE(2055, "duplicate_contextual_tuple"),
  INVALID_AUTHORIZATION_MODEL(2056, "invalid_authorization_model"),
  UNSUPPORTED_SCHEMA_VERSION(2057, "unsupported_schema_version"),
  CANCELLED(2058, "cancelled"),
  INVALID_START_TIME(2059, "invalid_start_time");

  private static final Map<String, ErrorCode> BY_NAME =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(c -> c.apiName, Function.identity()));
  private static final Map<Integer, ErrorCode> BY_NUMBER =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(c -> c.number, Function.identity()));

  private final int number;
  private final String apiName;

  ErrorCode(int number, String apiName) {
    this.number = number;
    this.apiName = apiName;
  }

  /** The numeric code, e.g. 2000 for {@link #VALIDATION_ERROR}. */
  public int number() {
    return number;
  }

  /** The name in OpenFGA's HTTP error bodies, e.g. {@code validation_error}. */
  public String apiName() {
    return apiName;
  }

  /** The code with this API name, if OpenFGA defines one. */
  public static Optional<ErrorCode> fromApiName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** The code with this number, if OpenFGA defines one. */
  public static Optional<ErrorCode> fromNumber(int number) {
    return Optional.ofNullable(BY_NUMBER.get(number));
  }
}
