package dev.tandem.core.internal.remote;

import dev.tandem.core.client.RemoteOptions;
import feign.Feign;
import feign.Request;
import feign.Retryer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/** Wires a {@link RemoteBackend}: HTTP client, credentials, Feign, circuit breaker, workers. */
final class RemoteTransport {

  /**
   * The circuit breaker: over the last 20 attempts (once at least 10 were made), 50% failures open
   * it; it stays open 10 seconds, then lets 3 trial attempts through.
   */
  static final CircuitBreakerConfig DEFAULT_BREAKER =
      CircuitBreakerConfig.custom()
          .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
          .slidingWindowSize(20)
          .minimumNumberOfCalls(10)
          .failureRateThreshold(50)
          .waitDurationInOpenState(Duration.ofSeconds(10))
          .permittedNumberOfCallsInHalfOpenState(3)
          .build();

  private static final AtomicInteger CLIENTS = new AtomicInteger();

  private RemoteTransport() {}

  static RemoteBackend backend(RemoteOptions options) {
    return backend(
        options,
        DEFAULT_BREAKER,
        Clock.systemUTC(),
        System::nanoTime,
        wait -> TimeUnit.NANOSECONDS.sleep(wait.toNanos()));
  }

  static RemoteBackend backend(
      RemoteOptions options,
      CircuitBreakerConfig breaker,
      Clock clock,
      LongSupplier ticker,
      ResilientCalls.Sleeper sleeper) {
    int id = CLIENTS.incrementAndGet();
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(options.connectTimeout())
            // Plain HTTP stays on 1.1: the JDK would otherwise try an h2c upgrade on every new
            // connection. Over TLS, HTTP/2 is negotiated when the server offers it.
            .version(
                "https".equals(options.apiUrl().getScheme())
                    ? HttpClient.Version.HTTP_2
                    : HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    Authorization authorization =
        Authorization.of(options.credentials(), http, options.attemptTimeout(), clock);
    JsonBodies bodies = new JsonBodies();
    OpenFgaApi api =
        Feign.builder()
            .client(new JdkFeignClient(http, options.maxConnections(), authorization))
            .encoder(bodies)
            .decoder(bodies)
            .errorDecoder(new StatusErrorDecoder(clock))
            .retryer(Retryer.NEVER_RETRY)
            .options(new Request.Options(options.connectTimeout(), options.attemptTimeout(), false))
            .target(OpenFgaApi.class, baseUrl(options));
    ResilientCalls calls =
        new ResilientCalls(
            options,
            CircuitBreaker.of("tandem-fga-" + id, breaker),
            authorization,
            ticker,
            sleeper);
    return new RemoteBackend(api, calls, workers(id, options.maxConnections()), closer(http));
  }

  private static String baseUrl(RemoteOptions options) {
    String url = options.apiUrl().toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** Threads for the parallel calls of a large or fallen-back batch; idle ones exit. */
  private static ExecutorService workers(int id, int size) {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory =
        runnable -> {
          Thread thread =
              new Thread(runnable, "tandem-fga-" + id + "-worker-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            size, size, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }

  /** {@code HttpClient} is closeable from Java 21 on; on 17 its idle connections time out. */
  private static AutoCloseable closer(HttpClient http) {
    return () -> {
      if (http instanceof AutoCloseable closeable) {
        closeable.close();
      }
    };
  }
}
