package org.evwatch.gateway.matching;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.ToIntFunction;

import org.evwatch.events.PaperIndexed;
import org.evwatch.gateway.subscriptions.Subscriptions;
import org.evwatch.gateway.testsupport.Fixtures;

/**
 * How long matching one new paper against many saved queries takes: the cost the gateway pays per
 * {@code papers.indexed} record before anything is streamed or posted, with the brute-force {@link Percolator}
 * (every query searched on the paper's memory index), with the {@link SavedQueryIndex} presearcher, and with the
 * gateway's {@link NewPaperMatcher}, which also hands over the matched subscriptions themselves (the queries saved as
 * that many subscriptions). Run it as a program (see docs/benchmarks.md); it is not a test.
 * <p>
 * Arguments, all optional: {@code sizes=10000,100000} saved queries, {@code papers=2000} for the presearcher,
 * {@code brutePapers=40} for brute force (divided by the size in ten thousands, at least 5),
 * {@code workloads=benchmark,wide} (see {@link PercolatorWorkload}).
 */
public final class PercolatorBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private PercolatorBenchmark() {
    }

    /** Times of one matcher over some papers. */
    private record Run(int papers, double wallSeconds, double cpuSeconds, long[] nanos, long matches) {
        String row(String prefix) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return String.format("%s | %,d | %,.0f | %,.0f | %.3f | %.3f | %,.1f |", prefix, papers,
                    papers / wallSeconds, papers / cpuSeconds, sorted[papers / 2] / 1e6,
                    sorted[(int) (papers * 0.99)] / 1e6, (double) matches / papers);
        }
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = List.of(10_000, 100_000);
        List<String> workloads = List.of("benchmark", "wide");
        int papers = 2000;
        int brutePapers = 40;
        for (String arg : args) {
            String value = arg.substring(arg.indexOf('=') + 1);
            switch (arg.substring(0, arg.indexOf('='))) {
                case "sizes" -> sizes = Arrays.stream(value.split(",")).map(Integer::valueOf).toList();
                case "papers" -> papers = Integer.parseInt(value);
                case "brutePapers" -> brutePapers = Integer.parseInt(value);
                case "workloads" -> workloads = List.of(value.split(","));
                default -> throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        System.out.println("| workload | saved queries | distinct | matcher | papers | papers/s (wall) | papers/CPU-s "
                + "| p50 ms | p99 ms | matches/paper |");
        System.out.println("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|");
        List<String> memory = new ArrayList<>();
        for (String workload : workloads) {
            PercolatorWorkload w = workload.equals("wide") ? PercolatorWorkload.wide() : PercolatorWorkload.benchmark();
            for (int size : sizes) {
                memory.add(run(workload, w, size, papers, Math.max(5, brutePapers * 10_000 / size)));
            }
        }
        System.out.println();
        System.out.println("| workload | saved queries | index build s | heap: compiled queries MB | heap: index MB |");
        System.out.println("|---|---:|---:|---:|---:|");
        memory.forEach(System.out::println);
    }

    /** Benchmarks both matchers on one workload and size; returns the memory row. */
    private static String run(String name, PercolatorWorkload w, int size, int paperCount, int bruteCount)
            throws Exception {
        long empty = usedHeap();
        Random random = new Random(42);
        List<Percolator.Compiled> queries = w.queries(random, size);
        long withQueries = usedHeap();
        PaperIndexed base = Fixtures.indexed("exosome-pdac");
        List<PaperIndexed> papers = new ArrayList<>(paperCount);
        for (int i = 0; i < paperCount; i++) {
            papers.add(w.paper(base, random, i));
        }
        long withPapers = usedHeap();
        long buildStart = System.nanoTime();
        SavedQueryIndex<Percolator.Compiled> index = SavedQueryIndex.ofQueries();
        queries.forEach(index::put);
        double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
        long withIndex = usedHeap();

        Percolator percolator = new Percolator();
        List<PaperIndexed> brutePapers = papers.subList(0, Math.min(bruteCount, paperCount));
        checkIdentical(index, percolator, queries, brutePapers);
        String prefix = String.format("| %s | %,d | %,d", name, size, index.distinctQueries());
        System.out.println(time(brutePapers, p -> percolator.match(p, queries).size()).row(prefix + " | brute force"));
        System.out.println(time(papers, p -> index.match(p).size()).row(prefix + " | presearcher"));
        NewPaperMatcher gateway = new NewPaperMatcher();
        List<Subscriptions.Active> subscriptions = queries.stream()
                .map(q -> new Subscriptions.Active(UUID.randomUUID(), q.id(), null, null, q)).toList();
        System.out.println(time(papers, p -> gateway.match(p, subscriptions, List.of()).subscriptions().size())
                .row(prefix + " | gateway's matcher"));
        return String.format("| %s | %,d | %.1f | %.0f | %.0f |", name, size, buildSeconds,
                (withQueries - empty) / 1e6, (withIndex - withPapers) / 1e6);
    }

    /** Refuses to report figures for a presearcher that answers differently from brute force. */
    private static void checkIdentical(SavedQueryIndex<Percolator.Compiled> index, Percolator percolator,
            List<Percolator.Compiled> queries, List<PaperIndexed> papers) {
        for (PaperIndexed p : papers) {
            if (!new HashSet<>(index.match(p).stream().map(Percolator.Compiled::id).toList())
                    .equals(new HashSet<>(percolator.match(p, queries)))) {
                throw new IllegalStateException("presearcher and brute force differ on " + p.paperId());
            }
        }
    }

    private static Run time(List<PaperIndexed> papers, ToIntFunction<PaperIndexed> matcher) {
        for (int i = 0; i < Math.min(2000, papers.size()); i++) {
            matcher.applyAsInt(papers.get(i)); // warm-up: until the JIT has compiled what the matcher runs
        }
        long[] nanos = new long[papers.size()];
        long matched = 0;
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < papers.size(); i++) {
            long t = System.nanoTime();
            matched += matcher.applyAsInt(papers.get(i));
            nanos[i] = System.nanoTime() - t;
        }
        // Wall figures suffer from other work on a shared machine; per CPU-second is the per-core rate.
        return new Run(papers.size(), (System.nanoTime() - start) / 1e9,
                (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9, nanos, matched);
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
