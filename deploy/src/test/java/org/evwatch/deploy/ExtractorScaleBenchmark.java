package org.evwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import org.evwatch.events.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The extractor scaled out on the local runtime's broker: a backlog of N generated PubMed papers is loaded into
 * papers.fetched once (through the fetcher's inbox), then 1, 2, ... extractor processes read all of it, each round
 * as a consumer group of its own (so every round reads the same records, from the broker's page cache); the report
 * gives per instance count the papers/s while every instance holds partitions, which partitions each holds, the
 * CPU-seconds of each process, and the speed-up per second and per CPU-second. Then a kill run: one of M extractors is
 * killed with SIGKILL mid-backlog; the report gives the time until the others hold its partitions and commit on them
 * again, and counts every paper id in papers.extracted or its dead-letter topic (duplicates counted). Not part of
 * {@code verify}: run it by name (docs/benchmarks.md, "Extractor: scaling out"). {@code -Devwatch.bench.papers=N}
 * (default 50,000), {@code -Devwatch.bench.extractors=K} (rounds of 1..K instances, default 3),
 * {@code -Devwatch.bench.kill-of=M} (default 2). The report is printed and written to
 * {@code deploy/target/extractor-scale-benchmark.txt}.
 */
class ExtractorScaleBenchmark {

    static final int PAPERS = Integer.getInteger("evwatch.bench.papers", 50_000);
    static final int MOST = Integer.getInteger("evwatch.bench.extractors", 3);
    static final int KILL_OF = Integer.getInteger("evwatch.bench.kill-of", 2);
    static final long FIRST_PMID = 95_000_000L;
    static LocalStack stack;
    static RuntimeProcesses processes;

    /** One round: its instances, the window in which all of them held partitions, and what each used in it. */
    record Round(List<String> names, Map<String, Set<Integer>> assignment, long papers, double seconds,
            Map<String, Double> cpu, Map<String, Double> peakMb) {

        double rate() {
            return papers / seconds;
        }

        double extractorCpu() {
            return names.stream().mapToDouble(n -> cpu.getOrDefault(n, 0.0)).sum();
        }
    }

    /** The kill run: when the victim died, when its partitions were held and committed on again, what arrived. */
    record Takeover(String victim, Set<Integer> partitions, long extractedAtKill, double heldAfter,
            double committedAfter, ExtractionAccount account) {
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void extractorsScaleOutAndTakeOverADeadOnesPartitions() throws Exception {
        stack = new LocalStack(Folders.ephemeralRuntime("extractor-scale-runtime")).start(List.of("fetcher"));
        processes = new RuntimeProcesses(stack.settings().runtime());
        double loading = loadBacklog();
        List<Round> rounds = new ArrayList<>();
        for (int n = 1; n <= MOST; n++) {
            rounds.add(round(n));
        }
        Takeover takeover = killRun(KILL_OF);
        String report = ScaleReport.text(PAPERS, loading, rounds, takeover);
        System.out.println(report);
        Files.writeString(Folders.ROOT.resolve("deploy/target/extractor-scale-benchmark.txt"), report);
        assertThat(takeover.account().missing()).as("papers lost; %s", takeover.account()).isEmpty();
        assertThat(takeover.account().fetched()).as("papers on papers.fetched").isEqualTo(PAPERS);
    }

    /** Writes the papers outside the inbox, moves them in, waits for all on papers.fetched, stops the fetcher. */
    private static double loadBacklog() throws Exception {
        List<Path> files = new PubmedGenerator(5).writeFiles(stack.settings().runtime().resolve("staging"), PAPERS, 500,
                FIRST_PMID);
        long start = System.nanoTime();
        for (Path f : files) {
            Files.move(f, stack.inbox().resolve(f.getFileName()));
        }
        // Each paper is one record on papers.fetched: the records are the papers once the inbox is empty.
        await().atMost(Duration.ofMinutes(Math.max(10, PAPERS / 200))).pollInterval(Duration.ofSeconds(1))
                .until(() -> sum(TopicRecords.endOffsets(stack, Topics.PAPERS_FETCHED)) >= PAPERS);
        assertThat(FetchedRecords.firstPositions(stack)).as("papers on papers.fetched").hasSize(PAPERS);
        double seconds = (System.nanoTime() - start) / 1e9;
        stack.stop("fetcher");
        return seconds;
    }

    /** n extractors in a consumer group of their own read the whole backlog; measured while all hold partitions. */
    private static Round round(int n) throws Exception {
        String group = "evwatch-extractor-bench-" + n;
        List<String> names = IntStream.rangeClosed(1, n).mapToObj(i -> "x" + n + "-" + i).toList();
        ExtractionAccount.Mark mark = ExtractionAccount.Mark.now(stack);
        try (ExtractorGroup observed = new ExtractorGroup(stack, group);
                PipelineSampler sampler = new PipelineSampler(stack, processes, () -> 0, () -> 0, System.nanoTime(),
                        List.of(new PipelineSampler.Stage("extractor", group, Topics.PAPERS_FETCHED)))) {
            startExtractors(group, names);
            awaitFor(Duration.ofMinutes(2), () -> observed.heldBy(clientIds(names)));
            Map<String, Set<Integer>> assignment = observed.assignments();
            Map<String, Double> cpuBefore = processes.cpuSeconds();
            long extractedBefore = extractedSince(mark);
            long start = System.nanoTime();
            awaitFor(Duration.ofMinutes(Math.max(10, PAPERS / 100)), () -> extractedSince(mark) >= PAPERS);
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Double> cpu = minus(processes.cpuSeconds(), cpuBefore);
            names.forEach(stack::stop);
            return new Round(names, assignment, PAPERS - extractedBefore, seconds, cpu, peakMb(sampler, names));
        }
    }

    /** M extractors read the backlog in a fresh group; the last is killed once 30% of the papers are extracted. */
    private static Takeover killRun(int m) throws Exception {
        String group = "evwatch-extractor-bench-kill";
        List<String> names = IntStream.rangeClosed(1, m).mapToObj(i -> "k-" + i).toList();
        String victim = names.get(m - 1);
        List<String> survivors = names.subList(0, m - 1);
        ExtractionAccount.Mark mark = ExtractionAccount.Mark.now(stack);
        try (ExtractorGroup observed = new ExtractorGroup(stack, group)) {
            startExtractors(group, names);
            awaitFor(Duration.ofMinutes(2), () -> observed.heldBy(clientIds(names)));
            awaitFor(Duration.ofMinutes(10), () -> extractedSince(mark) >= PAPERS * 3L / 10);
            Set<Integer> partitions = observed.assignments().get(clientId(victim));
            Map<Integer, Long> committedAtKill = observed.committed();
            long extractedAtKill = extractedSince(mark);
            long killed = System.nanoTime();
            stack.kill(victim);
            awaitFor(Duration.ofMinutes(2), () -> observed.heldBy(clientIds(survivors)));
            double held = (System.nanoTime() - killed) / 1e9;
            awaitFor(Duration.ofMinutes(2), () -> {
                Map<Integer, Long> now = observed.committed();
                return partitions.stream().anyMatch(p -> now.get(p) > committedAtKill.get(p));
            });
            double committed = (System.nanoTime() - killed) / 1e9;
            awaitFor(Duration.ofMinutes(Math.max(10, PAPERS / 100)), () -> observed.committedTotal() >= PAPERS);
            survivors.forEach(stack::stop);
            return new Takeover(victim, partitions, extractedAtKill, held, committed,
                    ExtractionAccount.since(stack, mark));
        }
    }

    /** Starts the instances together, so that the first does not read the backlog alone while the others start. */
    private static void startExtractors(String group, List<String> names) throws Exception {
        for (String name : names) {
            stack.environment(name, "MP_MESSAGING_INCOMING_PAPERS_FETCHED_GROUP_ID", group)
                    .environment(name, "EVWATCH_EXTRACTOR_INSTANCE", name);
        }
        stack.startInstances("extractor", names);
    }

    /** Records on papers.extracted since {@code mark}. */
    private static long extractedSince(ExtractionAccount.Mark mark) {
        return sum(TopicRecords.endOffsets(stack, Topics.PAPERS_EXTRACTED)) - sum(mark.extracted());
    }

    private static void awaitFor(Duration atMost, Callable<Boolean> condition) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(condition);
    }

    private static Set<String> clientIds(List<String> names) {
        return Set.copyOf(names.stream().map(ExtractorScaleBenchmark::clientId).toList());
    }

    private static String clientId(String name) {
        return "evwatch-extractor-" + name;
    }

    private static long sum(Map<Integer, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Map<String, Double> minus(Map<String, Double> after, Map<String, Double> before) {
        Map<String, Double> used = new java.util.LinkedHashMap<>();
        after.forEach((name, cpu) -> used.put(name, cpu - before.getOrDefault(name, 0.0)));
        return used;
    }

    private static Map<String, Double> peakMb(PipelineSampler sampler, List<String> names) {
        Map<String, Double> peak = new java.util.LinkedHashMap<>();
        for (String name : names) {
            peak.put(name, sampler.samples().stream().mapToDouble(s -> s.residentMb().getOrDefault(name, 0.0)).max()
                    .orElse(0));
        }
        return peak;
    }
}
