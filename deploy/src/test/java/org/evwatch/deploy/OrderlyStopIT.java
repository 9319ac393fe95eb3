package org.evwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Stopping the local runtime the way an operator does ({@code deploy/stop.sh} or Ctrl-C: SIGTERM to the launcher)
 * while a backlog is in flight loses nothing: after a restart every paper is in the catalog once, and no record went
 * to a dead-letter topic. The launcher runs as its own process, as {@code deploy/run.sh} starts it, on ports moved by
 * {@value #PORT_OFFSET} so it can run beside a local runtime on the standard ports.
 */
class OrderlyStopIT {

    static final int PORT_OFFSET = 21000;
    static final int PAPERS = 600;
    static final long FIRST_PMID = 91_000_000L;
    static final Path ROOT = Path.of(System.getProperty("evwatch.root", "..")).toAbsolutePath().normalize();
    static final Path RUNTIME = ROOT.resolve("deploy/target/orderly-stop-runtime");

    static final LocalStack.Settings SETTINGS = LocalStack.Settings.standard(ROOT, RUNTIME,
            Path.of(System.getProperty("evwatch.lib", ROOT.resolve("deploy/target/lib").toString())),
            java.util.Optional.empty(), "evwatch", "evwatch", PORT_OFFSET);
    /** Only for its HTTP and Kafka helpers: the launcher process starts and stops everything. */
    static final LocalStack VIEW = new LocalStack(SETTINGS);
    static final List<Process> launchers = new ArrayList<>();

    @AfterAll
    static void stopLeftovers() throws InterruptedException {
        for (Process p : launchers) {
            if (p.isAlive()) {
                p.destroy();
                p.waitFor(90, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aStopWithABacklogInFlightLosesNothing() throws Exception {
        Folders.deleteTree(RUNTIME);
        Process first = launch("first");
        long samples = papersInCatalog();
        new PubmedGenerator(7).writeFiles(VIEW.inbox(), PAPERS, 100, FIRST_PMID);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> papersInCatalog() >= samples + 20);
        long atStop = papersInCatalog();
        stop(first);
        assertThat(atStop).as("papers in the catalog at the stop: the backlog must still be in flight")
                .isLessThan(samples + PAPERS);

        Process second = launch("second");
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(1))
                .until(() -> papersInCatalog() >= samples + PAPERS);
        Thread.sleep(2000);
        assertThat(papersInCatalog()).as("every paper once").isEqualTo(samples + PAPERS);
        Set<Long> expected = LongStream.range(FIRST_PMID, FIRST_PMID + PAPERS).boxed().collect(Collectors.toSet());
        assertThat(GatewayProbe.pmids(VIEW, FIRST_PMID, FIRST_PMID + PAPERS)).as("the generated papers, each once")
                .isEqualTo(expected);
        assertThat(VIEW.deadLetters()).as("records on the dead-letter topics").isEmpty();
        stop(second);
    }

    /** Starts the launcher as deploy/run.sh does and waits until it says the system runs. */
    private static Process launch(String name) throws Exception {
        Files.createDirectories(RUNTIME);
        Path out = RUNTIME.resolve("launcher-" + name + ".log");
        String classpath = System.getProperty("evwatch.classes", ROOT.resolve("deploy/target/classes").toString())
                + ":" + SETTINGS.kafkaLib() + "/*";
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", classpath, LocalRuntime.class.getName(),
                ROOT.toString()).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("EVWATCH_RUNTIME_DIR", RUNTIME.toString());
        pb.environment().put("EVWATCH_PORT_OFFSET", String.valueOf(PORT_OFFSET));
        pb.environment().remove("EVWATCH_DB_URL");
        Process launcher = pb.start();
        launchers.add(launcher);
        await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            assertThat(launcher.isAlive()).as("launcher alive; see " + out).isTrue();
            return Files.readString(out).contains("EVwatch is running");
        });
        return launcher;
    }

    /** SIGTERM, as deploy/stop.sh sends it, and the launcher stops everything it started before it exits. */
    private static void stop(Process launcher) throws InterruptedException {
        List<ProcessHandle> children = launcher.descendants().toList();
        launcher.destroy();
        assertThat(launcher.waitFor(120, TimeUnit.SECONDS)).as("launcher stopped").isTrue();
        assertThat(children).as("processes the launcher started").noneMatch(ProcessHandle::isAlive);
    }

    private static long papersInCatalog() {
        return GatewayProbe.papers(VIEW);
    }

}
