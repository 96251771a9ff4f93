package dev.tandem.core.engine.differential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.model.ModelDsl;
import dev.tandem.core.model.ModelJson;
import dev.tandem.core.tuple.TupleKey;
import dev.tandem.core.tuple.TupleValidator;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The generators produce what OpenFGA accepts: valid models, valid tuples, and models whose DSL (as
 * {@link ModelPrinter} writes it in failure messages) reads back as the same model.
 */
class GeneratedModelsTest {

  private static final int MODELS = 1_000;

  @Test
  void generatedModelsPassModelValidation() {
    for (long seed = 0; seed < MODELS; seed++) {
      AuthorizationModel model = new ModelGenerator(new Random(seed)).generate();
      long current = seed;
      assertThatCode(model::requireValid)
          .as("seed %d:%n%s", current, ModelPrinter.print(model))
          .doesNotThrowAnyException();
    }
  }

  @Test
  void generatedModelsReadBackFromPrinterDslAndJson() {
    for (long seed = 0; seed < MODELS; seed++) {
      AuthorizationModel model = new ModelGenerator(new Random(seed)).generate();
      String printed = ModelPrinter.print(model);
      assertThat(ModelDsl.parse(printed).withId(""))
          .as("seed %d:%n%s", seed, printed)
          .isEqualTo(model);
      assertThat(ModelDsl.parse(ModelDsl.write(model)).withId(""))
          .as("seed %d", seed)
          .isEqualTo(model);
      assertThat(ModelJson.parse(ModelJson.write(model)).withId(""))
          .as("seed %d", seed)
          .isEqualTo(model);
    }
  }

  @Test
  void generatedTuplesAreAcceptedForWriteExceptStaleOnes() {
    for (long seed = 0; seed < MODELS; seed++) {
      Random random = new Random(seed);
      AuthorizationModel model = new ModelGenerator(random).generate();
      Scenario scenario = new TupleGenerator(random, model).generate(seed);
      for (TupleKey tuple : scenario.validTuples()) {
        assertThatCode(() -> TupleValidator.validateForWrite(model, tuple))
            .as("seed %d, %s", seed, tuple)
            .doesNotThrowAnyException();
      }
      for (TupleKey tuple :
          scenario.tuples().subList(scenario.validTuples().size(), scenario.tuples().size())) {
        assertThat(ReferenceEvaluator.fits(model, tuple)).as("seed %d, %s", seed, tuple).isFalse();
      }
    }
  }
}
