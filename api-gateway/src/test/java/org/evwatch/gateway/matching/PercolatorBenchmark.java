package org.evwatch.gateway.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.evwatch.events.Paper;
import org.evwatch.events.PaperIndexed;
import org.evwatch.gateway.testsupport.Fixtures;

/**
 * How long matching one new paper against many saved queries takes: the cost the gateway pays per
 * {@code papers.indexed} record before anything is streamed or posted. Run it as a program (see docs/benchmarks.md);
 * it is not a test.
 */
public final class PercolatorBenchmark {

    private static final String[] WORDS = {"exosome", "vesicle", "glioma", "pancreatic", "breast", "biomarker",
            "mirna", "plasma", "serum", "tumour", "metastasis", "proteomic", "liquid", "biopsy", "microglia",
            "immunotherapy", "hypoxia", "cargo", "uptake", "secretion"};
    private static final String[] ENTITIES = {"MESH:D010190", "MESH:D005909", "NCBIGene:2817", "NCBIGene:7157",
            "MIMAT0000076", "EV:subtype/exosome"};

    private PercolatorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int papers = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        System.out.println(
                "| saved queries | papers | papers/s (wall) | papers/CPU-s | p50 ms | p99 ms | matches/paper |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
        for (int queries : new int[]{100, 1_000, 10_000}) {
            // Fewer papers for the largest set, so the run stays within a couple of minutes.
            run(queries, queries >= 10_000 ? Math.max(50, papers / 20) : papers);
        }
    }

    private static void run(int queryCount, int paperCount) throws Exception {
        Random random = new Random(42);
        List<Percolator.Compiled> queries = new ArrayList<>(queryCount);
        for (int i = 0; i < queryCount; i++) {
            queries.add(Percolator.Compiled.of("s" + i, query(random, i), filters(random, i)));
        }
        PaperIndexed base = Fixtures.indexed("exosome-pdac");
        List<PaperIndexed> papers = new ArrayList<>(paperCount);
        for (int i = 0; i < paperCount; i++) {
            papers.add(variant(base, random, i));
        }
        Percolator percolator = new Percolator();
        for (int i = 0; i < Math.min(100, paperCount); i++) {
            percolator.match(papers.get(i), queries); // warm-up
        }
        long[] nanos = new long[paperCount];
        long matched = 0;
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < paperCount; i++) {
            long t = System.nanoTime();
            matched += percolator.match(papers.get(i), queries).size();
            nanos[i] = System.nanoTime() - t;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        Arrays.sort(nanos);
        // Wall figures suffer from other work on a shared machine; per CPU-second is the per-core rate.
        System.out.printf("| %,d | %,d | %,.0f | %,.0f | %.2f | %.2f | %.1f |%n", queryCount, paperCount,
                paperCount / seconds, paperCount / cpuSeconds, nanos[paperCount / 2] / 1e6,
                nanos[(int) (paperCount * 0.99)] / 1e6, (double) matched / paperCount);
    }

    private static String query(Random r, int i) {
        String a = WORDS[r.nextInt(WORDS.length)];
        String b = WORDS[r.nextInt(WORDS.length)];
        return switch (i % 5) {
            case 0 -> a + " " + b;
            case 1 -> "\"" + a + " " + b + "\"";
            case 2 -> "(" + a + " OR " + b + ") AND entity:\"" + ENTITIES[r.nextInt(ENTITIES.length)] + "\"";
            case 3 -> "title:" + a + " -" + b;
            default -> a + " AND year:[2010 TO 2026]";
        };
    }

    private static SearchFilters filters(Random r, int i) {
        return i % 3 == 0
                ? new SearchFilters(null, List.of("DISEASE"), null, null, null, null, null, List.of("RELEVANT"))
                : SearchFilters.NONE;
    }

    private static PaperIndexed variant(PaperIndexed base, Random r, int i) {
        Paper p = base.paper();
        StringBuilder title = new StringBuilder();
        for (int w = 0; w < 10; w++) {
            title.append(WORDS[r.nextInt(WORDS.length)]).append(' ');
        }
        Paper paper = new Paper(p.ids(), title.toString().trim(), p.abstractSections(), p.authors(), p.journal(),
                p.dates(), p.publicationTypes(), p.keywords(), p.meshHeadings(), p.license(), p.language(), p.url(),
                p.body());
        return new PaperIndexed(base.schemaVersion(), "bench-" + i, base.change(), 1, base.indexedAt(), paper,
                base.entities(), base.summary(), base.sources());
    }
}
