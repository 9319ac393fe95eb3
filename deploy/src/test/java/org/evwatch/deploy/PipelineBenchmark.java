package org.evwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline, each part its own process as {@code deploy/run.sh} runs them, with a subscriber attached (a
 * subscription to every paper, followed on its live stream and by webhook): N generated PubMed papers go into the
 * inbox, all at once or at a set pace, and the report gives the papers/s to searchable and to delivered, each
 * stage's pace and lag over time, the latencies from fetch to searchable and from papers.indexed to the live event
 * and the webhook, and each process's CPU and memory. Not part of {@code verify}: run it by name (docs/benchmarks.md,
 * "End-to-end pipeline"). {@code -Devwatch.bench.papers=N} (default 20,000); {@code -Devwatch.bench.rate=R} feeds R
 * papers/s (default 0: all at once); {@code -Devwatch.bench.warmup=W} reports
 * the latencies of the papers after the first W apart. The report is printed and written to {@code deploy/target/pipeline-benchmark.txt}.
 */
class PipelineBenchmark {

    static final int PAPERS = Integer.getInteger("evwatch.bench.papers", 20_000);
    static final int RATE = Integer.getInteger("evwatch.bench.rate", 0);
    /** The first papers fed, whose latencies are reported apart: the JVMs compile while they go through. */
    static final int WARMUP = Integer.getInteger("evwatch.bench.warmup", 0);
    /** Where each service writes a JDK Flight Recorder profile of the run, when set. */
    static final String PROFILE = System.getProperty("evwatch.bench.profile", "");
    /**
     * The JVM options of each of the four services, space-separated, in place of the local runtime's own (a small
     * heap, the serial collector and the quick compiler alone); e.g. {@code "-Xmx512m -XX:+UseSerialGC"} compiles
     * hot code fully, as the services' images do.
     */
    static final String JVM = System.getProperty("evwatch.bench.jvm", "").trim();
    /**
     * Environment variables for the services, comma-separated {@code SERVICE:NAME=VALUE}; e.g.
     * {@code api-gateway:EVWATCH_GATEWAY_BATCH=50} (the service's settings are documented in its
     * {@code application.properties}).
     */
    static final String ENV = System.getProperty("evwatch.bench.env", "").trim();
    static final long FIRST_PMID = 93_000_000L;
    static final Path ROOT = Path.of(System.getProperty("evwatch.root", "..")).toAbsolutePath().normalize();
    static final Path RUNTIME = ROOT.resolve("deploy/target/pipeline-benchmark-runtime");
    static LocalStack stack;

    /** Stops the runtime; with profiles asked for, summarises them into {@code deploy/target/pipeline-profile.txt}. */
    @AfterAll
    static void stop() throws java.io.IOException {
        if (stack != null) {
            stack.close();
        }
        if (!PROFILE.isEmpty()) {
            Files.writeString(ROOT.resolve("deploy/target/pipeline-profile.txt"),
                    JfrSummary.summariseAll(Path.of(PROFILE).toAbsolutePath(), 30));
        }
    }

