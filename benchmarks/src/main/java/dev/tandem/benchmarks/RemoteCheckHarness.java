package dev.tandem.benchmarks;

import dev.openfga.sdk.api.client.OpenFgaClient;
import dev.openfga.sdk.api.client.model.ClientCheckRequest;
import dev.openfga.sdk.api.configuration.ClientConfiguration;
import dev.tandem.core.client.CacheOptions;
import dev.tandem.core.client.CachingFgaClient;
import dev.tandem.core.client.CoalescingOptions;
import dev.tandem.core.client.FgaClient;
import dev.tandem.core.client.RemoteOptions;
import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.model.ModelDsl;
import dev.tandem.core.tuple.TupleKey;
import dev.tandem.testkit.OpenFgaEndpoint;
import dev.tandem.testkit.OpenFgaTestServer;
import dev.tandem.testkit.TestStore;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Remote checks side by side (DESIGN.md §7, issue 3 proof 4): the same checks, issued from the same
 * client threads against the testkit's OpenFGA-compatible server with added latency, once through
 * Tandem's remote client with coalescing and once through the official OpenFGA Java SDK, one {@code
 * check} call per check. Counts the HTTP calls each makes (the server's per-endpoint counters) and
 * the wall time of each round, verifies every answer against an independent oracle, and prints the
 * medians. Not a JMH benchmark: the quantity is the wall time of a whole round and the number of
 * calls in it, not the time of one operation.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.tandem.benchmarks.RemoteCheckHarness \
 *     [checks=1000] [unique=700] [threads=32] [latencyMs=2] [warmup=5] [rounds=15] [seed=42]
 *     [windowMs=2] [batch=50] [quietUs=windowMs*1000] [clients=tandem,sdk]
 * </pre>
 *
 * <p>{@code clients} lists the contestants, each run once per round (the order rotating from round
 * to round): {@code tandem} and {@code sdk} block on each check ({@code FgaClient.check}, {@code
 * OpenFgaClient.check(..).get()}); {@code tandem-async} and {@code sdk-async} have each thread
 * issue all of its checks without waiting ({@code FgaClient.checkAsync}, {@code
 * OpenFgaClient.check(..)}, both returning a {@code CompletableFuture}) and then join them. {@code
 * tandem-cached} and {@code tandem-cached-async} ask the same way through a second Tandem client
 * with a decision cache outside the coalescer, emptied before every round, so that a repeat whose
 * first ask has already been answered is answered from the cache instead of the server.
 *
 * <p>{@code windowMs}, {@code batch} and {@code quietUs} (the quiet period, in microseconds) set
 * Tandem's {@link CoalescingOptions} (default: {@link CoalescingOptions#defaults()}); {@code
 * quietUs} below the window turns on the early flush of a batch that has stopped growing (off by
 * default, as in {@code CoalescingOptions}). {@code threads=1000} with {@code checks=1000} issues
 * every check at once (one thread each).
 */
public final class RemoteCheckHarness {

  static final String MODEL =
      """
      model
        schema 1.1

      type user

      type group
        relations
          define member: [user]

      type folder
        relations
          define viewer: [user, group#member]

      type document
        relations
          define parent: [folder]
          define owner: [user]
          define viewer: [user] or owner or viewer from parent
      """;

  static final int USERS = 400;
  static final int GROUPS = 20;
  static final int FOLDERS = 50;
  static final int DOCUMENTS = 1_000;

  private RemoteCheckHarness() {}

  /** One question and its expected answer. */
  record Question(String object, String user, boolean expected) {}

  /** What one round of one client did. */
  record Round(
      long wallNanos, long cpuNanos, long checkCalls, long batchCheckCalls, long otherCalls) {
    long calls() {
      return checkCalls + batchCheckCalls + otherCalls;
    }
  }

  /** Answers one question; returns whether it is allowed. */
  @FunctionalInterface
  interface Checker {
    boolean allowed(Question question) throws Exception;
  }

  /** Starts answering one question without waiting for the answer. */
  @FunctionalInterface
  interface AsyncChecker {
    CompletableFuture<Boolean> start(Question question) throws Exception;
  }

