package dev.tandem.core;

import static com.tngtech.archunit.core.domain.JavaModifier.PUBLIC;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules that keep tandem-core framework-free and its internals internal. */
class CoreArchitectureTest {

  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.tandem.core");

  @Test
  void coreWhenImportedThenNoClassDependsOnSpringOrServlets() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "jakarta.servlet..", "javax.servlet..")
        .check(CORE);
  }

  @Test
  void modelWhenImportedThenItDependsOnNoEngineClientOrStore() {
    noClasses()
        .that()
        .resideInAPackage("dev.tandem.core.model..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.tandem.core.engine..", "dev.tandem.core.client..", "dev.tandem.core.store..")
        .check(CORE);
  }

  @Test
  void publicApiWhenImportedThenNoPublicSignatureExposesInternalTypes() {
    List<String> leaks = new ArrayList<>();
    for (JavaClass type : CORE) {
      if (type.getPackageName().contains(".internal") || !type.getModifiers().contains(PUBLIC)) {
        continue;
      }
      for (JavaCodeUnit unit : type.getCodeUnits()) {
        if (!unit.getModifiers().contains(PUBLIC)) {
          continue;
        }
        List<JavaClass> signature = new ArrayList<>(unit.getRawParameterTypes());
        signature.add(unit.getRawReturnType());
        for (JavaClass used : signature) {
          if (used.getPackageName().contains(".internal")) {
            leaks.add(unit.getFullName() + " uses " + used.getName());
          }
        }
      }
    }
    assertThat(leaks).as("public API exposing internal types").isEmpty();
  }
}