    @Test
    void wholePipelineWithASubscriber() throws Exception {
        Folders.deleteTree(RUNTIME);
        Path lib = Path.of(System.getProperty("evwatch.lib", ROOT.resolve("deploy/target/lib").toString()));
        // The subscriber's webhook receiver listens on loopback, which the gateway refuses unless allowed.
        stack = new LocalStack(LocalStack.Settings.ephemeral(ROOT, RUNTIME, lib))
                .environment("api-gateway", "EVWATCH_GATEWAY_WEBHOOKS_ALLOW_LIST", "127.0.0.1/32");
        if (!PROFILE.isEmpty()) {
            profile(stack, Path.of(PROFILE).toAbsolutePath());
        }
        if (!JVM.isEmpty()) {
            LocalStack.SERVICES.forEach(service -> stack.jvmOptions(service, List.of(JVM.split("\\s+"))));
        }
        for (String setting : ENV.isEmpty() ? new String[0] : ENV.split(",")) {
            String[] parts = setting.trim().split("[:=]", 3);
            stack.environment(parts[0], parts[1], parts[2]);
        }
        stack.start();
        RuntimeProcesses processes = new RuntimeProcesses(RUNTIME);
        // Written outside the inbox and moved in, so that writing them is not part of the time measured.
        List<Path> files = new PubmedGenerator(5).writeFiles(RUNTIME.resolve("staging"), PAPERS,
                RATE == 0 ? 500 : Math.max(1, RATE / 10), FIRST_PMID);
        try (WebhookSink webhook = new WebhookSink();
                LiveSubscriber stream = new LiveSubscriber(GatewayProbe.subscribeToEverything(stack, webhook.url()))) {
            Map<String, Double> cpuBefore = processes.cpuSeconds();
            long start = System.nanoTime();
            List<PipelineSampler.Sample> samples;
            try (PipelineSampler sampler = new PipelineSampler(stack, processes, () -> stream.shown().size(),
                    () -> webhook.received().size(), start)) {
                feed(files);
                awaitEverything(sampler, Duration.ofMinutes(Math.max(10, PAPERS / 300)));
                samples = sampler.samples();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Double> cpuAfter = processes.cpuSeconds();
            DeliveryLatencies latencies = new DeliveryLatencies(stack, stream.shown(), webhook.received());
            String report = new PipelineReport(PAPERS, samples)
                    .line("%d papers, %s", PAPERS, RATE == 0 ? "all at once" : "fed at " + RATE + " papers/s")
                    .rates().stages().line("latencies:\n%s", DeliveryLatencies.format(latencies.legs()))
                    .line("latencies after the first %d papers (warm-up):\n%s", WARMUP,
                            DeliveryLatencies.format(latencies.legs(FIRST_PMID + WARMUP)))
                    .processes(cpuBefore, cpuAfter, seconds).timeline().text();
            System.out.println(report);
            Files.writeString(ROOT.resolve("deploy/target/pipeline-benchmark.txt"), report);
            PipelineSampler.Sample last = samples.get(samples.size() - 1);
            assertThat(last.catalog()).as("papers in the catalog").isEqualTo(PAPERS);
            assertThat(stream.shown().stream().map(LiveSubscriber.Shown::pmid).distinct().count())
                    .as("papers on the live stream").isEqualTo(PAPERS);
            assertThat(webhook.received().stream().map(WebhookSink.Received::pmid).distinct().count())
                    .as("papers posted to the webhook").isEqualTo(PAPERS);
        }
        assertThat(stack.deadLetters()).as("records on the dead-letter topics").isEmpty();
    }

    /** Each service records a profile, written when it stops (at the end of the run). */
    static void profile(LocalStack stack, Path dir) throws java.io.IOException {
        Files.createDirectories(dir);
        for (String service : LocalStack.SERVICES) {
            stack.environment(service, "JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=dumponexit=true,settings=profile,"
                    + "filename=" + dir.resolve(service + ".jfr"));
        }
    }

    /** Moves the files into the inbox: all at once, or one every tenth of a second at a set pace. */
    private static void feed(List<Path> files) throws Exception {
        long next = System.nanoTime();
        for (Path f : files) {
            if (RATE > 0) {
                Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
                next += 100_000_000L;
            }
            Files.move(f, stack.inbox().resolve(f.getFileName()));
        }
    }

    /** Until every paper is in the catalog, on the live stream and at the webhook, or time is up. */
    private static void awaitEverything(PipelineSampler sampler, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            PipelineSampler.Sample s = sampler.last();
            if (s != null && s.catalog() >= PAPERS && s.streamed() >= PAPERS && s.posted() >= PAPERS) {
                return;
            }
            Thread.sleep(500);
        }
    }
}