  /**
   * One way of asking the questions: blocking per check, or issue everything then join; {@code
   * reset} runs before each round, untimed.
   */
  record Contestant(
      String name, boolean tandem, Checker blocking, AsyncChecker async, Runnable reset) {
    static Contestant blocking(String name, boolean tandem, Checker checker) {
      return new Contestant(name, tandem, checker, null, () -> {});
    }

    static Contestant async(String name, boolean tandem, AsyncChecker checker) {
      return new Contestant(name, tandem, null, checker, () -> {});
    }

    Contestant resetBy(Runnable before) {
      return new Contestant(name, tandem, blocking, async, before);
    }
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = parse(args);
    int checks = Integer.parseInt(options.getOrDefault("checks", "1000"));
    int unique = Integer.parseInt(options.getOrDefault("unique", "700"));
    int threads = Integer.parseInt(options.getOrDefault("threads", "32"));
    long latencyMs = Long.parseLong(options.getOrDefault("latencyMs", "2"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "5"));
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "15"));
    long seed = Long.parseLong(options.getOrDefault("seed", "42"));
    Duration window = Duration.ofMillis(Long.parseLong(options.getOrDefault("windowMs", "2")));
    CoalescingOptions coalescing =
        new CoalescingOptions(
            window,
            Integer.parseInt(
                options.getOrDefault("batch", String.valueOf(CoalescingOptions.MAX_BATCH_SIZE))),
            options.containsKey("quietUs")
                ? Duration.ofNanos(1_000 * Long.parseLong(options.get("quietUs")))
                : window);
    List<String> names = List.of(options.getOrDefault("clients", "tandem,sdk").split(","));
    if (unique > checks) {
      throw new IllegalArgumentException("unique " + unique + " > checks " + checks);
    }

    Data data = Data.generate();
    List<Question> questions = data.questions(checks, unique, new SplittableRandom(seed));
    long allowed = questions.stream().filter(Question::expected).count();
    long distinct = questions.stream().map(q -> q.object() + "@" + q.user()).distinct().count();

    System.out.printf(
        Locale.ROOT,
        "%d checks (%d unique, %d allowed), %d client threads, %d ms added latency, %d warm-up +"
            + " %d measured rounds; %d tuples; Tandem coalescing %s; %d CPUs, load average %.2f"
            + " at start; clients %s%n",
        checks,
        distinct,
        allowed,
        threads,
        latencyMs,
        warmup,
        rounds,
        data.tuples.size(),
        coalescing,
        Runtime.getRuntime().availableProcessors(),
        loadAverage(),
        names);

    try (OpenFgaTestServer server =
            new OpenFgaTestServer()
                .withThreads(Math.max(Math.min(threads, 32), OpenFgaTestServer.DEFAULT_THREADS))
                .withLatency(Duration.ofMillis(latencyMs))
                .start();
        Clients clients = Clients.open(server, data, coalescing)) {
      List<Contestant> contestants = clients.contestants(names);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        Map<String, List<Round>> measured = new java.util.LinkedHashMap<>();
        for (Contestant c : contestants) {
          measured.put(c.name(), new ArrayList<>());
        }
        for (int i = 0; i < warmup + rounds; i++) {
          // Rotate which client goes first, so none always runs on a warmer machine.
          Map<String, Round> results = new java.util.LinkedHashMap<>();
          for (int k = 0; k < contestants.size(); k++) {
            Contestant c = contestants.get((i + k) % contestants.size());
            results.put(c.name(), round(server, pool, threads, questions, c));
          }
          if (i >= warmup) {
            results.forEach((name, r) -> measured.get(name).add(r));
          }
          print(i, i >= warmup, contestants, results);
        }
        summarize(distinct, contestants, measured);
      } finally {
        pool.shutdownNow();
      }
    }
    System.out.printf(Locale.ROOT, "load average %.2f at end%n", loadAverage());
  }

  /** Issues every question once from {@code threads} threads and checks every answer. */
  static Round round(
      OpenFgaTestServer server,
      ExecutorService pool,
      int threads,
      List<Question> questions,
      Contestant contestant)
      throws Exception {
    contestant.reset().run();
    server.resetCounts();
    boolean[] answers = new boolean[questions.size()];
    List<Callable<Void>> tasks = new ArrayList<>(threads);
    for (int t = 0; t < threads; t++) {
      int first = t;
      tasks.add(
          () -> {
            // Thread t asks questions t, t + threads, t + 2 * threads, ...
            if (contestant.blocking() != null) {
              // ... one after another, each waiting for its answer;
              for (int i = first; i < questions.size(); i += threads) {
                answers[i] = contestant.blocking().allowed(questions.get(i));
              }
            } else {
              // ... all without waiting, then joins them.
              List<CompletableFuture<Boolean>> pending = new ArrayList<>();
              for (int i = first; i < questions.size(); i += threads) {
                pending.add(contestant.async().start(questions.get(i)));
              }
              int k = 0;
              for (int i = first; i < questions.size(); i += threads) {
                answers[i] = pending.get(k++).get();
              }
            }
            return null;
          });
    }
    long cpuStart = processCpuNanos();
    long start = System.nanoTime();
    List<Future<Void>> done = pool.invokeAll(tasks);
    long wall = System.nanoTime() - start;
    long cpu = processCpuNanos() - cpuStart;
    for (Future<Void> future : done) {
      future.get(); // rethrows a failed check
    }
    for (int i = 0; i < answers.length; i++) {
      Question q = questions.get(i);
      if (answers[i] != q.expected()) {
        throw new AssertionError(
            "wrong answer for " + q + ": got " + answers[i] + ", expected " + q.expected());
      }
    }
    long check = server.requestCount(OpenFgaEndpoint.CHECK);
    long batch = server.requestCount(OpenFgaEndpoint.BATCH_CHECK);
    long other = server.requestCount() - check - batch;
    return new Round(wall, cpu, check, batch, other);
  }

  private static void print(
      int i, boolean measured, List<Contestant> contestants, Map<String, Round> results) {
    StringBuilder line =
        new StringBuilder(String.format(Locale.ROOT, "%s %2d", measured ? "round " : "warmup", i));
    for (Contestant c : contestants) {
      Round r = results.get(c.name());
      line.append(
          String.format(
              Locale.ROOT,
              "  | %s %7.1f ms (cpu %6.1f), %4d calls (%d batch-check, %d check, %d other)",
              c.name(),
              r.wallNanos() / 1e6,
              r.cpuNanos() / 1e6,
              r.calls(),
              r.batchCheckCalls(),
              r.checkCalls(),
              r.otherCalls()));
    }
    System.out.println(line);
  }

  private static void summarize(
      long unique, List<Contestant> contestants, Map<String, List<Round>> measured) {
    long bound = (unique + CoalescingOptions.MAX_BATCH_SIZE - 1) / CoalescingOptions.MAX_BATCH_SIZE;
    System.out.printf(
        Locale.ROOT,
        "%nmedians over %d rounds, all answers verified; process CPU per round is client +"
            + " server + JVM:%n",
        measured.values().iterator().next().size());
    Map<String, Double> walls = new HashMap<>();
    for (Contestant c : contestants) {
      List<Round> rounds = measured.get(c.name());
      double[] wall = rounds.stream().mapToDouble(r -> r.wallNanos() / 1e6).toArray();
      double[] calls = rounds.stream().mapToDouble(Round::calls).toArray();
      walls.put(c.name(), median(wall));
      System.out.printf(
          Locale.ROOT,
          "  %-12s %7.1f ms wall (min %.1f, max %.1f), %5.0f HTTP calls (min %.0f, max %.0f),"
              + " cpu %.1f ms%s%n",
          c.name(),
          median(wall),
          Arrays.stream(wall).min().orElse(0),
          Arrays.stream(wall).max().orElse(0),
          median(calls),
          Arrays.stream(calls).min().orElse(0),
          Arrays.stream(calls).max().orElse(0),
          median(rounds.stream().mapToDouble(r -> r.cpuNanos() / 1e6).toArray()),
          c.tandem()
              ? String.format(
                  Locale.ROOT,
                  "; calls target <= ceil(%d/50) = %d: %s",
                  unique,
                  bound,
                  rounds.stream().allMatch(r -> r.calls() <= bound)
                      ? "met in every round"
                      : String.format(
                          Locale.ROOT,
                          "MISSED (met in %d of %d rounds)",
                          rounds.stream().filter(r -> r.calls() <= bound).count(),
                          rounds.size()))
              : "");
    }
    for (Contestant t : contestants) {
      if (!t.tandem()) {
        continue;
      }
      for (Contestant s : contestants) {
        if (s.tandem()) {
          continue;
        }
        double ratio = walls.get(s.name()) / walls.get(t.name());
        System.out.printf(
            Locale.ROOT,
            "  speed-up %s wall / %s wall (medians): %.2fx; target >= 3x: %s%n",
            s.name(),
            t.name(),
            ratio,
            ratio >= 3 ? "met" : "MISSED");
      }
    }
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** CPU time of the whole process: client, server and JVM threads (GC, JIT) together. */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException("expected key=value, got '" + arg + "'");
      }
      options.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    return options;
  }

  /** The clients, against one store. */
  static final class Clients implements AutoCloseable {
    final FgaClient tandem;
    final CachingFgaClient cached;
    final OpenFgaClient sdk;

    private Clients(FgaClient tandem, CachingFgaClient cached, OpenFgaClient sdk) {
      this.tandem = tandem;
      this.cached = cached;
      this.sdk = sdk;
    }

    static Clients open(OpenFgaTestServer server, Data data, CoalescingOptions coalescing)
        throws Exception {
      TestStore store = server.createStore("bench", ModelDsl.parse(MODEL), data.tuples);
      URI uri = server.uri();
      FgaClient tandem =
          FgaClient.builder()
              .remote(RemoteOptions.defaults(uri))
              .storeId(store.id())
              .modelId(store.modelId())
              .coalescing(coalescing)
              .build();
      // The configuration docs/remote.md recommends: a decision cache outside the coalescer.
      CachingFgaClient cached =
          (CachingFgaClient)
              FgaClient.builder()
                  .remote(RemoteOptions.defaults(uri))
                  .storeId(store.id())
                  .modelId(store.modelId())
                  .coalescing(coalescing)
                  .cache(CacheOptions.defaults())
                  .build();
      OpenFgaClient sdk =
          new OpenFgaClient(
              new ClientConfiguration()
                  .apiUrl(uri.toString())
                  .storeId(store.id())
                  .authorizationModelId(store.modelId()));
      return new Clients(tandem, cached, sdk);
    }

    List<Contestant> contestants(List<String> names) {
      List<Contestant> all = new ArrayList<>();
      for (String name : names) {
        switch (name.trim()) {
          case "tandem" -> all.add(Contestant.blocking("tandem", true, this::tandem));
          case "tandem-async" -> all.add(Contestant.async("tandem-async", true, this::tandemAsync));
          // Emptied before every round: only repeats within the round can hit.
          case "tandem-cached" ->
              all.add(
                  Contestant.blocking("tandem-cached", true, this::cached)
                      .resetBy(cached::invalidateAll));
          case "tandem-cached-async" ->
              all.add(
                  Contestant.async("tandem-cached-async", true, this::cachedAsync)
                      .resetBy(cached::invalidateAll));
          case "sdk" -> all.add(Contestant.blocking("sdk", false, this::sdk));
          case "sdk-async" -> all.add(Contestant.async("sdk-async", false, this::sdkAsync));
          default -> throw new IllegalArgumentException("unknown client '" + name + "'");
        }
      }
      return all;
    }

    CompletableFuture<Boolean> tandemAsync(Question q) {
      return tandem
          .checkAsync(CheckRequest.of(q.object(), "viewer", q.user()))
          .thenApply(r -> r.allowed());
    }

    boolean cached(Question q) {
      return cached.check(CheckRequest.of(q.object(), "viewer", q.user())).allowed();
    }

    CompletableFuture<Boolean> cachedAsync(Question q) {
      return cached
          .checkAsync(CheckRequest.of(q.object(), "viewer", q.user()))
          .thenApply(r -> r.allowed());
    }

    CompletableFuture<Boolean> sdkAsync(Question q) throws Exception {
      return sdk.check(
              new ClientCheckRequest().user(q.user()).relation("viewer")._object(q.object()))
          .thenApply(r -> Boolean.TRUE.equals(r.getAllowed()));
    }

    boolean tandem(Question q) {
      return tandem.check(CheckRequest.of(q.object(), "viewer", q.user())).allowed();
    }

    boolean sdk(Question q) throws Exception {
      Boolean allowed =
          sdk.check(new ClientCheckRequest().user(q.user()).relation("viewer")._object(q.object()))
              .get()
              .getAllowed();
      return Boolean.TRUE.equals(allowed);
    }

    @Override
    public void close() {
      tandem.close();
      cached.close();
    }
  }

  /**
   * The tuples, from a fixed layout: user {@code u} is a member of group {@code u % 20}; folder
   * {@code f} is viewable by group {@code f % 20} and by user {@code 7f % 400}; document {@code d}
   * is in folder {@code d % 50}, owned by user {@code 11d % 400} and viewable by user {@code (13d +
   * 1) % 400}. The oracle answers from the same layout without any engine.
   */
  static final class Data {
    final List<TupleKey> tuples = new ArrayList<>();

    static Data generate() {
      Data data = new Data();
      for (int u = 0; u < USERS; u++) {
        data.tuples.add(TupleKey.of(group(groupOf(u)), "member", user(u)));
      }
      for (int f = 0; f < FOLDERS; f++) {
        data.tuples.add(TupleKey.of(folder(f), "viewer", group(f % GROUPS) + "#member"));
        data.tuples.add(TupleKey.of(folder(f), "viewer", user(folderViewer(f))));
      }
      for (int d = 0; d < DOCUMENTS; d++) {
        data.tuples.add(TupleKey.of(document(d), "parent", folder(d % FOLDERS)));
        data.tuples.add(TupleKey.of(document(d), "owner", user(owner(d))));
        data.tuples.add(TupleKey.of(document(d), "viewer", user(viewer(d))));
      }
      return data;
    }

    /**
     * {@code unique} distinct questions, about half of them allowed (through each of the four
     * paths), then {@code checks - unique} repeats of them, all shuffled.
     */
    List<Question> questions(int checks, int unique, SplittableRandom random) {
      Set<Question> distinct = new LinkedHashSet<>();
      while (distinct.size() < unique) {
        int d = random.nextInt(DOCUMENTS);
        int u =
            switch (random.nextInt(8)) {
              case 0 -> owner(d);
              case 1 -> viewer(d);
              case 2 -> folderViewer(d % FOLDERS);
              case 3 -> groupOf(d % FOLDERS) + GROUPS * random.nextInt(USERS / GROUPS);
              default -> random.nextInt(USERS);
            };
        distinct.add(new Question(document(d), user(u), oracle(u, d)));
      }
      List<Question> all = new ArrayList<>(distinct);
      List<Question> firsts = List.copyOf(all);
      for (int i = unique; i < checks; i++) {
        all.add(firsts.get(random.nextInt(unique)));
      }
      for (int i = all.size() - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        Question swap = all.get(i);
        all.set(i, all.get(j));
        all.set(j, swap);
      }
      return all;
    }

    static boolean oracle(int u, int d) {
      int f = d % FOLDERS;
      return u == owner(d) || u == viewer(d) || u == folderViewer(f) || groupOf(u) == f % GROUPS;
    }

    static int groupOf(int u) {
      return u % GROUPS;
    }

    static int folderViewer(int f) {
      return (7 * f) % USERS;
    }

    static int owner(int d) {
      return (11 * d) % USERS;
    }

    static int viewer(int d) {
      return (13 * d + 1) % USERS;
    }

    static String user(int u) {
      return "user:" + u;
    }

    static String group(int g) {
      return "group:" + g;
    }

    static String folder(int f) {
      return "folder:" + f;
    }

    static String document(int d) {
      return "document:" + d;
    }
  }
}
