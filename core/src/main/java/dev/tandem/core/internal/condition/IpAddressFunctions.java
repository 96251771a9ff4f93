package dev.tandem.core.internal.condition;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import java.util.List;

/**
 * OpenFGA's CEL extension for IP addresses: the type {@code IPAddress}, the function {@code
 * ipaddress(string)} and the member function {@code IPAddress.in_cidr(string)}. Equality of two
 * addresses uses {@link IpAddress#equals}.
 */
final class IpAddressFunctions {

  /** The CEL type of {@code ipaddress} parameters and of {@code ipaddress("...")}. */
  static final OpaqueType TYPE = OpaqueType.create("IPAddress");

  private static final String PARSE_OVERLOAD = "string_to_ipaddress";
  private static final String IN_CIDR_OVERLOAD = "ipaddr_in_cidr";

  private IpAddressFunctions() {}

  /** The declarations the type checker needs. */
  static List<CelFunctionDecl> declarations() {
    return List.of(
        CelFunctionDecl.newFunctionDeclaration(
            "ipaddress",
            CelOverloadDecl.newGlobalOverload(PARSE_OVERLOAD, TYPE, SimpleType.STRING)),
        CelFunctionDecl.newFunctionDeclaration(
            "in_cidr",
            CelOverloadDecl.newMemberOverload(
                IN_CIDR_OVERLOAD, SimpleType.BOOL, TYPE, SimpleType.STRING)));
  }

  /** The implementations the runtime dispatches to. */
  static List<CelFunctionBinding> bindings() {
    return List.of(
        CelFunctionBinding.from(PARSE_OVERLOAD, String.class, IpAddressFunctions::parse),
        CelFunctionBinding.from(
            IN_CIDR_OVERLOAD, IpAddress.class, String.class, IpAddressFunctions::inCidr));
  }

  private static IpAddress parse(String text) throws CelEvaluationException {
    try {
      return IpAddress.parse(text);
    } catch (IllegalArgumentException e) {
      throw new CelEvaluationException(e.getMessage(), e);
    }
  }

  private static boolean inCidr(IpAddress address, String cidr) throws CelEvaluationException {
    try {
      return address.inCidr(cidr);
    } catch (IllegalArgumentException e) {
      throw new CelEvaluationException(e.getMessage(), e);
    }
  }
}
