package dev.tandem.spring.archunit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.spring.Repo;
import dev.tandem.spring.app.ProjectController;
import org.junit.jupiter.api.Test;

class TandemArchRulesTest {

  private static JavaClasses classes(Class<?>... types) {
    return new ClassFileImporter().importClasses(types);
  }

  // tag::archunit[]
  @Test
  void applicationDeclaresAuthorizationMatchingTheModel() {
    JavaClasses classes = new ClassFileImporter().importPackages("dev.tandem.spring.app");
    TandemArchRules.ENDPOINTS_DECLARE_AUTHORIZATION.check(classes);
    TandemArchRules.relationsExistIn(model()).check(classes);
    TandemArchRules.ENFORCED_METHODS_ARE_NOT_SELF_INVOKED.check(classes);
  }

  // end::archunit[]

  @Test
  void endpointsWithRelationsOrOptOutsPass() {
    assertThatCode(
            () ->
                TandemArchRules.ENDPOINTS_DECLARE_AUTHORIZATION.check(
                    classes(
                        Fixtures.CoveredController.class,
                        Fixtures.ClassLevelController.class,
                        Fixtures.NotAController.class,
                        ProjectController.class)))
        .doesNotThrowAnyException();
  }

  @Test
  void endpointWithoutDeclarationFailsNamingTheMethod() {
    assertThatThrownBy(
            () ->
                TandemArchRules.ENDPOINTS_DECLARE_AUTHORIZATION.check(
                    classes(Fixtures.CoveredController.class, Fixtures.UncoveredController.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("UncoveredController.forgotten()")
        .hasMessageContaining("does not declare authorization")
        .hasMessageContaining("open to every caller by accident")
        .hasMessageNotContaining("CoveredController.direct");
  }

  @Test
  void endpointOfMetaAnnotatedControllerAndMappingIsChecked() {
    assertThatThrownBy(
            () ->
                TandemArchRules.ENDPOINTS_DECLARE_AUTHORIZATION.check(
                    classes(Fixtures.UncoveredCustomController.class)))
        .hasMessageContaining("UncoveredCustomController.forgottenToo()");
  }

  @Test
  void relationsOfTheModelPass() {
    assertThatCode(
            () ->
                TandemArchRules.relationsExistIn(model())
                    .check(
                        classes(
                            Fixtures.CoveredController.class,
                            Fixtures.ClassLevelController.class,
                            ProjectController.class)))
        .doesNotThrowAnyException();
  }

  @Test
  void relationsMissingFromTheModelFailNamingMethodAndRelation() {
    assertThatThrownBy(
            () ->
                TandemArchRules.relationsExistIn(model())
                    .check(classes(Fixtures.MismatchedService.class)))
        .hasMessageContaining(
            "MismatchedService.unknownRelation(java.lang.String) @RequiresRelation"
                + "(\"no_such_relation\"): relation 'no_such_relation' does not exist on type"
                + " 'project'")
        .hasMessageContaining("'can_view' exists on several types")
        .hasMessageContaining("type 'nosuchtype' is not in the model")
        .hasMessageContaining("because enforcement refuses to start");
  }

  @Test
  void selfInvokedEnforcedMethodFailsNamingTheCaller() {
    assertThatThrownBy(
            () ->
                TandemArchRules.ENFORCED_METHODS_ARE_NOT_SELF_INVOKED.check(
                    classes(Fixtures.SelfInvokingService.class)))
        .hasMessageContaining("SelfInvokingService.create(java.lang.String) is called")
        .hasMessageContaining("createTwice");
  }

  @Test
  void enforcedMethodsCalledOnlyFromOutsidePass() {
    assertThatCode(
            () ->
                TandemArchRules.ENFORCED_METHODS_ARE_NOT_SELF_INVOKED.check(
                    classes(Fixtures.CoveredController.class, ProjectController.class)))
        .doesNotThrowAnyException();
  }

  @Test
  void endpointWhenRequirementDeclaredOnImplementedInterfaceThenPasses() {
    assertThatCode(
            () ->
                TandemArchRules.ENDPOINTS_DECLARE_AUTHORIZATION.check(
                    classes(
                        InterfaceFixtures.TicketsController.class,
                        InterfaceFixtures.ProjectsApiController.class,
                        InterfaceFixtures.ProjectsApi.class,
                        InterfaceFixtures.TicketsApi.class)))
        .doesNotThrowAnyException();
  }

  @Test
  void endpointWhenMappedOnInterfaceWithoutDeclarationThenFailsNamingTheController() {
    assertThatThrownBy(
            () ->
                TandemArchRules.ENDPOINTS_DECLARE_AUTHORIZATION.check(
                    classes(
                        InterfaceFixtures.OpenApiController.class,
                        InterfaceFixtures.OpenApi.class)))
        .hasMessageContaining("OpenApiController.everything() does not declare authorization");
  }

  @Test
  void wovenMethodWhenRequirementOnlyOnInterfaceThenFailsNamingTheInterface() {
    assertThatThrownBy(
            () ->
                TandemArchRules.WOVEN_METHODS_DECLARE_AUTHORIZATION_THEMSELVES.check(
                    classes(
                        InterfaceFixtures.WovenWithInterfaceRequirement.class,
                        InterfaceFixtures.WovenWithOwnRequirement.class)))
        .hasMessageContaining(
            "WovenWithInterfaceRequirement.tickets(java.lang.String) inherits Tandem annotations"
                + " from")
        .hasMessageContaining("InterfaceFixtures$TicketsApi.tickets")
        .hasMessageContaining("AspectJ does not inherit")
        .hasMessageNotContaining("WovenWithOwnRequirement.tickets");
  }

  @Test
  void wovenMethodsDeclaringThemselvesPass() {
    assertThatCode(
            () ->
                TandemArchRules.WOVEN_METHODS_DECLARE_AUTHORIZATION_THEMSELVES.check(
                    classes(
                        InterfaceFixtures.WovenWithOwnRequirement.class,
                        Fixtures.CoveredController.class)))
        .doesNotThrowAnyException();
  }

  private static AuthorizationModel model() {
    return Repo.model();
  }
}
