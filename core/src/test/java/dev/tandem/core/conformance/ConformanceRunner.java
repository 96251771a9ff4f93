package dev.tandem.core.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.core.FgaValidationException;
import dev.tandem.core.conformance.ConformanceSuite.Case;
import dev.tandem.core.conformance.ConformanceSuite.CheckAssertion;
import dev.tandem.core.conformance.ConformanceSuite.Extras;
import dev.tandem.core.conformance.ConformanceSuite.ListObjectsAssertion;
import dev.tandem.core.conformance.ConformanceSuite.ListUsersAssertion;
import dev.tandem.core.conformance.ConformanceSuite.Stage;
import dev.tandem.core.tuple.TupleKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * Turns conformance cases into JUnit dynamic tests, one per assertion, in OpenFGA's two modes:
 * stage tuples written to the store, and (for single-stage tests with at most 100 tuples) stage
 * tuples sent as contextual tuples with every request instead.
 */
public final class ConformanceRunner {

  /** OpenFGA's harness writes stage tuples in shuffled chunks of this size. */
  private static final int WRITE_CHUNK = 40;

  private final ConformanceBackend backend;
  private final Map<String, String> exclusions;

  /**
   * @param exclusions test names (with a {@code _ctxTuples} suffix for the contextual mode) to
   *     skip, each with its reason
   */
  public ConformanceRunner(ConformanceBackend backend, Map<String, String> exclusions) {
    this.backend = backend;
    this.exclusions = exclusions;
  }

  /** Dynamic tests for every case of the file, in both modes. */
  public List<DynamicNode> tests(List<Case> cases) {
    List<DynamicNode> nodes = new ArrayList<>();
    for (Case c : cases) {
      if (!exclusions.containsKey(c.name())) {
        nodes.add(DynamicContainer.dynamicContainer(c.name(), written(c)));
      }
      String contextualName = c.name() + "_ctxTuples";
      if (contextualModeApplies(c) && !exclusions.containsKey(contextualName)) {
        nodes.add(DynamicContainer.dynamicContainer(contextualName, contextual(c)));
      }
    }
    return nodes;
  }

  /** Upstream skips the contextual mode for multi-stage tests and stages with over 100 tuples. */
  static boolean contextualModeApplies(Case c) {
    return c.stages().size() == 1 && c.stages().get(0).tuples().size() <= 100;
  }

  private List<DynamicNode> written(Case c) {
    List<DynamicNode> tests = new ArrayList<>();
    for (int i = 0; i < c.stages().size(); i++) {
      int stageIndex = i;
      Supplier<ConformanceBackend.Store> store =
          memoize(
              () -> {
                ConformanceBackend.Store s = backend.newStore();
                for (int j = 0; j <= stageIndex; j++) {
                  Stage stage = c.stages().get(j);
                  s.writeModel(stage.model());
                  List<TupleKey> shuffled = new ArrayList<>(stage.tuples());
                  Collections.shuffle(shuffled, new Random(c.name().hashCode() + j));
                  for (int k = 0; k < shuffled.size(); k += WRITE_CHUNK) {
                    s.writeTuples(shuffled.subList(k, Math.min(k + WRITE_CHUNK, shuffled.size())));
                  }
                }
                return s;
              });
      tests.addAll(assertions(c.stages().get(i), "stage " + i, store, List.of()));
    }
    return tests;
  }

  private List<DynamicNode> contextual(Case c) {
    Stage stage = c.stages().get(0);
    Supplier<ConformanceBackend.Store> store =
        memoize(
            () -> {
              ConformanceBackend.Store s = backend.newStore();
              s.writeModel(stage.model());
              return s;
            });
    return assertions(stage, "stage 0", store, stage.tuples());
  }

  private static List<DynamicNode> assertions(
      Stage stage,
      String prefix,
      Supplier<ConformanceBackend.Store> store,
      List<TupleKey> extraContextual) {
    List<DynamicNode> tests = new ArrayList<>();
    for (int i = 0; i < stage.checks().size(); i++) {
      CheckAssertion a = stage.checks().get(i);
      Extras extras = a.extras().plus(extraContextual);
      String name =
          prefix + " check " + i + ": " + a.object() + "#" + a.relation() + "@" + a.user();
      tests.add(
          DynamicTest.dynamicTest(
              name,
              () -> {
                if (a.errorCode() != 0) {
                  assertErrorCode(
                      () -> store.get().check(a.object(), a.relation(), a.user(), extras),
                      a.errorCode());
                } else {
                  assertThat(store.get().check(a.object(), a.relation(), a.user(), extras))
                      .isEqualTo(a.expectation());
                }
              }));
    }
    for (int i = 0; i < stage.listObjects().size(); i++) {
      ListObjectsAssertion a = stage.listObjects().get(i);
      Extras extras = a.extras().plus(extraContextual);
      String name =
          prefix + " listObjects " + i + ": " + a.type() + "#" + a.relation() + "@" + a.user();
      tests.add(
          DynamicTest.dynamicTest(
              name,
              () -> {
                if (a.errorCode() != 0) {
                  assertErrorCode(
                      () -> store.get().listObjects(a.type(), a.relation(), a.user(), extras),
                      a.errorCode());
                  return;
                }
                Set<String> objects =
                    store.get().listObjects(a.type(), a.relation(), a.user(), extras);
                assertThat(objects).containsExactlyInAnyOrderElementsOf(a.expectation());
                for (String object : objects) {
                  assertThat(store.get().check(object, a.relation(), a.user(), extras))
                      .as("check of listed object %s", object)
                      .isTrue();
                }
              }));
    }
    for (int i = 0; i < stage.listUsers().size(); i++) {
      ListUsersAssertion a = stage.listUsers().get(i);
      Extras extras = a.extras().plus(extraContextual);
      String name =
          prefix + " listUsers " + i + ": " + a.object() + "#" + a.relation() + "@" + a.filters();
      tests.add(
          DynamicTest.dynamicTest(
              name,
              () -> {
                if (a.errorCode() != 0) {
                  assertErrorCode(
                      () -> store.get().listUsers(a.object(), a.relation(), a.filters(), extras),
                      a.errorCode());
                  return;
                }
                Set<String> users =
                    store.get().listUsers(a.object(), a.relation(), a.filters(), extras);
                assertThat(users).containsExactlyInAnyOrderElementsOf(a.expectation());
                for (String user : users) {
                  assertThat(store.get().check(a.object(), a.relation(), user, extras))
                      .as("check of listed user %s", user)
                      .isTrue();
                }
              }));
    }
    return tests;
  }

  private static void assertErrorCode(Runnable call, int code) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            FgaValidationException.class,
            e ->
                assertThat(e.code().number())
                    .as("error code (%s)", e.getMessage())
                    .isEqualTo(code));
  }

  private static <T> Supplier<T> memoize(Supplier<T> supplier) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = supplier.get();
        }
        return value;
      }
    };
  }
}
