package dev.tandem.core.model;

import java.util.List;
import java.util.Objects;

/**
 * The declared type of a condition parameter, such as {@code int} or {@code map<string>}.
 *
 * @param typeName the base type
 * @param genericTypes the element type of a {@code list} or {@code map}; empty otherwise
 */
public record ConditionParameterType(TypeName typeName, List<ConditionParameterType> genericTypes) {

  /** The parameter types OpenFGA conditions accept. */
  public enum TypeName {
    ANY("any"),
    BOOL("bool"),
    STRING("string"),
    INT("int"),
    UINT("uint"),
    DOUBLE("double"),
    DURATION("duration"),
    TIMESTAMP("timestamp"),
    MAP("map"),
    LIST("list"),
    IPADDRESS("ipaddress");

    private final String dslName;

    TypeName(String dslName) {
      this.dslName = dslName;
    }

    /** The name used in the DSL, e.g. {@code ipaddress}. */
    public String dslName() {
      return dslName;
    }

    /** The name used in the JSON model, e.g. {@code TYPE_NAME_IPADDRESS}. */
    public String jsonName() {
      return "TYPE_NAME_" + name();
    }
  }

  public ConditionParameterType {
    Objects.requireNonNull(typeName, "typeName");
    genericTypes = List.copyOf(genericTypes);
  }

  /** A non-generic type. */
  public static ConditionParameterType of(TypeName typeName) {
    return new ConditionParameterType(typeName, List.of());
  }

  /** The DSL spelling, e.g. {@code list<string>}. */
  @Override
  public String toString() {
    if (genericTypes.isEmpty()) {
      return typeName.dslName();
    }
    return typeName.dslName() + "<" + genericTypes.get(0) + ">";
  }
}
