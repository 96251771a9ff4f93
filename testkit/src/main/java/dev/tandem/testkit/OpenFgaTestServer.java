package dev.tandem.testkit;

import com.sun.net.httpserver.HttpServer;
import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.store.EmbeddedStores;
import dev.tandem.core.tuple.TupleKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * An in-process HTTP server that speaks OpenFGA's HTTP API over Tandem's embedded engine, for tests
 * and benchmarks of anything that talks to OpenFGA: Tandem's remote client, the official SDKs, or
 * plain HTTP.
 *
 * <p>It serves the store, authorization-model, read, write, check, batch-check, list-objects,
 * list-users and expand endpoints ({@link OpenFgaEndpoint}) with OpenFGA's statuses and bodies: 201
 * for a created store or model, 204 for a deleted store, 200 otherwise; errors as {@code {"code",
 * "message"}} with 400 and OpenFGA's error code name, 404 {@code store_id_not_found} or {@code
 * undefined_endpoint}, 405 for a known path with another method, and 500 {@code internal_error}.
 * Queries use the body's {@code authorization_model_id}, else the store's latest model.
 *
 * <pre>{@code
 * try (OpenFgaTestServer server = new OpenFgaTestServer().start()) {
 *   URI apiUrl = server.uri(); // http://127.0.0.1:PORT
 *   ...
 * }
 * }</pre>
 *
 * <p>All state is in memory, in {@link #stores()}, which tests may also use directly. Thread-safe.
 */
public final class OpenFgaTestServer implements AutoCloseable {

  static {
    // The JDK server writes a response's headers and body separately; without TCP_NODELAY, Nagle's
    // algorithm and the client's delayed ACK add some 40 ms to every answer. Read once, when the
    // JDK's server first starts, so it is set here unless the JVM was started with a value.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    // The JDK server keeps at most sun.net.httpserver.maxIdleConnections (200) idle keep-alive
    // connections. Past that, it closes a connection right after writing a response, without a
    // "Connection: close" header: the client pools it as reusable and its next request fails
    // with no answer. Tests open many clients (and Java 17 cannot close an HttpClient's pool), so
    // the limit is lifted; idle connections still close after sun.net.httpserver.idleInterval.
    if (System.getProperty("sun.net.httpserver.maxIdleConnections") == null) {
      System.setProperty(
          "sun.net.httpserver.maxIdleConnections", Integer.toString(Integer.MAX_VALUE));
    }
  }

  /** Worker threads by default: enough for tests and for a benchmark's client threads. */
  public static final int DEFAULT_THREADS = 8;

  private final EmbeddedStores stores;
  private final Map<OpenFgaEndpoint, LongAdder> counts = new EnumMap<>(OpenFgaEndpoint.class);
  private final LongAdder total = new LongAdder();
  private volatile Duration latency = Duration.ZERO;
  private int threads = DEFAULT_THREADS;
  private @Nullable HttpServer server;
  private @Nullable ExecutorService workers;
  private @Nullable ScheduledExecutorService delays;

  /** A server over new, empty stores. */
  public OpenFgaTestServer() {
    this(new EmbeddedStores());
  }

  /** A server over {@code stores}, which the caller may also read and write directly. */
  public OpenFgaTestServer(EmbeddedStores stores) {
    this.stores = Objects.requireNonNull(stores, "stores");
    for (OpenFgaEndpoint endpoint : OpenFgaEndpoint.values()) {
      counts.put(endpoint, new LongAdder());
    }
  }

  /**
   * Delays every answer by {@code latency}, to emulate a remote server. Takes effect for requests
   * arriving afterwards; may be changed while running. The delay does not occupy a worker thread.
   */
  public OpenFgaTestServer withLatency(Duration latency) {
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency " + latency + " is negative");
    }
    this.latency = latency;
    return this;
  }

  /** Serves requests on {@code threads} worker threads ({@value #DEFAULT_THREADS} by default). */
  public synchronized OpenFgaTestServer withThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads " + threads + " is invalid: at least 1");
    }
    if (server != null) {
      throw new IllegalStateException("the server is already started");
    }
    this.threads = threads;
    return this;
  }

  /** Starts on an ephemeral port of the loopback interface. */
  public OpenFgaTestServer start() {
    return start(0);
  }

  /** Starts on {@code port} (0 for an ephemeral port) of the loopback interface. */
  public OpenFgaTestServer start(int port) {
    return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
  }

  /**
   * Starts on {@code address}.
   *
   * @throws UncheckedIOException when the address cannot be bound
   * @throws IllegalStateException when the server was already started
   */
  public synchronized OpenFgaTestServer start(InetSocketAddress address) {
    if (server != null) {
      throw new IllegalStateException("the server is already started");
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemons("tandem-testkit-http"));
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(daemons("tandem-testkit-latency"));
    HttpServer http;
    try {
      http = HttpServer.create(address, 128);
    } catch (IOException e) {
      pool.shutdownNow();
      timer.shutdownNow();
      throw new UncheckedIOException("cannot listen on " + address, e);
    }
    http.createContext(
        "/", new ApiHandler(new Operations(stores), this::count, () -> latency, timer, pool));
    http.setExecutor(pool);
    http.start();
    this.server = http;
    this.workers = pool;
    this.delays = timer;
    return this;
  }

  /** The base URL of the API, e.g. {@code http://127.0.0.1:8080}. */
  public URI uri() {
    InetSocketAddress address = address();
    InetAddress host = address.getAddress();
    String hostName =
        host.isAnyLocalAddress()
            ? InetAddress.getLoopbackAddress().getHostAddress()
            : host.getHostAddress();
    if (hostName.contains(":")) {
      hostName = "[" + hostName + "]";
    }
    return URI.create("http://" + hostName + ":" + address.getPort());
  }

  /** The port the server listens on. */
  public int port() {
    return address().getPort();
  }

  /** The stores this server serves. */
  public EmbeddedStores stores() {
    return stores;
  }

  /**
   * Creates a store holding {@code model} and {@code tuples}, as a test fixture.
   *
   * @throws dev.tandem.core.FgaValidationException when the model or a tuple is invalid
   */
  public TestStore createStore(
      String name, @Nullable AuthorizationModel model, Collection<TupleKey> tuples) {
    return Seeding.seed(stores, name, model, tuples);
  }

  /** Requests answered for {@code endpoint} since the start or the last {@link #resetCounts()}. */
  public long requestCount(OpenFgaEndpoint endpoint) {
    return counts.get(endpoint).sum();
  }

  /** All requests answered, including those to unknown paths. */
  public long requestCount() {
    return total.sum();
  }

  /** Sets every request count to zero. */
  public void resetCounts() {
    counts.values().forEach(LongAdder::reset);
    total.reset();
  }

  /** Stops listening and releases the threads; the stores keep their contents. Idempotent. */
  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
    if (delays != null) {
      delays.shutdownNow();
      delays = null;
    }
    if (workers != null) {
      workers.shutdownNow();
      workers = null;
    }
  }

  private synchronized InetSocketAddress address() {
    if (server == null) {
      throw new IllegalStateException("the server is not started");
    }
    return server.getAddress();
  }

  private void count(Routes.@Nullable Match match) {
    total.increment();
    if (match != null) {
      counts.get(match.endpoint()).increment();
    }
  }

  private static ThreadFactory daemons(String name) {
    AtomicInteger next = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + next.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
