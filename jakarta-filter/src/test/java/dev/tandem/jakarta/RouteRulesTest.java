package dev.tandem.jakarta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.core.actor.ActorClaimsMapper;
import dev.tandem.core.authz.Authorizer;
import dev.tandem.core.client.FgaClient;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing, precedence and validation of route rules and configuration files. */
class RouteRulesTest {

  @Test
  void matchWhenSeveralRulesApplyThenTheMostSpecificWinsWhateverTheOrder() {
    RouteRules rules =
        RouteRules.builder()
            .rule("* /projects/** -> authenticated")
            .rule("GET /projects/{id} -> can_view on project:{id}")
            .rule("GET /projects/new -> public")
            .build();
    assertThat(rules.match("GET", "/projects/new").route().access()).isEqualTo(Route.Access.PUBLIC);
    RouteRules.Match match = rules.match("GET", "/projects/apollo");
    assertThat(match.route().access()).isEqualTo(Route.Access.RELATIONS);
    assertThat(match.variables()).isEqualTo(Map.of("id", "apollo"));
    assertThat(rules.match("DELETE", "/projects/apollo").route().access())
        .isEqualTo(Route.Access.AUTHENTICATED);
    assertThat(rules.match("GET", "/other")).isNull();
  }

  @Test
  void matchWhenHeadRequestThenTheGetRuleApplies() {
    RouteRules rules = RouteRules.builder().rule("GET /a -> public").build();
    assertThat(rules.match("HEAD", "/a")).isNotNull();
    assertThat(rules.match("POST", "/a")).isNull();
  }

  @Test
  void buildWhenTwoRulesMatchTheSameRequestsThenRejected() {
    assertThatThrownBy(
            () ->
                RouteRules.builder()
                    .rule("GET /projects/{id} -> public")
                    .rule("GET /projects/{projectId} -> authenticated")
                    .build())
        .hasMessageContaining("match the same requests");
  }

