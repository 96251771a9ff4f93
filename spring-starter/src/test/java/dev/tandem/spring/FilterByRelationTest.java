package dev.tandem.spring;

import static dev.tandem.spring.Denials.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.FgaUnavailableException;
import dev.tandem.core.actor.Actor;
import dev.tandem.core.annotation.FilterByRelation;
import dev.tandem.core.client.FgaClient;
import dev.tandem.core.client.WriteRequest;
import dev.tandem.core.tuple.TupleKey;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class FilterByRelationTest {

  private final AtomicInteger batches = new AtomicInteger();
  private final AtomicBoolean failing = new AtomicBoolean();
  private final AtomicReference<Actor> actor = new AtomicReference<>(Actor.user("alice"));

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(TandemAutoConfiguration.class))
          .withPropertyValues(Repo.modelProperty())
          .withBean(FgaClient.class, this::countingClient)
          .withBean(ActorResolver.class, () -> actor::get);

  @Test
  void filterKeepsPermittedElementsInOrderWithOneBatch() {
    runner
        .withBean(Documents.class)
        .run(
            context -> {
              Documents documents = context.getBean(Documents.class);
              batches.set(0);
              assertThat(documents.search("hermes", "apollo", "zeus", "apollo"))
                  .extracting(Document::getProjectId)
                  .containsExactly("apollo", "zeus", "apollo");
              assertThat(batches).hasValue(1);
            });
  }

  @Test
  void filterDropsElementsWhoseIdCannotBeRead() {
    runner
        .withBean(Documents.class)
        .run(
            context ->
                assertThat(
                        context
                            .getBean(Documents.class)
                            .search("apollo", null, "a b", "T(java.lang.Runtime)", "1,2"))
                    .extracting(Document::getProjectId)
                    .containsExactly("apollo"));
  }

  @Test
  void filterReadsElementsThemselvesWithThisAndKeepsSets() {
    runner
        .withBean(Documents.class)
        .run(
            context ->
                assertThat(context.getBean(Documents.class).ids("zeus", "hermes", "apollo"))
                    .isInstanceOf(Set.class)
                    .containsExactly("zeus", "apollo"));
  }

  @Test
  void filterWithoutActorIsUnauthenticated() {
    actor.set(null);
    runner
        .withBean(Documents.class)
        .run(context -> assertStatus(() -> context.getBean(Documents.class).search("apollo"), 401));
  }

  @Test
  void filterWhenBackendFailsIsUnavailableNotUnfiltered() {
    runner
        .withBean(Documents.class)
        .run(
            context -> {
              failing.set(true);
              assertStatus(() -> context.getBean(Documents.class).search("apollo"), 503);
            });
  }

  @Test
  void filterOnNonCollectionOrWithMethodCallFailsStartup() {
    runner
        .withBean(BadDocuments.class)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasMessageContaining(
                        "BadDocuments.one @FilterByRelation(\"can_view\"): the method returns"
                            + " java.lang.String; it must return List, Set or Collection")
                    .hasMessageContaining("may only read method parameters")
                    .hasMessageContaining("'can_view' exists on several types"));
  }

  /** A retrieved document. */
  public static class Document {
    private final String projectId;

    Document(String projectId) {
      this.projectId = projectId;
    }

    public String getProjectId() {
      return projectId;
    }
  }

  static class Documents {
    // tag::filter[]
    @FilterByRelation(value = "can_view", type = "project", id = "projectId")
    public List<Document> search(String... projectIds) {
      List<Document> found = new ArrayList<>();
      for (String id : projectIds) {
        found.add(new Document(id));
      }
      return found;
    }

    // end::filter[]

    @FilterByRelation(value = "can_view", type = "project", id = "#this")
    public Set<String> ids(String... ids) {
      return new LinkedHashSet<>(Arrays.asList(ids));
    }
  }

  static class BadDocuments {
    @FilterByRelation(value = "can_view", type = "project")
    public String one() {
      return "apollo";
    }

    @FilterByRelation(value = "can_view", type = "project", id = "getProjectId()")
    public List<Document> calls() {
      return List.of();
    }

    @FilterByRelation("can_view")
    public List<Document> ambiguous() {
      return List.of();
    }
  }

  private FgaClient countingClient() {
    FgaClient client = FgaClient.builder().embedded().build();
    client.writeAuthorizationModel(Repo.model());
    client.write(
        new WriteRequest(
            List.of(
                TupleKey.of("project:apollo", "viewer", "user:alice"),
                TupleKey.of("project:zeus", "viewer", "user:alice")),
            List.of()));
    return (FgaClient)
        Proxy.newProxyInstance(
            FgaClient.class.getClassLoader(),
            new Class<?>[] {FgaClient.class},
            (proxy, method, args) -> {
              if (method.getName().equals("batchCheck") || method.getName().equals("check")) {
                batches.incrementAndGet();
                if (failing.get()) {
                  throw new FgaUnavailableException("down (test)");
                }
              }
              try {
                return method.invoke(client, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
