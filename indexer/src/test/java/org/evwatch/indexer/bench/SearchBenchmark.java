package org.evwatch.indexer.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.evwatch.indexer.search.OpenSearchIndex;
import org.evwatch.indexer.search.OpenSearchNode;
import org.evwatch.indexer.search.PaperIndex;
import org.evwatch.indexer.search.SearchEngine;
import org.evwatch.indexer.search.SearchRequest;
import org.evwatch.indexer.search.SearchResult;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Loads N generated papers into the search engines, Lucene ({@link PaperIndex}) and OpenSearch
 * ({@link OpenSearchIndex}, a node in a JVM of its own), both through {@link SearchEngine#rebuild}, and into
 * PostgreSQL (tsvector + GIN, ranked with ts_rank); then measures search latency with all facets and highlighting,
 * with 1 client and with 8 concurrent clients, and checks that the engines find the same matches. See the Indexer
 * section of docs/benchmarks.md for the command and the figures.
 * <p>
 * Arguments: {@code papers=N} (default 1000000), {@code dir=PATH} (default target/bench), {@code
 * engine=lucene|opensearch|both} (default lucene), {@code pg=false} to skip PostgreSQL, {@code runs=N} searches per
 * query and client count (default 200), {@code pgRuns=N} (default 10), {@code reuse=true} to search the indices of an
 * earlier run of the same size, {@code parallel=true} (Lucene searches over index slices on a pool), {@code
 * breakdown=true} (Lucene's CPU time by part of a search), {@code osHeap=SIZE} (the OpenSearch node's heap, default
 * 2g).
 */
public final class SearchBenchmark {

    private static final List<String> QUERIES = List.of("glioblastoma nanocarrier", "exosome", "cancer");
    private static final int[] CLIENTS = {1, 8};
    /** Searches of each query before any is measured, for the JIT compiler (a node's as much as the client's). */
    private static final int WARM_UP = 50;
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final String OPENSEARCH_INDEX = "evwatch-bench";

    /** The benchmark's arguments. */
    private record Options(long papers, Path dir, String engine, boolean pg, int runs, int pgRuns, boolean reuse,
            boolean parallel, boolean breakdown, String osHeap, boolean similar, boolean searches) {

        static Options of(String[] args) {
            String engine = arg(args, "engine", "lucene");
            if (!List.of("lucene", "opensearch", "both").contains(engine)) {
                throw new IllegalArgumentException("engine is lucene, opensearch or both, not " + engine);
            }
            return new Options(Long.parseLong(arg(args, "papers", "1000000")),
                    Path.of(arg(args, "dir", "target/bench")),
                    engine, Boolean.parseBoolean(arg(args, "pg", "true")), Integer.parseInt(arg(args, "runs", "200")),
                    Integer.parseInt(arg(args, "pgRuns", "10")), Boolean.parseBoolean(arg(args, "reuse", "false")),
                    Boolean.parseBoolean(arg(args, "parallel", "false")),
                    Boolean.parseBoolean(arg(args, "breakdown", "false")), arg(args, "osHeap", "2g"),
                    Boolean.parseBoolean(arg(args, "similar", "false")),
                    Boolean.parseBoolean(arg(args, "searches", "true")));
        }

        boolean lucene() {
            return !engine.equals("opensearch");
        }

        boolean openSearch() {
            return !engine.equals("lucene");
        }
    }

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.of(args);
        PaperGenerator generator = new PaperGenerator(20_24L);
        StringBuilder report = new StringBuilder();
        line(report, "papers=%d, cores=%d, heap=%d MB, java=%s, load average at start %.1f%n", o.papers(), CORES,
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"), load());
        StringBuilder table = new StringBuilder("\n| engine | query | matches | clients | requests | p50 ms | p99 ms "
                + "| CPU p50 ms | CPU p99 ms | CPU mean ms |\n|---|---|---|---|---|---|---|---|---|---|\n");
        Map<String, Map<String, SearchResult>> answers = new LinkedHashMap<>();
        if (o.lucene()) {
            answers.put("Lucene", lucene(o, generator, report, table));
        }
        if (o.openSearch()) {
            answers.put("OpenSearch", openSearch(o, generator, report, table));
        }
        if (o.pg()) {
            postgres(o, generator, report, table);
        }
        report.append(table);
        boolean agree = agreement(answers, report);
        System.out.println();
        System.out.println(report);
        Files.createDirectories(o.dir());
        Files.writeString(o.dir().resolve("results.md"), report);
        if (!agree) {
            throw new IllegalStateException("the engines found different numbers of matches: see the table above");
        }
    }

    /** The indexer's own Lucene index, filled by its bulk path (rebuild) from one feeding thread per core. */
    private static Map<String, SearchResult> lucene(Options o, PaperGenerator generator, StringBuilder report,
            StringBuilder table) throws Exception {
        Path dir = o.dir().resolve("lucene");
        if (!o.reuse()) {
            deleteTree(dir);
        }
        // By default one search runs on the caller's thread, so its thread CPU time is all the work it did.
        ExecutorService searchPool = Executors.newFixedThreadPool(CORES);
        try (PaperIndex index = PaperIndex.open(dir, 1.0, o.parallel() ? searchPool : null)) {
            load(index, "Lucene", o, sink -> feed(generator, o.papers(), CORES, sink), report);
            line(report, "Lucene index on disk: %d MB%n", size(dir) >> 20);
            if (o.breakdown()) {
                breakdown(index, report);
            }
            Map<String, SearchResult> answers = o.searches()
                    ? series(index, "Lucene", o.runs(), null, report, table)
                    : new LinkedHashMap<>();
            if (o.similar()) {
                similar(index, o, report, table);
            }
            System.gc();
            line(report, "Lucene heap after the searches: facet arrays %d MB; the benchmark JVM holds %d MB after a "
                    + "full collection%n", index.facetBytes() >> 20,
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
            return answers;
        } finally {
            searchPool.shutdown();
        }
    }

    /**
     * An OpenSearch node in its own JVM, its data under {@code dir}, filled through {@link SearchEngine#rebuild}
     * (bulk requests of the indexer's size) from one feeding thread per core, one paper at a time into the index.
     */
    private static Map<String, SearchResult> openSearch(Options o, PaperGenerator generator, StringBuilder report,
            StringBuilder table) throws Exception {
        Path data = o.dir().resolve("opensearch");
        if (!o.reuse()) {
            deleteTree(data);
        }
        try (OpenSearchProcess node = OpenSearchProcess.start(data, o.osHeap());
                OpenSearchIndex index = OpenSearchIndex.open(OpenSearchNode.index(node.url(), OPENSEARCH_INDEX))) {
            Object lock = new Object();
            load(index, "OpenSearch", o, sink -> feed(generator, o.papers(), CORES, paper -> {
                synchronized (lock) {
                    sink.accept(paper);
                }
            }), report);
            node.awaitMerges(Duration.ofMinutes(10));
            OpenSearchProcess.Stats stats = node.stats();
            line(report, "OpenSearch node: heap %d MB, %d MB live after loading (after a full collection); index on "
                    + "disk %d MB%n", stats.heapMax() >> 20, node.liveHeap() >> 20, stats.storeBytes() >> 20);
            Map<String, SearchResult> answers = series(index, "OpenSearch", o.runs(), node, report, table);
            line(report, "OpenSearch node heap after the searches: %d MB live%n", node.liveHeap() >> 20);
            return answers;
        }
    }

    /** Fills an engine anew through its rebuild, unless {@code reuse=true} and it holds the papers already. */
    private static void load(SearchEngine index, String name, Options o,
            Consumer<Consumer<PaperIndex.Catalogued>> catalog, StringBuilder report) throws IOException {
        if (o.reuse() && !index.needsRebuild() && index.count() == o.papers()) {
            line(report, "%s: reusing the index of %d papers%n", name, o.papers());
            return;
        }
        double load = load();
        long t0 = System.nanoTime();
        index.rebuild(catalog);
        double secs = (System.nanoTime() - t0) / 1e9;
        line(report, "%s loading (rebuild): %d papers in %.1f s = %.0f papers/s (load average %.1f before, %.1f "
                + "after)%n", name, o.papers(), secs, o.papers() / secs, load, load());
    }

    /**
     * Each query with 1 and with 8 clients, after warming up; the answer to each query, for comparison. For a
     * node in a process of its own, the CPU time is the node's, per search, and the client's on top.
     */
    private static Map<String, SearchResult> series(SearchEngine engine, String name, int runs,
            OpenSearchProcess node, StringBuilder report, StringBuilder table) throws Exception {
        Map<String, SearchResult> answers = new LinkedHashMap<>();
        double load = load();
        for (int w = 0; w < WARM_UP; w++) {
            for (String q : QUERIES) {
                answers.put(q, engine.search(SearchRequest.of(q)));
            }
        }
        for (String q : QUERIES) {
            for (int clients : CLIENTS) {
                for (int w = 0; w < 20; w++) {
                    engine.search(SearchRequest.of(q));
                }
                Duration cpu0 = node == null ? Duration.ZERO : node.cpu();
                long[][] lat = measure(clients, Math.max(1, runs / clients) * clients,
                        () -> engine.search(SearchRequest.of(q)).total());
                String cpu = node == null
                        ? cpuCells(lat, null)
                        : cpuCells(lat, node.cpu().minus(cpu0).toNanos() / 1e6 / lat[0].length);
                row(table, name, q, answers.get(q).total(), clients, lat, cpu);
            }
        }
        line(report, "%s searches: load average %.1f before, %.1f after%n", name, load, load());
        return answers;
    }

    /**
     * Similar papers (the ten a paper page shows) of papers spread over the whole index, one client, each paper
     * asked about once: the candidate query, the model's ranking of the candidates and the stored fields it reads.
     */
    private static void similar(PaperIndex index, Options o, StringBuilder report, StringBuilder table)
            throws Exception {
        AtomicLong next = new AtomicLong();
        AtomicLong found = new AtomicLong();
        Callable<Long> one = () -> {
            // A stride prime to the number of papers visits them spread out and each at most once.
            String id = "bench-" + Math.floorMod(next.getAndIncrement() * 7919L + 13, o.papers());
            int hits = index.similar(id, 10).hits().size();
            found.addAndGet(hits);
            return (long) hits;
        };
        double load = load();
        for (int w = 0; w < WARM_UP; w++) {
            one.call();
        }
        found.set(0);
        long[][] lat = measure(1, o.runs(), one);
        row(table, "Lucene", "similar papers, 10 (mean hits " + found.get() / lat[0].length + ")", o.papers(), 1,
                lat, cpuCells(lat, null));
        line(report, "Lucene similar papers: load average %.1f before, %.1f after%n", load, load());
    }

    /** PostgreSQL full-text search on the same papers, loaded anew each run. */
    private static void postgres(Options o, PaperGenerator generator, StringBuilder report, StringBuilder table)
            throws Exception {
        Path pgDir = o.dir().resolve("pg");
        deleteTree(pgDir);
        Files.createDirectories(pgDir);
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(pgDir)
                .setCleanDataDirectory(true).setPGStartupWait(Duration.ofMinutes(2))
                .setServerConfig("shared_buffers", "2GB").setServerConfig("work_mem", "64MB")
                .setServerConfig("maintenance_work_mem", "1GB").setServerConfig("max_wal_size", "8GB")
                .setServerConfig("synchronous_commit", "off").start()) {
            DataSource ds = pg.getPostgresDatabase();
            long t0 = System.nanoTime();
            PostgresFts.load(ds, generator, o.papers());
            double secs = (System.nanoTime() - t0) / 1e9;
            line(report, "PostgreSQL load (COPY + tsvector + GIN + ANALYZE): %d papers in %.1f s = %.0f papers/s%n",
                    o.papers(), secs, o.papers() / secs);
            for (String q : QUERIES) {
                long total = PostgresFts.search(ds, q);
                for (int clients : CLIENTS) {
                    PostgresFts.search(ds, q); // warm-up
                    long[][] lat = measure(clients, Math.max(1, o.pgRuns() / clients) * clients,
                            () -> PostgresFts.search(ds, q));
                    row(table, "PostgreSQL FTS", q, total, clients, lat, "n/a | n/a | n/a");
                }
            }
        }
    }

    /**
     * The engines' answers side by side: the numbers of matches must be equal; the facets and the first page are
     * compared and reported.
     */
    private static boolean agreement(Map<String, Map<String, SearchResult>> answers, StringBuilder report) {
        if (answers.size() < 2) {
            return true;
        }
        List<String> engines = List.copyOf(answers.keySet());
        report.append(String.format(Locale.ROOT, "%n| query | %s matches | %s matches | facets | first page |%n"
                + "|---|---|---|---|---|%n", engines.get(0), engines.get(1)));
        boolean agree = true;
        for (String q : QUERIES) {
            SearchResult a = answers.get(engines.get(0)).get(q);
            SearchResult b = answers.get(engines.get(1)).get(q);
            agree &= a.total() == b.total();
            List<String> differ = Stream.concat(a.facets().keySet().stream(), b.facets().keySet().stream())
                    .distinct().filter(f -> !Objects.equals(a.facets().get(f), b.facets().get(f))).toList();
            List<String> idsA = a.hits().stream().map(SearchResult.Hit::id).toList();
            long shared = b.hits().stream().map(SearchResult.Hit::id).filter(idsA::contains).count();
            report.append(String.format(Locale.ROOT, "| `%s` | %d | %d | %s | %d of %d ids in both%s |%n", q,
                    a.total(), b.total(), differ.isEmpty()
                            ? "equal"
                            : "differ: " + String.join(", ", differ),
                    shared, idsA.size(), idsA.equals(b.hits().stream().map(SearchResult.Hit::id).toList())
                            ? ", same order"
                            : ""));
        }
        report.append(agree
                ? "\nThe engines found the same numbers of matches.\n"
                : "\nTHE ENGINES FOUND DIFFERENT NUMBERS OF MATCHES.\n");
        return agree;
    }

    /** CPU p50, p99 and mean of the client threads; with a node's CPU per search, the mean as node + client. */
    private static String cpuCells(long[][] lat, Double nodeMillis) {
        double clientMean = Arrays.stream(lat[1]).average().orElse(0) / 1e6;
        if (nodeMillis != null) {
            return String.format(Locale.ROOT, "n/a | n/a | %.1f + %.1f", nodeMillis, clientMean);
        }
        return String.format(Locale.ROOT, "%.1f | %.1f | %.1f", pct(lat[1], 0.50), pct(lat[1], 0.99), clientMean);
    }

    private static void row(StringBuilder table, String engine, String q, long total, int clients, long[][] lat,
            String cpu) {
        String line = String.format(Locale.ROOT, "| %s | `%s` | %d | %d | %d | %.1f | %.1f | %s |%n", engine, q,
                total, clients, lat[0].length, pct(lat[0], 0.50), pct(lat[0], 0.99), cpu);
        System.out.print(line);
        table.append(line);
    }

    private static void line(StringBuilder report, String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.print(line);
        report.append(line);
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void feed(PaperGenerator generator, long papers, int threads,
            Consumer<PaperIndex.Catalogued> sink) {
        AtomicLong next = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                long i;
                while ((i = next.getAndIncrement()) < papers) {
                    sink.accept(new PaperIndex.Catalogued(generator.paper(i), i + 1));
                    if (i > 0 && i % 100_000 == 0) {
                        System.out.println("  indexed " + i);
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Where the time of one search goes: ranking alone, plus facets, plus highlighting, all of them, and all of them
     * with the timeline (1 client, CPU time).
     */
    private static void breakdown(PaperIndex index, StringBuilder report) throws Exception {
        report.append(
                "\n| query | ranked page only | + facets | + highlight | all | all + timeline | CPU p50 ms each |\n");
        report.append("|---|---|---|---|---|---|---|\n");
        for (String q : QUERIES) {
            SearchRequest all = SearchRequest.of(q);
            SearchRequest bare = new SearchRequest(q, null, null, null, null, null, null, null, null,
                    SearchRequest.SortOrder.RELEVANCE, 20, null, java.util.Set.of(), false, false);
            SearchRequest facets = bare.withFacets(all.facets());
            SearchRequest highlight = new SearchRequest(q, null, null, null, null, null, null, null, null,
                    SearchRequest.SortOrder.RELEVANCE, 20, null, java.util.Set.of(), true, false);
            StringBuilder line = new StringBuilder("| `" + q + "` |");
            for (SearchRequest r : List.of(bare, facets, highlight, all, all.withTimeline(true))) {
                for (int w = 0; w < 20; w++) {
                    index.search(r);
                }
                long[][] lat = measure(1, 50, () -> index.search(r).total());
                line.append(String.format(Locale.ROOT, " %.1f |", pct(lat[1], 0.5)));
            }
            report.append(line).append(" |\n");
            System.out.println(line);
        }
    }

    // --- measurement

    /**
     * Wall-clock latency of each request, and the CPU time the client thread spent on it: on a machine shared with
     * other work, wall time includes waiting for a core, CPU time does not. (For PostgreSQL the work happens in
     * the server process, so only wall time means anything.)
     */
    private static long[][] measure(int clients, int requests, Callable<Long> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        var threads = ManagementFactory.getThreadMXBean();
        try {
            int perClient = requests / clients;
            List<Future<long[][]>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    long[] lat = new long[perClient];
                    long[] cpu = new long[perClient];
                    for (int i = 0; i < perClient; i++) {
                        long c0 = threads.getCurrentThreadCpuTime();
                        long t = System.nanoTime();
                        request.call();
                        lat[i] = System.nanoTime() - t;
                        cpu[i] = threads.getCurrentThreadCpuTime() - c0;
                    }
                    return new long[][]{lat, cpu};
                }));
            }
            List<Long> wall = new ArrayList<>();
            List<Long> cpu = new ArrayList<>();
            for (Future<long[][]> f : futures) {
                long[][] r = f.get();
                for (int i = 0; i < r[0].length; i++) {
                    wall.add(r[0][i]);
                    cpu.add(r[1][i]);
                }
            }
            return new long[][]{wall.stream().mapToLong(Long::longValue).sorted().toArray(),
                    cpu.stream().mapToLong(Long::longValue).sorted().toArray()};
        } finally {
            pool.shutdown();
        }
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static String arg(String[] args, String name, String fallback) {
        return Arrays.stream(args).filter(a -> a.startsWith(name + "=")).map(a -> a.substring(name.length() + 1))
                .findFirst().orElse(fallback);
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
