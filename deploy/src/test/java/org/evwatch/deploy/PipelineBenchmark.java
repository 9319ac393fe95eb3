package org.evwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline's throughput: drops N generated PubMed papers into the inbox of a local runtime (each part its
 * own process, as {@code deploy/run.sh} runs them) and reports how fast they reach the catalog, with the CPU each
 * process used meanwhile, so the report names the part that limits the rate. Not part of {@code verify}: run it by
 * name (docs/benchmarks.md, "End-to-end pipeline"). {@code -Devwatch.bench.papers=N} sets N (default 20,000).
 * The report is printed and written to {@code deploy/target/pipeline-benchmark.txt}.
 */
class PipelineBenchmark {

    static final int PAPERS = Integer.getInteger("evwatch.bench.papers", 20_000);
    static final long FIRST_PMID = 93_000_000L;
    static final Path ROOT = Path.of(System.getProperty("evwatch.root", "..")).toAbsolutePath().normalize();
    static final Path RUNTIME = ROOT.resolve("deploy/target/pipeline-benchmark-runtime");
    static LocalStack stack;

    /** When the catalog reached a count. */
    record Sample(long nanos, long papers) {
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void papersPerSecondToTheCatalog() throws Exception {
        Folders.deleteTree(RUNTIME);
        Path lib = Path.of(System.getProperty("evwatch.lib", ROOT.resolve("deploy/target/lib").toString()));
        stack = new LocalStack(LocalStack.Settings.ephemeral(ROOT, RUNTIME, lib)).start();
        // Written outside the inbox and moved in at once, so that writing them is not part of the time measured.
        Path staging = RUNTIME.resolve("staging");
        List<Path> files = new PubmedGenerator(5).writeFiles(staging, PAPERS, 500, FIRST_PMID);
        Map<String, Double> cpuBefore = cpuSeconds();
        long start = System.nanoTime();
        for (Path f : files) {
            Files.move(f, stack.inbox().resolve(f.getFileName()));
        }
        List<Sample> samples = follow(start, Duration.ofMinutes(Math.max(10, PAPERS / 600)));
        Map<String, Double> cpuAfter = cpuSeconds();
        String report = report(samples, cpuBefore, cpuAfter);
        System.out.println(report);
        Files.writeString(ROOT.resolve("deploy/target/pipeline-benchmark.txt"), report);
        assertThat(samples.get(samples.size() - 1).papers()).as("papers in the catalog").isEqualTo(PAPERS);
        assertThat(stack.deadLetters()).as("records on the dead-letter topics").isEmpty();
    }

    /** Polls the catalog's count every half second until it holds every paper or time is up. */
    private static List<Sample> follow(long start, Duration atMost) throws InterruptedException {
        List<Sample> samples = new ArrayList<>();
        long deadline = start + atMost.toNanos();
        long papers = 0;
        while (papers < PAPERS && System.nanoTime() < deadline) {
            Thread.sleep(500);
            papers = Math.max(papers, GatewayProbe.papers(stack));
            samples.add(new Sample(System.nanoTime() - start, papers));
        }
        return samples;
    }

    /** The papers/s overall and between 10% and 90% of the papers, and each process's share of one core. */
    private static String report(List<Sample> samples, Map<String, Double> before, Map<String, Double> after) {
        Sample last = samples.get(samples.size() - 1);
        Sample from = firstReaching(samples, PAPERS / 10);
        Sample to = firstReaching(samples, PAPERS * 9L / 10);
        double seconds = last.nanos() / 1e9;
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "papers: %d of %d in the catalog after %.1f s: %.1f papers/s%n",
                last.papers(), PAPERS, seconds, last.papers() / seconds));
        if (from != null && to != null && to.nanos() > from.nanos()) {
            out.append(String.format(Locale.ROOT, "steady (10%%..90%%): %.1f papers/s%n",
                    (to.papers() - from.papers()) / ((to.nanos() - from.nanos()) / 1e9)));
        }
        out.append(String.format(Locale.ROOT, "cores: %d, load average at the end: %s%n",
                Runtime.getRuntime().availableProcessors(), loadAverage()));
        out.append("CPU per process over the run (100% = one core), and per paper:\n");
        for (Map.Entry<String, Double> e : after.entrySet()) {
            double used = e.getValue() - before.getOrDefault(e.getKey(), 0.0);
            out.append(String.format(Locale.ROOT, "  %-12s %7.1f s  %5.0f%%  %6.2f ms/paper%n", e.getKey(), used,
                    100 * used / seconds, 1000 * used / Math.max(1, last.papers())));
        }
        return out.toString();
    }

    /** The 1-minute load average: other work on the machine slows every process of the runtime. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static Sample firstReaching(List<Sample> samples, long papers) {
        return samples.stream().filter(s -> s.papers() >= papers).findFirst().orElse(null);
    }

    /** CPU seconds (user and system) used so far by each process of the runtime, PostgreSQL with its backends. */
    private static Map<String, Double> cpuSeconds() throws IOException {
        Map<String, Double> cpu = new LinkedHashMap<>();
        for (String line : Files.readAllLines(RUNTIME.resolve("pids"))) {
            String[] parts = line.trim().split(" ", 2);
            cpu.put(parts[1], cpuOf(Long.parseLong(parts[0])));
        }
        long postmaster = Long.parseLong(Files.readAllLines(RUNTIME.resolve("postgres/postmaster.pid")).get(0).trim());
        double postgres = cpuOf(postmaster);
        for (ProcessHandle child : ProcessHandle.of(postmaster).map(p -> p.descendants().toList())
                .orElse(List.of())) {
            postgres += cpuOf(child.pid());
        }
        cpu.put("postgres", postgres);
        return cpu;
    }

    /** From /proc/PID/stat: utime and stime, in clock ticks of 1/100 s; 0 for a process that is gone. */
    static double cpuOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
