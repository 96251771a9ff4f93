package dev.tandem.core.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/** Declarations found along the type hierarchy, as Spring Security finds {@code PreAuthorize}. */
class RequirementsHierarchyTest {

  interface Api {
    @RequiresRelation(value = "can_view", on = "#id", type = "project")
    String view(String id);

    @FilterByRelation(value = "can_view", type = "project", id = "#this")
    java.util.List<String> search();
  }

  static class ApiImpl implements Api {
    @Override
    public String view(String id) {
      return id;
    }

    @Override
    public java.util.List<String> search() {
      return java.util.List.of();
    }
  }

  /** The implementation's own declaration replaces the interface's. */
  static class OwnDeclaration implements Api {
    @Override
    @PublicEndpoint
    public String view(String id) {
      return id;
    }

    @Override
    public java.util.List<String> search() {
      return java.util.List.of();
    }
  }

  interface Generic<T> {
    @RequiresRelation(value = "can_view", on = "#id", type = "project")
    String get(T id);
  }

  static class GenericImpl implements Generic<String> {
    @Override
    public String get(String id) {
      return id;
    }
  }

  @AuthenticatedOnly
  interface SignedIn {
    String me();
  }

  static class SignedInImpl implements SignedIn {
    @Override
    public String me() {
      return "me";
    }
  }

  static class Base {
    @RequiresRelation(value = "can_edit", on = "#id", type = "project")
    public String edit(String id) {
      return id;
    }
  }

  static class Sub extends Base {
    @Override
    public String edit(String id) {
      return "sub " + id;
    }
  }

  interface Viewing {
    @RequiresRelation(value = "can_view", on = "#id", type = "project")
    String open(String id);
  }

  interface Editing {
    @RequiresRelation(value = "can_edit", on = "#id", type = "project")
    String open(String id);
  }

  static class Conflicting implements Viewing, Editing {
    @Override
    public String open(String id) {
      return id;
    }
  }

  @Test
  void ofWhenRequirementOnImplementedInterfaceMethodThenFound() throws Exception {
    Method view = ApiImpl.class.getMethod("view", String.class);
    assertThat(Requirements.of(view))
        .extracting(RequiresRelation::value)
        .containsExactly("can_view");
    assertThat(Requirements.declaringMethod(view))
        .isEqualTo(Api.class.getMethod("view", String.class));
    assertThat(Requirements.contradiction(view)).isNull();
  }

  @Test
  void kindWhenImplementationDeclaresItselfThenInterfaceIgnored() throws Exception {
    Method view = OwnDeclaration.class.getMethod("view", String.class);
    assertThat(Requirements.kind(view)).isEqualTo(Requirements.Kind.PUBLIC);
    assertThat(Requirements.of(view)).isEmpty();
  }

  @Test
  void ofWhenInterfaceIsGenericThenImplementationWithConcreteTypeFound() throws Exception {
    assertThat(Requirements.of(GenericImpl.class.getMethod("get", String.class)))
        .extracting(RequiresRelation::value)
        .containsExactly("can_view");
  }

  @Test
  void kindWhenInterfaceTypeDeclaresOptOutThenApplies() throws Exception {
    assertThat(Requirements.kind(SignedInImpl.class.getMethod("me")))
        .isEqualTo(Requirements.Kind.AUTHENTICATED_ONLY);
  }

  @Test
  void ofWhenSuperclassMethodDeclaresThenOverrideInherits() throws Exception {
    assertThat(Requirements.of(Sub.class.getMethod("edit", String.class)))
        .extracting(RequiresRelation::value)
        .containsExactly("can_edit");
  }

  @Test
  void filteringMethodWhenFilterOnInterfaceMethodThenFound() throws Exception {
    assertThat(Requirements.filteringMethod(ApiImpl.class.getMethod("search")))
        .isEqualTo(Api.class.getMethod("search"));
  }

  @Test
  void contradictionWhenTwoInterfacesDeclareDifferentlyThenNamesBoth() throws Exception {
    assertThat(Requirements.contradiction(Conflicting.class.getMethod("open", String.class)))
        .contains("inherits conflicting Tandem declarations")
        .contains("RequirementsHierarchyTest$Viewing.open")
        .contains("RequirementsHierarchyTest$Editing.open");
  }
}
