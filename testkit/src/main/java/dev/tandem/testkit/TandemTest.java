package dev.tandem.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a JUnit 5 test class (or method) with {@link TandemTestkitExtension}: each test gets a new
 * store seeded with {@link #model()} and {@link #tuples()}, and may declare parameters of these
 * types:
 *
 * <ul>
 *   <li>{@link dev.tandem.core.client.FgaClient}: an embedded client of the test's store;
 *   <li>{@link OpenFgaTestServer}: a running server, shared by the tests of the class, that serves
 *       the test's store over OpenFGA's HTTP API;
 *   <li>{@link TestStore}: the test's store id and model id, to configure a remote client with.
 * </ul>
 *
 * <pre>{@code
 * @TandemTest(model = "classpath:authz/model.fga", tuples = "classpath:authz/tuples.yaml")
 * class DocumentAccessTest {
 *   @Test
 *   void ownerCanView(FgaClient fga) {
 *     assertThat(fga.check(CheckRequest.of("document:plan", "viewer", "user:anne")).allowed())
 *         .isTrue();
 *   }
 * }
 * }</pre>
 *
 * <p>Locations are {@code classpath:path/in/resources} or a file path (optionally {@code
 * file:}-prefixed). A model ending in {@code .json} is read as OpenFGA's JSON, anything else as the
 * DSL. Tuple files are a YAML or JSON ({@code .json}) list of {@code {object, relation, user,
 * condition?: {name, context?}}}, or an object with such a list under {@code tuples}.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(TandemTestkitExtension.class)
public @interface TandemTest {

  /** The model's location, or empty for a store without a model. */
  String model() default "";

  /** The locations of tuple files, written in order after the model. */
  String[] tuples() default {};
}
