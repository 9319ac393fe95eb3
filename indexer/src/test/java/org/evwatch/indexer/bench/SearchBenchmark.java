package org.evwatch.indexer.bench;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.evwatch.events.PaperIndexed;
import org.evwatch.indexer.search.PaperIndex;
import org.evwatch.indexer.search.SearchRequest;
import org.evwatch.indexer.search.SearchResult;
import org.postgresql.PGConnection;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Builds an N-paper Lucene index and the same N papers in PostgreSQL (tsvector + GIN, ranked with ts_rank), then
 * measures search latency with all facets on both, with 1 client and with 8 concurrent clients. See the Indexer
 * section of docs/benchmarks.md for the command and the figures.
 * <p>
 * Arguments: {@code papers=N} (default 1000000), {@code dir=PATH} (default target/bench), {@code pg=false} to skip
 * PostgreSQL, {@code runs=N} Lucene runs per query and client count (default 200), {@code pgRuns=N} (default 10).
 */
public final class SearchBenchmark {

    private static final List<String> QUERIES = List.of("glioblastoma nanocarrier", "exosome", "cancer");

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long papers = Long.parseLong(arg(args, "papers", "1000000"));
        Path dir = Path.of(arg(args, "dir", "target/bench"));
        boolean withPg = Boolean.parseBoolean(arg(args, "pg", "true"));
        int runs = Integer.parseInt(arg(args, "runs", "200"));
        int pgRuns = Integer.parseInt(arg(args, "pgRuns", "10"));
        boolean reuse = Boolean.parseBoolean(arg(args, "reuse", "false"));
        boolean parallel = Boolean.parseBoolean(arg(args, "parallel", "false"));
        PaperGenerator generator = new PaperGenerator(20_24L);
        StringBuilder report = new StringBuilder();
        int cores = Runtime.getRuntime().availableProcessors();
        report.append(
                String.format(Locale.ROOT, "papers=%d, cores=%d, heap=%d MB, java=%s, load average at start %.1f%n%n",
                        papers, cores, Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"),
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));

        // --- Lucene: the indexer's own bulk path (rebuild from the catalog), fed by one thread per core.
        Path luceneDir = dir.resolve("lucene");
        if (!reuse) {
            deleteTree(luceneDir);
        }
        // By default one search runs on the caller's thread, so its thread CPU time is all the work it did.
        ExecutorService searchPool = Executors.newFixedThreadPool(cores);
        try (PaperIndex index = PaperIndex.open(luceneDir, 1.0, parallel ? searchPool : null)) {
            if (!reuse || index.needsRebuild() || index.count() != papers) {
                long t0 = System.nanoTime();
                index.rebuild(sink -> feed(generator, papers, cores, sink));
                double secs = (System.nanoTime() - t0) / 1e9;
                report.append(String.format(Locale.ROOT,
                        "Lucene indexing: %d papers in %.1f s = %.0f papers/s (index on disk: %d MB)%n", papers,
                        secs, papers / secs, size(luceneDir) >> 20));
            } else {
                report.append(String.format(Locale.ROOT, "Lucene: reusing the index of %d papers (%d MB)%n",
                        papers, size(luceneDir) >> 20));
            }
            System.out.print(report);

            for (String q : QUERIES) {
                index.search(SearchRequest.of(q)); // warm-up
            }
            String facetHeap = String.format(Locale.ROOT, "Facet arrays held in heap: %d MB%n",
                    index.facetBytes() >> 20);
            report.append(facetHeap);
            System.out.print(facetHeap);
            if (Boolean.parseBoolean(arg(args, "breakdown", "false"))) {
                breakdown(index, report);
            }
            report.append(
                    "\n| engine | query | matches | clients | requests | p50 ms | p99 ms | CPU p50 ms | CPU p99 ms |\n");
            report.append("|---|---|---|---|---|---|---|---|---|\n");
            for (String q : QUERIES) {
                long total = index.search(SearchRequest.of(q)).total();
                for (int clients : new int[]{1, 8}) {
                    for (int w = 0; w < 20; w++) {
                        index.search(SearchRequest.of(q));
                    }
                    long[][] lat = measure(clients, Math.max(1, runs / clients) * clients, () -> {
                        SearchResult r = index.search(SearchRequest.of(q));
                        return r.total();
                    });
                    row(report, "Lucene", q, total, clients, lat);
                }
            }
        } finally {
            searchPool.shutdown();
        }

