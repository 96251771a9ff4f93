package dev.tandem.testkit;

import dev.tandem.core.client.FgaClient;
import dev.tandem.core.store.EmbeddedStores;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link TandemTest}: resolves {@link FgaClient}, {@link
 * OpenFgaTestServer} and {@link TestStore} parameters of tests and lifecycle methods.
 *
 * <p>Each test (each context that asks: a test method, or the class for {@code @BeforeAll} methods)
 * gets a new store seeded with the configured model and tuples, so tests do not see each other's
 * writes. The stores of a test class live in one in-memory {@link EmbeddedStores}; the server,
 * started on first use on an ephemeral loopback port, serves them and is stopped after the class.
 * An embedded client and the server asked for by the same test see the same store.
 *
 * <p>Use {@link TandemTest} to configure it with an annotation, or register a configured instance:
 *
 * <pre>{@code
 * @RegisterExtension
 * static TandemTestkitExtension fga =
 *     TandemTestkitExtension.builder()
 *         .model("classpath:authz/model.fga")
 *         .tuples("classpath:authz/tuples.yaml")
 *         .build();
 * }</pre>
 */
public final class TandemTestkitExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(TandemTestkitExtension.class);

  private static final Set<Class<?>> TYPES =
      Set.of(FgaClient.class, OpenFgaTestServer.class, TestStore.class);

  /** Where the model and tuples come from. */
  private record Config(String model, List<String> tuples) {}

  private final @Nullable Config config;

  /** The extension as {@link TandemTest} registers it: configured by that annotation. */
  public TandemTestkitExtension() {
    this.config = null;
  }

  private TandemTestkitExtension(Config config) {
    this.config = config;
  }

  /** A builder of an extension to register with {@code @RegisterExtension}. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public boolean supportsParameter(
      ParameterContext parameterContext, ExtensionContext extensionContext) {
    return TYPES.contains(parameterContext.getParameter().getType());
  }

  @Override
  public Object resolveParameter(
      ParameterContext parameterContext, ExtensionContext extensionContext) {
    Class<?> type = parameterContext.getParameter().getType();
    Fixture fixture = fixture(extensionContext);
    TestStore store =
        extensionContext
            .getStore(NAMESPACE)
            .computeIfAbsent(
                List.of(TestStore.class, extensionContext.getUniqueId()),
                key -> fixture.seed(config(extensionContext), storeName(extensionContext)),
                TestStore.class);
    if (type == TestStore.class) {
      return store;
    }
    if (type == OpenFgaTestServer.class) {
      return fixture.server();
    }
    return FgaClient.builder().embedded(fixture.stores).storeId(store.id()).build();
  }

  /** The fixture of the nearest class context: one per test class, closed after it. */
  private static Fixture fixture(ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    return classContext
        .getStore(NAMESPACE)
        .computeIfAbsent(
            List.of(Fixture.class, classContext.getUniqueId()),
            key -> new Fixture(),
            Fixture.class);
  }

  private Config config(ExtensionContext context) {
    if (config != null) {
      return config;
    }
    Optional<TandemTest> annotation = Optional.empty();
    Optional<ExtensionContext> current = Optional.of(context);
    while (annotation.isEmpty() && current.isPresent()) {
      Optional<AnnotatedElement> element = current.get().getElement();
      if (element.isPresent()) {
        annotation = AnnotationSupport.findAnnotation(element.get(), TandemTest.class);
      }
      current = current.get().getParent();
    }
    return annotation
        .map(a -> new Config(a.model(), List.of(a.tuples())))
        .orElse(new Config("", List.of()));
  }

  private static String storeName(ExtensionContext context) {
    String name = context.getTestClass().map(Class::getSimpleName).orElse("test");
    return context.getTestMethod().map(m -> name + "." + m.getName()).orElse(name);
  }

  /** Builds a {@link TandemTestkitExtension} configured in code. */
  public static final class Builder {

    private String model = "";
    private final List<String> tuples = new ArrayList<>();

    private Builder() {}

    /**
     * The model's location: {@code classpath:...} or a file; {@code .json} is read as JSON,
     * anything else as DSL.
     */
    public Builder model(String location) {
      this.model = Objects.requireNonNull(location, "location");
      return this;
    }

    /** Tuple files (YAML, or JSON for {@code .json}), written in order after the model. */
    public Builder tuples(String... locations) {
      for (String location : locations) {
        tuples.add(Objects.requireNonNull(location, "location"));
      }
      return this;
    }

    public TandemTestkitExtension build() {
      return new TandemTestkitExtension(new Config(model, List.copyOf(tuples)));
    }
  }

  /** The stores of one test class, their parsed seed data, and the server once asked for. */
  private static final class Fixture implements AutoCloseable {

    final EmbeddedStores stores = new EmbeddedStores();
    private final Map<Config, SeedFiles.Seed> seeds = new ConcurrentHashMap<>();
    private @Nullable OpenFgaTestServer server;

    TestStore seed(Config config, String name) {
      SeedFiles.Seed seed =
          seeds.computeIfAbsent(config, c -> SeedFiles.load(c.model(), c.tuples()));
      return Seeding.seed(stores, name, seed.model(), seed.tuples());
    }

    synchronized OpenFgaTestServer server() {
      if (server == null) {
        server = new OpenFgaTestServer(stores).start();
      }
      return server;
    }

    @Override
    public synchronized void close() {
      if (server != null) {
        server.close();
        server = null;
      }
    }
  }
}
