package dev.tandem.sample.data;

import dev.tandem.core.client.Credentials;
import dev.tandem.core.client.FgaClient;
import dev.tandem.core.client.RemoteOptions;
import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.model.ModelFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * In remote mode without {@code tandem.remote.store-id}, creates a store on the server, writes the
 * model of {@code tandem.model} to it, and points the app at it; {@link Seeder} then writes the
 * tuples. This lets the sample run against a bare OpenFGA-compatible server (the testkit's
 * standalone jar, an OpenFGA container) with one setting. With a store id set, nothing is created.
 * It authenticates with {@code tandem.remote.api-token} when set; for a server that needs OAuth
 * client credentials (Auth0 FGA), create and seed the store yourself and set its id.
 *
 * <p>It runs as a bean-factory post-processor: after every property source is known (test
 * properties included), before any bean reads {@code tandem.remote.store-id}.
 */
public final class RemoteStoreBootstrap implements BeanFactoryPostProcessor {

  private static final Logger log = LoggerFactory.getLogger(RemoteStoreBootstrap.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final ConfigurableEnvironment env;

  public RemoteStoreBootstrap(ConfigurableEnvironment env) {
    this.env = env;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    if (!"remote".equalsIgnoreCase(env.getProperty("tandem.mode", "embedded"))
        || !env.getProperty("tandem.remote.store-id", "").isBlank()) {
      return;
    }
    String apiUrl = env.getProperty("tandem.remote.api-url", "");
    if (apiUrl.isBlank()) {
      throw new IllegalStateException("tandem.remote.api-url must be set when tandem.mode=remote");
    }
    String storeName = env.getProperty("sample.remote.store-name", "tandem-sample");
    String storeId = createStore(URI.create(apiUrl), storeName, env);
    try (FgaClient store =
        FgaClient.builder().remote(options(apiUrl, env)).storeId(storeId).build()) {
      store.writeAuthorizationModel(model(env.getProperty("tandem.model", "")));
    }
    env.getPropertySources()
        .addFirst(
            new MapPropertySource(
                "sample-remote-store", Map.of("tandem.remote.store-id", storeId)));
    log.info("Created store '{}' ({}) on {} and wrote the model", storeName, storeId, apiUrl);
  }

  private static String createStore(URI apiUrl, String name, ConfigurableEnvironment env) {
    JsonMapper json = JsonMapper.builder().build();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(apiUrl.resolve("/stores"))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("name", name))));
    String token = env.getProperty("tandem.remote.api-token", "");
    if (!token.isBlank()) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            "creating a store on " + apiUrl + " failed: HTTP " + response.statusCode());
      }
      JsonNode id = json.readTree(response.body()).get("id");
      if (id == null || !id.isString() || id.asString().isBlank()) {
        throw new IllegalStateException("the server at " + apiUrl + " returned no store id");
      }
      return id.asString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach the FGA server at " + apiUrl, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating a store", e);
    }
  }

  private static RemoteOptions options(String apiUrl, ConfigurableEnvironment env) {
    RemoteOptions d = RemoteOptions.defaults(URI.create(apiUrl));
    String token = env.getProperty("tandem.remote.api-token", "");
    Credentials credentials = token.isBlank() ? Credentials.none() : Credentials.apiToken(token);
    return new RemoteOptions(
        d.apiUrl(),
        credentials,
        d.connectTimeout(),
        d.attemptTimeout(),
        d.overallTimeout(),
        d.maxRetries(),
        d.baseBackoff(),
        d.maxRetryAfter(),
        d.maxConnections());
  }

  private static AuthorizationModel model(String location) {
    if (location.isBlank()) {
      throw new IllegalStateException("tandem.model must be set to create a remote store");
    }
    Resource resource = new DefaultResourceLoader().getResource(location);
    try (InputStream in = resource.getInputStream()) {
      return ModelFiles.read(in, location);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the model at " + location, e);
    }
  }
}
