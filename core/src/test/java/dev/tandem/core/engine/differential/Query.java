package dev.tandem.core.engine.differential;

/** One request of a differential run. */
sealed interface Query {

  /** The relation asked about. */
  String relation();

  /** The object type asked about. */
  String objectType();

  /** Whether the query names {@code type#relation} (as its relation or in its user or filter). */
  default boolean names(String type, String relation) {
    String text = toString();
    return objectType().equals(type) && relation().equals(relation)
        || text.contains(type + ":") && text.contains("#" + relation)
        || text.contains("filter=" + type + "#" + relation);
  }

  /**
   * {@code Check(object#relation@user)}.
   *
   * @param object the object
   * @param relation the relation
   * @param user the user
   */
  record Check(String object, String relation, String user) implements Query {
    @Override
    public String objectType() {
      return ReferenceEvaluator.typeOf(object);
    }

    @Override
    public String toString() {
      return "check " + object + "#" + relation + "@" + user;
    }
  }

  /**
   * {@code ListObjects(type, relation, user)}.
   *
   * @param type the object type
   * @param relation the relation
   * @param user the user
   */
  record ListObjects(String type, String relation, String user) implements Query {
    @Override
    public String objectType() {
      return type;
    }

    @Override
    public String toString() {
      return "listObjects type=" + type + " relation=" + relation + " user=" + user;
    }
  }

  /**
   * {@code ListUsers(object, relation, filter)}.
   *
   * @param object the object
   * @param relation the relation
   * @param filter a type ({@code user}) or a userset type ({@code group#member})
   */
  record ListUsers(String object, String relation, String filter) implements Query {
    @Override
    public String objectType() {
      return ReferenceEvaluator.typeOf(object);
    }

    @Override
    public String toString() {
      return "listUsers " + object + "#" + relation + " filter=" + filter;
    }
  }
}