        if (withPg) {
            Path pgDir = dir.resolve("pg");
            deleteTree(pgDir);
            Files.createDirectories(pgDir);
            try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(pgDir)
                    .setCleanDataDirectory(true).setPGStartupWait(Duration.ofMinutes(2))
                    .setServerConfig("shared_buffers", "2GB").setServerConfig("work_mem", "64MB")
                    .setServerConfig("maintenance_work_mem", "1GB").setServerConfig("max_wal_size", "8GB")
                    .setServerConfig("synchronous_commit", "off").start()) {
                DataSource ds = pg.getPostgresDatabase();
                long t0 = System.nanoTime();
                load(ds, generator, papers);
                double secs = (System.nanoTime() - t0) / 1e9;
                String line = String.format(Locale.ROOT,
                        "%nPostgreSQL load (COPY + tsvector + GIN + ANALYZE): %d papers in %.1f s = %.0f papers/s%n",
                        papers, secs, papers / secs);
                System.out.print(line);
                report.insert(report.indexOf("\n|"), line);
                for (String q : QUERIES) {
                    long total = pgSearch(ds, q);
                    for (int clients : new int[]{1, 8}) {
                        pgSearch(ds, q); // warm-up
                        long[][] lat = measure(clients, Math.max(1, pgRuns / clients) * clients,
                                () -> pgSearch(ds, q));
                        row(report, "PostgreSQL FTS", q, total, clients, lat);
                    }
                }
            }
        }
        System.out.println();
        System.out.println(report);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("results.md"), report);
    }

    private static void feed(PaperGenerator generator, long papers, int threads,
            java.util.function.Consumer<PaperIndex.Catalogued> sink) {
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

    // --- PostgreSQL full-text search on the same papers

    private static void load(DataSource ds, PaperGenerator generator, long papers) throws SQLException, IOException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE papers (id text PRIMARY KEY, title text, abstract text, extra text, year int, "
                    + "published date, journal text, pubtype text, relevance text, sources text[], "
                    + "entity_ids text[], entity_types text[], "
                    + "tsv tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english', title), 'A') || "
                    + "setweight(to_tsvector('english', abstract), 'B') || "
                    + "setweight(to_tsvector('english', extra), 'C')) STORED)");
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder chunk = new StringBuilder();
            for (long i = 0; i < papers; i++) {
                PaperIndexed p = generator.paper(i);
                var paper = p.paper();
                String extra = String.join(" ", paper.keywords()) + " "
                        + p.entities().stream().map(PaperIndexed.EntityCount::name).collect(Collectors.joining(" "))
                        + " " + p.summary().tldr();
                chunk.append(tsv(p.paperId())).append('\t').append(tsv(paper.title())).append('\t')
                        .append(tsv(paper.abstractText())).append('\t').append(tsv(extra)).append('\t')
                        .append(paper.dates().year()).append('\t').append(paper.dates().published()).append('\t')
                        .append(tsv(paper.journal().title())).append('\t')
                        .append(tsv(paper.publicationTypes().get(0))).append('\t')
                        .append(p.summary().relevance().label().name()).append('\t')
                        .append(array(p.sources())).append('\t')
                        .append(array(p.entities().stream().map(PaperIndexed.EntityCount::id).toList())).append('\t')
                        .append(array(p.entities().stream().map(e -> e.type().name()).distinct().toList()))
                        .append('\n');
                if ((i + 1) % 20_000 == 0 || i == papers - 1) {
                    copy.copyIn("COPY papers (id, title, abstract, extra, year, published, journal, pubtype, "
                            + "relevance, sources, entity_ids, entity_types) FROM STDIN",
                            new StringReader(chunk.toString()));
                    chunk.setLength(0);
                    if ((i + 1) % 100_000 == 0) {
                        System.out.println("  loaded into PostgreSQL " + (i + 1));
                    }
                }
            }
            s.execute("CREATE INDEX papers_tsv ON papers USING gin (tsv)");
            s.execute("ANALYZE papers");
        }
    }

    /** One search request as a PostgreSQL-backed service would serve it: ranked page, count and facets. */
    private static long pgSearch(DataSource ds, String q) throws SQLException {
        String top = "SELECT id, ts_rank(tsv, query) AS rank, "
                + "ts_headline('english', title, query, 'StartSel=<mark>, StopSel=</mark>') "
                + "FROM papers, websearch_to_tsquery('english', ?) query WHERE tsv @@ query "
                + "ORDER BY rank DESC, id LIMIT 20";
        String facets = "WITH m AS MATERIALIZED (SELECT year, journal, pubtype, relevance, sources, entity_ids, "
                + "entity_types FROM papers WHERE tsv @@ websearch_to_tsquery('english', ?)) "
                + "SELECT 'total', NULL, count(*) FROM m "
                + "UNION ALL (SELECT 'year', year::text, count(*) FROM m GROUP BY year) "
                + "UNION ALL (SELECT 'journal', journal, count(*) FROM m GROUP BY journal ORDER BY 3 DESC LIMIT 20) "
                + "UNION ALL (SELECT 'pubType', pubtype, count(*) FROM m GROUP BY pubtype) "
                + "UNION ALL (SELECT 'relevance', relevance, count(*) FROM m GROUP BY relevance) "
                + "UNION ALL (SELECT 'source', s, count(*) FROM m, unnest(sources) s GROUP BY s) "
                + "UNION ALL (SELECT 'entityType', t, count(*) FROM m, unnest(entity_types) t GROUP BY t) "
                + "UNION ALL (SELECT 'entity', e, count(*) FROM m, unnest(entity_ids) e GROUP BY e "
                + "ORDER BY 3 DESC LIMIT 20)";
        long total = 0;
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(top)) {
                ps.setString(1, q);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(1);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(facets)) {
                ps.setString(1, q);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if ("total".equals(rs.getString(1))) {
                            total = rs.getLong(3);
                        }
                    }
                }
            }
        }
        return total;
    }

    // --- measurement

    /**
     * Wall-clock latency of each request, and the CPU time the client thread spent on it: on a machine shared with
     * other work, wall time includes waiting for a core, CPU time does not. (For PostgreSQL the work happens in
     * the server process, so only wall time means anything.)
     */
    private static long[][] measure(int clients, int requests, Callable<Long> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
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

    private static void row(StringBuilder report, String engine, String q, long total, int clients, long[][] lat) {
        boolean server = engine.startsWith("PostgreSQL");
        String line = String.format(Locale.ROOT, "| %s | `%s` | %d | %d | %d | %.1f | %.1f | %s | %s |%n", engine, q,
                total, clients, lat[0].length, pct(lat[0], 0.50), pct(lat[0], 0.99),
                server ? "n/a" : String.format(Locale.ROOT, "%.1f", pct(lat[1], 0.50)),
                server ? "n/a" : String.format(Locale.ROOT, "%.1f", pct(lat[1], 0.99)));
        System.out.print(line);
        report.append(line);
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static String tsv(String s) {
        if (s == null) {
            return "\\N";
        }
        return s.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ").replace("\r", " ");
    }

    private static String array(List<String> values) {
        return values.stream().map(v -> "\"" + v.replace("\\", "\\\\\\\\").replace("\"", "\\\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
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
