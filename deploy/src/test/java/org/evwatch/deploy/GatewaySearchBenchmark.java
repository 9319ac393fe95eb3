package org.evwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Search under load, directly at the indexer and through the gateway: the indexer and the gateway run as their own
 * processes (with the JIT's every tier, as in production, not the local runtime's quick-start options) over a large
 * generated index, and 8 clients send the same queries to each, in alternating rounds so that both see the same
 * machine. It reports p50/p99 of both, the gateway's added latency, and the CPU time each process spent per request.
 * Not part of {@code verify}: run it by name (docs/benchmarks.md, "Api-gateway: search under load").
 * <p>
 * The index is the one the indexer's {@code SearchBenchmark} builds ({@code <dir>/lucene}): {@code
 * -Devwatch.bench.index=PATH} (default {@code /tmp/evbench/lucene}), holding {@code -Devwatch.bench.papers=N} papers
 * (default 1,000,000), copied into the runtime. The catalog's tables get one row numbered N, so that the indexer
 * takes the index as its catalog's and does not rebuild it. {@code -Devwatch.bench.requests=R} requests per query and
 * target (default 400), after {@code -Devwatch.bench.warmup=W} untimed ones (default 400). The report is printed and written to {@code deploy/target/gateway-search-benchmark.txt}.
 */
class GatewaySearchBenchmark {

    static final List<String> QUERIES = List.of("exosome", "cancer", "glioblastoma nanocarrier");
    static final int CLIENTS = 8;
    static final int ROUNDS = 4;
    static final long PAPERS = Long.getLong("evwatch.bench.papers", 1_000_000L);
    static final int REQUESTS = Integer.getInteger("evwatch.bench.requests", 400);
    /** Requests per query and target before any is timed: both JVMs start cold, and the JIT compiles meanwhile. */
    static final int WARM_UP = Integer.getInteger("evwatch.bench.warmup", 400);
    static final Path INDEX = Path.of(System.getProperty("evwatch.bench.index", "/tmp/evbench/lucene"));
    static final Path RUNTIME = PipelineBenchmark.ROOT.resolve("deploy/target/gateway-search-runtime");
    private static final ObjectMapper JSON = new ObjectMapper();
    static LocalStack stack;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /** Where requests go: the indexer's internal search or the gateway's public one. */
    private record Target(String name, String process, String searchUrl, String token) {
        HttpRequest request(String q) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(searchUrl + "?q="
                    + URLEncoder.encode(q, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(30));
            return token == null ? b.build() : b.header("Authorization", "Bearer " + token).build();
        }
    }

    /** Latencies of one target's requests for one query, and the CPU seconds each process spent meanwhile. */
    private record Measured(List<Long> nanos, Map<String, Double> cpu) {
    }

    /** Stops the processes; with profiles asked for, summarises them into {@code gateway-search-profile.txt}. */
    @AfterAll
    static void stop() throws IOException {
        if (stack != null) {
            stack.close();
        }
        if (!PipelineBenchmark.PROFILE.isEmpty()) {
            Files.writeString(PipelineBenchmark.ROOT.resolve("deploy/target/gateway-search-profile.txt"),
                    JfrSummary.summariseAll(Path.of(PipelineBenchmark.PROFILE).toAbsolutePath(), 30));
        }
    }

    @Test
    void broadQueriesWithEightClientsDirectAndThroughTheGateway() throws Exception {
        assertThat(INDEX).as("an index built by the indexer's SearchBenchmark").isDirectory();
        Folders.deleteTree(RUNTIME);
        Path lib = Path.of(System.getProperty("evwatch.lib", PipelineBenchmark.ROOT.resolve("deploy/target/lib")
                .toString()));
        stack = new LocalStack(LocalStack.Settings.ephemeral(PipelineBenchmark.ROOT, RUNTIME, lib))
                .jvmOptions("indexer", List.of("-Xmx2g"))
                .jvmOptions("api-gateway", List.of("-Xmx512m"))
                .environment("api-gateway", "EVWATCH_GATEWAY_SECURITY_PER_IP_BURST", "1000000")
                .environment("api-gateway", "EVWATCH_GATEWAY_SECURITY_PER_IP_PER_SECOND", "1000000");
        if (!PipelineBenchmark.PROFILE.isEmpty()) {
            PipelineBenchmark.profile(stack, Path.of(PipelineBenchmark.PROFILE).toAbsolutePath());
        }
        // The first start creates the catalog's tables; the index is swapped in while the indexer is down.
        stack.start(List.of("indexer"));
        stack.kill("indexer");
        markCatalogEnd();
        copyIndex();
        stack.restart("indexer");
        stack.restart("api-gateway");
        Target indexer = new Target("indexer", "indexer", stack.url("indexer") + "/internal/v1/search",
                stack.secrets().get(LocalSecrets.INTERNAL_TOKEN));
        Target gateway = new Target("gateway", "api-gateway", stack.url("api-gateway") + "/api/v1/papers", null);
        checkSameAnswers(indexer, gateway);

        for (String q : QUERIES) {
            for (Target t : List.of(indexer, gateway)) {
                run(t, q, WARM_UP);
            }
        }
        StringBuilder report = new StringBuilder(header());
        for (String q : QUERIES) {
            Measured direct = new Measured(new ArrayList<>(), new LinkedHashMap<>());
            Measured through = new Measured(new ArrayList<>(), new LinkedHashMap<>());
            for (int round = 0; round < ROUNDS; round++) {
                // Alternating which goes first, so that neither always follows the other's garbage collection.
                List<Target> order = round % 2 == 0 ? List.of(indexer, gateway) : List.of(gateway, indexer);
                for (Target t : order) {
                    add(t == indexer ? direct : through, measure(t, q, REQUESTS / ROUNDS));
                }
            }
            report.append(rows(q, direct, through));
        }
        report.append(String.format(Locale.ROOT, "%nload average at the end: %s%n", RuntimeProcesses.loadAverage()));
        System.out.println(report);
        Files.writeString(PipelineBenchmark.ROOT.resolve("deploy/target/gateway-search-benchmark.txt"), report);
    }