  @Test
  void ruleWhenMalformedThenRejectedWithTheReason() {
    assertThatThrownBy(() -> RouteRules.builder().rule("GET /a/{id} -> can_view on project:{x}"))
        .hasMessageContaining("names a variable the path does not have");
    assertThatThrownBy(() -> RouteRules.builder().rule("get /a -> public"))
        .hasMessageContaining("upper case");
    assertThatThrownBy(() -> RouteRules.builder().rule("GET /a/**/b -> public"))
        .hasMessageContaining("'**' may only end a pattern");
    assertThatThrownBy(() -> RouteRules.builder().rule("GET /a//b -> public"))
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> RouteRules.builder().rule("GET /a -> can_view project:{x}"))
        .hasMessageContaining("relation on type:id");
    assertThatThrownBy(() -> RouteRules.builder().rule("GET /a -> can_view on project:{cookie:x}"))
        .hasMessageContaining("unknown");
    assertThatThrownBy(() -> RouteRules.builder().rule("GET /a"))
        .hasMessageContaining("METHOD /path -> access");
  }

  @Test
  void yamlFileWhenLoadedThenRulesAndJwtSettingsBuildAFilter() throws Exception {
    Path file = Path.of(getClass().getResource("/tandem.yaml").toURI());
    RouteFiles.Contents contents = RouteFiles.load(file);
    assertThat(contents.routes().routes()).hasSize(8);
    assertThat(contents.jwt()).containsEntry("audience", List.of("tickets-api"));
    assertThat(contents.jwt()).containsEntry("first-party-clients", List.of("tickets-web"));
    TandemFilter filter =
        TandemFilter.builder(Authorizer.create(ReferenceModel.client())).configure(file).build();
    assertThat(filter).isNotNull();
  }

  @Test
  void propertiesFileWhenLoadedThenSameRuleSyntax() throws Exception {
    Path file = Path.of(getClass().getResource("/tandem.properties").toURI());
    RouteFiles.Contents contents = RouteFiles.load(file);
    assertThat(contents.routes().match("POST", "/projects/p1/tickets")).isNotNull();
    assertThat(contents.jwt()).containsEntry("audience", List.of("tickets-api", "tickets-admin"));
    assertThat(contents.jwt())
        .containsEntry("first-party-clients", List.of("tickets-web", "tickets-mobile"));
  }

  @Test
  void yamlFileWhenFirstPartyClientsIsOneValueOrAListThenReadAsAList() throws Exception {
    assertThat(yaml("jwt:\n  first-party-clients: tickets-web\n").jwt())
        .containsEntry("first-party-clients", List.of("tickets-web"));
    assertThat(yaml("jwt:\n  first-party-clients:\n    - tickets-web\n    - tickets-ios\n").jwt())
        .containsEntry("first-party-clients", List.of("tickets-web", "tickets-ios"));
  }

  @Test
  void fileWhenFirstPartyClientIsBlankOrNotAStringThenErrorNamesTheKey() {
    assertThatThrownBy(
            () ->
                JwtActorResolver.builder()
                    .configure(Map.of("first-party-clients", List.of("tickets-web", " "))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'jwt.first-party-clients'")
        .hasMessageContaining("blank client id");
    assertThatThrownBy(() -> yaml("jwt:\n  first-party-clients: [{id: web}]\n"))
        .hasMessageContaining("'jwt.first-party-clients' must hold strings");
  }

  @Test
  void filterBuilderWhenClaimsMapperAndFileFirstPartyClientsBothGivenThenFailsNamingBoth()
      throws Exception {
    Path file = Path.of(getClass().getResource("/tandem.yaml").toURI());
    ActorClaimsMapper mapper =
        ActorClaimsMapper.builder().firstPartyClients(List.of("tickets-web")).build();

    assertThatThrownBy(
            () ->
                TandemFilter.builder(Authorizer.create(ReferenceModel.client()))
                    .configure(file)
                    .claimsMapper(mapper)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("both claimsMapper(...) and 'jwt.first-party-clients' [tickets-web]")
        .hasMessageContaining("keep one");
    assertThatThrownBy(
            () ->
                JwtActorResolver.builder()
                    .claimsMapper(mapper)
                    .configure(
                        Map.of(
                            "issuer", List.of("https://login.example.com/"),
                            "audience", List.of("tickets-api"),
                            "jwks-uri", List.of("https://login.example.com/jwks"),
                            "first-party-clients", List.of()))
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("both claimsMapper(...) and 'jwt.first-party-clients' []");
  }

  @Test
  void resolverBuilderWhenClaimsMapperAndFileSettingsWithoutFirstPartyClientsThenBuilds()
      throws Exception {
    Path file = Path.of(getClass().getResource("/tandem.properties").toURI());
    RouteFiles.Contents contents = RouteFiles.load(file);
    Map<String, List<String>> withoutKey = new HashMap<>(contents.jwt());
    withoutKey.remove("first-party-clients");

    assertThat(
            JwtActorResolver.builder()
                .claimsMapper(
                    ActorClaimsMapper.builder().firstPartyClients(List.of("tickets-web")).build())
                .configure(withoutKey)
                .build())
        .isNotNull();
  }

  @Test
  void filterBuilderWhenClaimsMapperGivenWithAnActorResolverThenFailsRatherThanIgnoringIt() {
    assertThatThrownBy(
            () ->
                TandemFilter.builder(Authorizer.create(ReferenceModel.client()))
                    .routes(RouteRulesHttpTest.RULES)
                    .actorResolver(request -> null)
                    .claimsMapper(ActorClaimsMapper.builder().build())
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("claimsMapper(...) applies only to the 'jwt' section");
  }

  private static RouteFiles.Contents yaml(String text) throws Exception {
    return RouteFiles.readYaml(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void fileWhenJwtAudienceMissingThenFilterFailsAtStartup() throws Exception {
    RouteFiles.Contents contents =
        RouteFiles.readProperties(
            new StringReader(
                "route.a = GET /a -> authenticated\n"
                    + "jwt.issuer = https://login.example.com/\n"
                    + "jwt.jwks-uri = https://login.example.com/jwks\n"));
    assertThatThrownBy(() -> JwtActorResolver.builder().configure(contents.jwt()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("jwt.audience");
  }

  @Test
  void fileWhenKeyUnknownThenRejected() {
    assertThatThrownBy(
            () -> RouteFiles.readProperties(new StringReader("routes.a = GET /a -> public\n")))
        .hasMessageContaining("unknown configuration key 'routes.a'");
    assertThatThrownBy(
            () -> JwtActorResolver.builder().configure(Map.of("audiences", List.of("x"))))
        .hasMessageContaining("jwt.audiences");
  }

  @Test
  void fileWhenJwtValueMalformedThenErrorNamesTheKey() {
    assertThatThrownBy(
            () -> JwtActorResolver.builder().configure(Map.of("clock-skew", List.of("30s"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'jwt.clock-skew'")
        .hasMessageContaining("PT30S");
    assertThatThrownBy(
            () -> JwtActorResolver.builder().configure(Map.of("jwks-uri", List.of("not a uri"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'jwt.jwks-uri'");
    assertThatThrownBy(
            () ->
                JwtActorResolver.builder()
                    .configure(Map.of("jwks-uri", List.of("/.well-known/jwks.json"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jwks-uri '/.well-known/jwks.json' is not absolute");
  }

  @Test
  void filterBuilderWhenRulesOrResolverMissingThenFailsAtStartup() {
    Authorizer authorizer = Authorizer.create(FgaClient.builder().embedded().build());
    assertThatThrownBy(() -> TandemFilter.builder(authorizer).actorResolver(r -> null).build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () -> TandemFilter.builder(authorizer).routes(RouteRules.builder().build()).build())
        .isInstanceOf(IllegalStateException.class);
  }
}
