package dev.tandem.core.engine;

/**
 * Small helpers over user and object strings ({@code type:id}, {@code type:*}, {@code
 * type:id#rel}).
 */
final class Users {

  private Users() {}

  static String type(String userOrObject) {
    int colon = userOrObject.indexOf(':');
    return colon < 0 ? userOrObject : userOrObject.substring(0, colon);
  }

  static boolean isWildcard(String user) {
    return user.endsWith(":*") && user.indexOf('#') < 0;
  }

  static boolean isUserset(String user) {
    return user.indexOf('#') >= 0;
  }

  /** The object part of a userset {@code type:id#rel}. */
  static String usersetObject(String userset) {
    return userset.substring(0, userset.indexOf('#'));
  }

  /** The relation part of a userset {@code type:id#rel}. */
  static String usersetRelation(String userset) {
    return userset.substring(userset.indexOf('#') + 1);
  }
}
