package dev.tandem.jakarta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.core.FgaException;
import dev.tandem.core.FgaUnavailableException;
import dev.tandem.core.authz.Authorizer;
import dev.tandem.core.client.FgaClient;
import dev.tandem.core.client.ForwardingFgaClient;
import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.model.ModelDsl;
import dev.tandem.core.store.EmbeddedStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Route rules are checked against the authorization model when the filter is built: a type or
 * relation the model does not define fails the build, all such rules reported at once, and a model
 * that cannot be read fails it too.
 */
class ModelCheckTest {

  private static final String PROJECT_RELATIONS =
      "its relations: team, owner, editor, viewer, can_view, can_edit, can_create_ticket";

  @TempDir Path dir;

  @Test
  void buildWhenRelationMissingFromModelThenFailsNamingTheRule() {
    assertThatThrownBy(
            () -> build(rules("GET /projects/{projectId} -> can_veiw on project:{projectId}")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("1 problem(s)")
        .hasMessageContaining(
            "route 'GET /projects/{projectId} -> can_veiw on project:{projectId}': relation"
                + " 'can_veiw' is not defined on type 'project' ("
                + PROJECT_RELATIONS
                + ")");
  }

  @Test
  void buildWhenRelationDefinedOnAnotherTypeOnlyThenFails() {
    assertThatThrownBy(() -> build(rules("POST /tickets/{id} -> can_create_ticket on ticket:{id}")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "relation 'can_create_ticket' is not defined on type 'ticket' (its relations: project,"
                + " reporter, assignee, can_view, can_edit)");
  }

  @Test
  void buildWhenTypeMissingFromModelThenFailsNamingTheRuleAndTheModelTypes() {
    assertThatThrownBy(() -> build(rules("GET /projects/{id} -> can_view on projet:{id}")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "route 'GET /projects/{id} -> can_view on projet:{id}': type 'projet' is not in the"
                + " model (its types: user, client, agent, consent, task, organization, group,"
                + " team, project, ticket)");
  }

  @Test
  void buildWhenFixedIdHasUnknownTypeThenFails() {
    assertThatThrownBy(() -> build(rules("GET /admin -> admin on organisation:acme")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "route 'GET /admin -> admin on organisation:acme': type 'organisation' is not in the"
                + " model");
  }

  @Test
  void buildWhenTypeHasNoRelationsThenSaysSo() {
    assertThatThrownBy(() -> build(rules("GET /clients/{id} -> can_view on client:{id}")))
        .hasMessageContaining(
            "relation 'can_view' is not defined on type 'client' (the type has no relations)");
  }

  @Test
  void buildWhenSeveralRulesMismatchThenReportsThemAllTogether() {
    RouteRules rules =
        RouteRules.builder()
            .rule("GET /health -> public")
            .rule("GET /projects/{projectId} -> can_veiw on project:{projectId}")
            .rule(
                "GET /tickets/{id} -> can_view on tiket:{id} and can_view on team:{header:X-Team}")
            .rule("GET /admin -> admin on organization:acme")
            .requires("PUT", "/teams/{team}", "can_edit on team:{team}", "lead on group:all")
            .build();
    assertThatThrownBy(() -> build(rules))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("the route rules do not fit the authorization model '")
        .hasMessageContaining("; 3 problem(s):\n  - route 'GET /projects/{projectId}")
        .hasMessageContaining(
            "route 'GET /projects/{projectId} -> can_veiw on project:{projectId}'")
        .hasMessageContaining("route 'GET /tickets/{id} -> can_view on tiket:{id} and can_view on")
        .hasMessageContaining("type 'tiket' is not in the model")
        .hasMessageContaining(
            "route 'PUT /teams/{team} -> can_edit on team:{team} and lead on group:all': relation"
                + " 'lead' is not defined on type 'group' (its relations: organization, member,"
                + " can_email)")
        .message()
        .doesNotContain("/health")
        .doesNotContain("/admin");
  }

  @Test
  void buildWhenRuleWrittenWithExtraSpacesThenQuotedAsWritten() {
    assertThatThrownBy(() -> build(rules("GET   /projects/{id}   ->  can_veiw on project:{id}")))
        .hasMessageContaining("route 'GET   /projects/{id}   ->  can_veiw on project:{id}'");
  }

  @Test
  void buildWhenEveryRuleFitsTheModelThenBuilds() {
    assertThat(build(RouteRulesHttpTest.RULES)).isNotNull();
  }

  @Test
  void buildWhenModelGivenThenChecksAgainstItWithoutReadingTheStore() {
    ModelReadFailingClient client =
        new ModelReadFailingClient(new FgaUnavailableException("must not be asked"));
    AuthorizationModel model = ReferenceModel.model();

    assertThat(
            TandemFilter.builder(Authorizer.create(client))
                .model(model)
                .routes(RouteRulesHttpTest.RULES)
                .actorResolver(request -> null)
                .build())
        .isNotNull();
    assertThatThrownBy(
            () ->
                TandemFilter.builder(Authorizer.create(client))
                    .model(model)
                    .routes(rules("GET /a/{id} -> can_veiw on project:{id}"))
                    .actorResolver(request -> null)
                    .build())
        .hasMessageContaining("relation 'can_veiw' is not defined on type 'project'");
    assertThat(client.reads).hasValue(0);
  }

  @Test
  void buildWhenOnlyPublicAndAuthenticatedRulesThenModelNotRead() {
    ModelReadFailingClient client =
        new ModelReadFailingClient(new FgaUnavailableException("must not be asked"));
    RouteRules rules =
        RouteRules.builder().rule("GET /health -> public").rule("GET /me -> authenticated").build();

    assertThat(
            TandemFilter.builder(Authorizer.create(client))
                .routes(rules)
                .actorResolver(request -> null)
                .build())
        .isNotNull();
    assertThat(client.reads).hasValue(0);
  }

  @Test
  void buildWhenModelCannotBeReadThenFailsClosed() {
    FgaUnavailableException down = new FgaUnavailableException("connection refused");
    ModelReadFailingClient client = new ModelReadFailingClient(down);

    assertThatThrownBy(
            () ->
                TandemFilter.builder(Authorizer.create(client))
                    .routes(RouteRulesHttpTest.RULES)
                    .actorResolver(request -> null)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the route rules cannot be checked: reading the latest authorization model of store '"
                + client.storeId()
                + "' failed: connection refused")
        .hasCause(down);
    assertThat(client.reads).hasValue(1);
  }

  @Test
  void buildWhenClientIsPinnedToAnOlderModelThenChecksAgainstThatModel() {
    EmbeddedStores stores = new EmbeddedStores();
    FgaClient latest = FgaClient.builder().embedded(stores).build();
    String reference = latest.writeAuthorizationModel(ReferenceModel.model()).id();
    latest.writeAuthorizationModel(
        ModelDsl.parse(
            """
            model
              schema 1.1
            type user
            type project
              relations
                define owner: [user]
            """));
    FgaClient pinned =
        FgaClient.builder().embedded(stores).storeId(latest.storeId()).modelId(reference).build();
    RouteRules rules = rules("GET /projects/{id} -> can_view on project:{id}");

    assertThat(pinned.modelId()).contains(reference);
    assertThat(
            TandemFilter.builder(Authorizer.create(pinned))
                .routes(rules)
                .actorResolver(request -> null)
                .build())
        .isNotNull();
    assertThatThrownBy(
            () ->
                TandemFilter.builder(Authorizer.create(latest))
                    .routes(rules)
                    .actorResolver(request -> null)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("relation 'can_view' is not defined on type 'project'");
  }

  @Test
  void buildWhenPinnedModelCannotBeReadThenFailsNamingIt() {
    EmbeddedStores stores = new EmbeddedStores();
    FgaClient client = FgaClient.builder().embedded(stores).build();
    client.writeAuthorizationModel(ReferenceModel.model());
    FgaClient pinned =
        FgaClient.builder()
            .embedded(stores)
            .storeId(client.storeId())
            .modelId("01JZZZZZZZZZZZZZZZZZZZZZZZ")
            .build();
    assertThatThrownBy(
            () ->
                TandemFilter.builder(Authorizer.create(pinned))
                    .routes(rules("GET /projects/{id} -> can_view on project:{id}"))
                    .actorResolver(request -> null)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "reading authorization model '01JZZZZZZZZZZZZZZZZZZZZZZZ' of store '"
                + client.storeId()
                + "' failed")
        .hasCauseInstanceOf(FgaException.class);
  }

  @Test
  void buildWhenStoreHasNoModelThenFails() {
    FgaClient empty = FgaClient.builder().embedded().build();
    assertThatThrownBy(
            () ->
                TandemFilter.builder(Authorizer.create(empty))
                    .routes(RouteRulesHttpTest.RULES)
                    .actorResolver(request -> null)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has no authorization model")
        .hasCauseInstanceOf(FgaException.class);
  }

  @Test
  void configureWhenYamlRuleMismatchesThenBuildFails() throws Exception {
    Path file = dir.resolve("tandem.yaml");
    Files.writeString(
        file,
        """
        routes:
          - GET /health -> public
          - GET /projects/{projectId} -> can_veiw on project:{projectId}
        """);
    assertThatThrownBy(() -> configured(file))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "route 'GET /projects/{projectId} -> can_veiw on project:{projectId}': relation"
                + " 'can_veiw' is not defined on type 'project'");
  }

  @Test
  void configureWhenPropertiesRuleMismatchesThenBuildFails() throws Exception {
    Path file = dir.resolve("tandem.properties");
    Files.writeString(
        file,
        """
        route.project = GET /projects/{projectId} -> can_view on projet:{projectId}
        route.admin = GET /admin -> admin on organization:acme
        """);
    assertThatThrownBy(() -> configured(file))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("1 problem(s)")
        .hasMessageContaining(
            "route 'GET /projects/{projectId} -> can_view on projet:{projectId}': type 'projet'"
                + " is not in the model");
  }

  @Test
  void configureWhenShippedFilesFitTheModelThenBuild() throws Exception {
    for (String name : new String[] {"/tandem.yaml", "/tandem.properties"}) {
      Path file = Path.of(getClass().getResource(name).toURI());
      assertThat(
              TandemFilter.builder(Authorizer.create(ReferenceModel.client()))
                  .configure(file)
                  .build())
          .isNotNull();
    }
  }

  private static RouteRules rules(String line) {
    return RouteRules.builder().rule(line).build();
  }

  private static TandemFilter build(RouteRules rules) {
    return TandemFilter.builder(Authorizer.create(ReferenceModel.client()))
        .routes(rules)
        .actorResolver(request -> null)
        .build();
  }

  /** A filter from a file that has no JWT section, over the reference model. */
  private static TandemFilter configured(Path file) {
    return TandemFilter.builder(Authorizer.create(ReferenceModel.client()))
        .configure(file)
        .actorResolver(request -> null)
        .build();
  }

  /** A client holding the reference model whose model reads fail with {@code failure}. */
  static final class ModelReadFailingClient extends ForwardingFgaClient {
    final AtomicInteger reads = new AtomicInteger();
    private final RuntimeException failure;

    ModelReadFailingClient(RuntimeException failure) {
      super(ReferenceModel.client());
      this.failure = failure;
    }

    @Override
    public AuthorizationModel readLatestAuthorizationModel() {
      reads.incrementAndGet();
      throw failure;
    }

    @Override
    public AuthorizationModel readAuthorizationModel(String modelId) {
      reads.incrementAndGet();
      throw failure;
    }
  }
}