    /** One catalog row numbered as the index's last commit: the indexer then opens the index as it is. */
    private void markCatalogEnd() throws Exception {
        try (var c = DriverManager.getConnection(stack.jdbcUrl(), stack.settings().dbUser(),
                stack.settings().dbPassword());
                var s = c.prepareStatement("insert into indexer.paper (id, title, "
                        + "version, created_at, updated_at, merged, change_seq) values ('benchmark-catalog-end', '', "
                        + "1, now(), now(), '{}', ?)")) {
            s.setLong(1, PAPERS);
            s.executeUpdate();
        }
    }

    private void copyIndex() throws IOException {
        Path target = RUNTIME.resolve("index");
        Folders.deleteTree(target);
        try (Stream<Path> files = Files.walk(INDEX)) {
            for (Path from : (Iterable<Path>) files::iterator) {
                Files.copy(from, target.resolve(INDEX.relativize(from).toString()));
            }
        }
    }

    /** The gateway passes the indexer's answer on: both must give the same JSON for every query. */
    private void checkSameAnswers(Target indexer, Target gateway) throws Exception {
        for (String q : QUERIES) {
            var direct = JSON.readTree(send(indexer, q));
            var through = JSON.readTree(send(gateway, q));
            assertThat(direct.path("total").asLong()).as("matches of " + q).isPositive();
            assertThat(through).as("the gateway's answer to " + q).isEqualTo(direct);
        }
        assertThat(JSON.readTree(send(indexer, "")).path("total").asLong()).as("papers in the index")
                .isEqualTo(PAPERS);
    }

    private String send(Target t, String q) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(t.request(q), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(t.name() + " answering " + q + ": " + r.body()).isEqualTo(200);
        return r.body();
    }

    private Measured measure(Target t, String q, int requests) throws Exception {
        Map<String, Double> before = cpuSeconds();
        List<Long> nanos = run(t, q, requests);
        Map<String, Double> after = cpuSeconds();
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((name, seconds) -> used.put(name, seconds - before.getOrDefault(name, 0.0)));
        return new Measured(nanos, used);
    }

    /** Sends {@code requests} searches from {@link #CLIENTS} clients, each waiting for its answer before the next. */
    private List<Long> run(Target t, String q, int requests) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int mine = requests / CLIENTS + (c < requests % CLIENTS ? 1 : 0);
                futures.add(clients.submit(() -> {
                    long[] nanos = new long[mine];
                    for (int i = 0; i < mine; i++) {
                        long start = System.nanoTime();
                        HttpResponse<byte[]> r = http.send(t.request(q), HttpResponse.BodyHandlers.ofByteArray());
                        nanos[i] = System.nanoTime() - start;
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException(t.name() + " answered " + r.statusCode());
                        }
                    }
                    return nanos;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<long[]> f : futures) {
                Arrays.stream(f.get()).forEach(all::add);
            }
            return all;
        } finally {
            clients.shutdown();
        }
    }

    private static void add(Measured into, Measured m) {
        into.nanos().addAll(m.nanos());
        m.cpu().forEach((name, seconds) -> into.cpu().merge(name, seconds, Double::sum));
    }

    private static String header() {
        return String.format(Locale.ROOT, "papers: %,d, clients: %d, requests per query and target: %d (after %d "
                + "untimed), cores: %d, "
                + "load average at the start: %s%n%n| query | target | requests | p50 ms | p99 ms | indexer CPU ms "
                + "per request | gateway CPU ms per request |%n|---|---|---:|---:|---:|---:|---:|%n", PAPERS, CLIENTS,
                REQUESTS, WARM_UP, Runtime.getRuntime().availableProcessors(), RuntimeProcesses.loadAverage());
    }

    private static String rows(String q, Measured direct, Measured through) {
        long[] d = sorted(direct);
        long[] g = sorted(through);
        return row(q, "indexer", direct, d) + row(q, "gateway", through, g)
                + String.format(Locale.ROOT, "| `%s` | gateway overhead | | %+.1f | %+.1f | | |%n", q,
                        (pct(g, 0.5) - pct(d, 0.5)) / 1e6, (pct(g, 0.99) - pct(d, 0.99)) / 1e6);
    }

    private static String row(String q, String target, Measured m, long[] sorted) {
        return String.format(Locale.ROOT, "| `%s` | %s | %d | %.1f | %.1f | %.2f | %.2f |%n", q, target,
                sorted.length, pct(sorted, 0.5) / 1e6, pct(sorted, 0.99) / 1e6,
                1000 * m.cpu().getOrDefault("indexer", 0.0) / sorted.length,
                1000 * m.cpu().getOrDefault("api-gateway", 0.0) / sorted.length);
    }

    private static long[] sorted(Measured m) {
        return m.nanos().stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** CPU seconds used so far by the indexer and the gateway (the last process started under each name). */
    private static Map<String, Double> cpuSeconds() throws IOException {
        Map<String, Double> cpu = new LinkedHashMap<>();
        for (String line : Files.readAllLines(RUNTIME.resolve("pids"))) {
            String[] parts = line.trim().split(" ", 2);
            cpu.put(parts[1], RuntimeProcesses.cpuOf(Long.parseLong(parts[0])));
        }
        return cpu;
    }
}
