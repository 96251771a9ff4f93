package dev.tandem.jakarta;

import dev.tandem.core.authz.Authorizer;
import dev.tandem.core.client.FgaClient;
import dev.tandem.core.model.ModelDsl;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.net.URI;
import java.util.EnumSet;

/** The example of {@code docs/jakarta.md}, run by {@link ExampleTest}. */
final class Example {

  private Example() {}

  // tag::filter[]
  static TandemFilter tandemFilter(String modelDsl, URI jwksUri, String issuer) {
    FgaClient client = FgaClient.builder().embedded().build(); // or .remote(URI) + .storeId(...)
    client.writeAuthorizationModel(ModelDsl.parse(modelDsl));
    Authorizer authorizer = Authorizer.create(client);

    return TandemFilter.builder(authorizer)
        .routes(
            RouteRules.builder()
                .rule("GET /health -> public")
                .rule("GET /me -> authenticated")
                .rule("GET /projects/{projectId} -> can_view on project:{projectId}")
                .rule(
                    "POST /projects/{projectId}/tickets"
                        + " -> can_create_ticket on project:{projectId}")
                .rule("GET /tickets -> can_view on project:{query:project}")
                .build())
        .actorResolver(
            JwtActorResolver.builder()
                .jwksUri(jwksUri)
                .issuer(issuer)
                .audience("tickets-api") // required: a resolver without it cannot be built
                .build())
        .build();
  }

  // end::filter[]

  // tag::register[]
  /** Registers the filter in front of every servlet of the application. */
  static final class TandemSetup implements ServletContextListener {
    private final TandemFilter filter;

    TandemSetup(TandemFilter filter) {
      this.filter = filter;
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
      FilterRegistration.Dynamic tandem = event.getServletContext().addFilter("tandem", filter);
      tandem.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    }
  }
  // end::register[]
}
