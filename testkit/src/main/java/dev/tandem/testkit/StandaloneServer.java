package dev.tandem.testkit;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * The command line of the standalone jar: {@code java -jar tandem-testkit-VERSION-standalone.jar
 * --port 8080} serves OpenFGA's HTTP API over an in-memory engine until the process is stopped. It
 * starts empty, or with one store holding the model of {@code --model} and the tuples of {@code
 * --tuples}, whose ids it prints on the line after its URL: {@code store ID model ID}.
 */
public final class StandaloneServer {

  /** The name of the store created with {@code --model} unless {@code --store-name} says. */
  static final String DEFAULT_STORE_NAME = "tandem";

  static final String USAGE =
      String.join(
          System.lineSeparator(),
          "Usage: java -jar tandem-testkit-<version>-standalone.jar [options]",
          "",
          "Serves the OpenFGA HTTP API from memory, over Tandem's embedded engine. Starts empty",
          "(create a store with POST /stores and write a model, as with any OpenFGA server), or",
          "with --model, with one store holding that model and the tuples of --tuples; its ids",
          "are printed after the URL, as 'store <store id> model <model id>'.",
          "",
          "Options:",
          "  --port N           port to listen on (default 8080; 0 for any free port)",
          "  --host ADDRESS     address to bind (default 127.0.0.1; 0.0.0.0 for all interfaces)",
          "  --latency MS       delay every answer by MS milliseconds, to emulate a remote server",
          "  --threads N        worker threads (default " + OpenFgaTestServer.DEFAULT_THREADS + ")",
          "  --model FILE       create a store with this model: OpenFGA DSL, or JSON for .json",
          "  --tuples FILE      write these tuples to that store: YAML, or JSON for .json",
          "  --store-name NAME  name of that store (default " + DEFAULT_STORE_NAME + ")",
          "  --help             print this help and exit");

  /** The outcome of a command line: a running server, or none and the exit status. */
  record Launch(@Nullable OpenFgaTestServer server, int exitStatus) {}

  /**
   * What a command line asks for.
   *
   * @param model the model file of the store to create at start, or null to start empty
   * @param tuples the tuples file of that store, or null for none
   */
  record Options(
      String host,
      int port,
      Duration latency,
      int threads,
      @Nullable Path model,
      @Nullable Path tuples,
      String storeName,
      boolean help) {}

  /** A command line that cannot be run; the message says why. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  private StandaloneServer() {}

  /**
   * Runs the server until the process is stopped; exits 2 on a usage error, 1 when a file cannot be
   * loaded or the address cannot be bound.
   */
  public static void main(String[] args) throws InterruptedException {
    Launch launch = launch(args, System.out, System.err);
    OpenFgaTestServer server = launch.server();
    if (server == null) {
      if (launch.exitStatus() != 0) {
        System.exit(launch.exitStatus());
      }
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "tandem-testkit-shutdown"));
    stopped.await();
  }

  /**
   * Parses {@code args}, then prints the help, or seeds and starts the server and prints its URL
   * and the ids of the seeded store. Nothing listens when a file cannot be loaded.
   */
  static Launch launch(String[] args, PrintStream out, PrintStream err) {
    Options options;
    try {
      options = parse(args);
    } catch (UsageException e) {
      err.println("error: " + e.getMessage());
      err.println(USAGE);
      return new Launch(null, 2);
    }
    if (options.help()) {
      out.println(USAGE);
      return new Launch(null, 0);
    }
    OpenFgaTestServer server =
        new OpenFgaTestServer().withThreads(options.threads()).withLatency(options.latency());
    TestStore seeded = null;
    Path model = options.model();
    if (model != null) {
      try {
        seeded = StandaloneSeed.seed(server, options.storeName(), model, options.tuples());
      } catch (StandaloneSeed.SeedException e) {
        err.println("error: " + e.getMessage());
        return new Launch(null, 1);
      }
    }
    try {
      server.start(new InetSocketAddress(options.host(), options.port()));
    } catch (UncheckedIOException e) {
      err.println("error: " + e.getMessage() + ": " + e.getCause().getMessage());
      return new Launch(null, 1);
    }
    out.println("Tandem OpenFGA test server listening on " + server.uri());
    if (seeded != null) {
      out.println("store " + seeded.id() + " model " + seeded.modelId());
    }
    out.flush();
    return new Launch(server, 0);
  }

  static Options parse(String[] args) {
    String host = "127.0.0.1";
    int port = 8080;
    Duration latency = Duration.ZERO;
    int threads = OpenFgaTestServer.DEFAULT_THREADS;
    Path model = null;
    Path tuples = null;
    String storeName = null;
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--help":
        case "-h":
          help = true;
          break;
        case "--port":
          port = number(arg, value(args, ++i, arg), 0, 65535);
          break;
        case "--host":
          host = value(args, ++i, arg);
          break;
        case "--latency":
          latency = Duration.ofMillis(number(arg, value(args, ++i, arg), 0, 600_000));
          break;
        case "--threads":
          threads = number(arg, value(args, ++i, arg), 1, 1024);
          break;
        case "--model":
          model = file(arg, value(args, ++i, arg));
          break;
        case "--tuples":
          tuples = file(arg, value(args, ++i, arg));
          break;
        case "--store-name":
          storeName = value(args, ++i, arg);
          if (storeName.isBlank()) {
            throw new UsageException("--store-name must not be blank");
          }
          break;
        default:
          throw new UsageException("unknown option '" + arg + "'");
      }
    }
    if (model == null && tuples != null) {
      throw new UsageException(
          "--tuples needs --model: add --model FILE with the model the tuples are written against");
    }
    if (model == null && storeName != null) {
      throw new UsageException(
          "--store-name needs --model: without a model the server starts with no store");
    }
    return new Options(
        host,
        port,
        latency,
        threads,
        model,
        tuples,
        storeName == null ? DEFAULT_STORE_NAME : storeName,
        help);
  }

  private static Path file(String option, String value) {
    if (value.isBlank()) {
      throw new UsageException(option + " needs a file name");
    }
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new UsageException(option + " '" + value + "' is not a file path: " + e.getReason());
    }
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new UsageException(option + " needs a value");
    }
    return args[index];
  }

  private static int number(String option, String value, int min, int max) {
    int number;
    try {
      number = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new UsageException(option + " '" + value + "' is not a number");
    }
    if (number < min || number > max) {
      throw new UsageException(option + " " + number + " is out of range " + min + ".." + max);
    }
    return number;
  }
}
