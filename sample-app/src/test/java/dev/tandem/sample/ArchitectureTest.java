package dev.tandem.sample;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.tandem.core.model.ModelDsl;
import dev.tandem.spring.archunit.TandemArchRules;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every endpoint of the sample declares its authorization, against relations the model has. */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.tandem.sample");

  @Test
  void everyEndpointDeclaresAuthorization() {
    TandemArchRules.ENDPOINTS_DECLARE_AUTHORIZATION.check(CLASSES);
  }

  @Test
  void enforcedMethodsAreNotSelfInvoked() {
    TandemArchRules.ENFORCED_METHODS_ARE_NOT_SELF_INVOKED.check(CLASSES);
  }

  @Test
  void requiredRelationsExistInTheReferenceModel() throws IOException {
    try (InputStream model = getClass().getResourceAsStream("/project-management.fga")) {
      TandemArchRules.relationsExistIn(
              ModelDsl.parse(new String(model.readAllBytes(), StandardCharsets.UTF_8)))
          .check(CLASSES);
    }
  }
}
