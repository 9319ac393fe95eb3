package org.evwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Kills each part of the running system with SIGKILL while papers flow through it, restarts it, and checks that
 * nothing was lost or doubled: every generated paper is in the catalog exactly once and no record reached a
 * dead-letter topic. The parts are separate processes, as in the local runtime: Kafka, PostgreSQL and the four
 * services.
 *
 * <p>
 * {@code -Devwatch.faults.papers=N} sets how many papers flow (default 1,200: a few minutes on 2 cores); the figures of
 * longer runs are in docs/reliability.md.
 */
class FaultInjectionIT {

    static final int PAPERS = Integer.getInteger("evwatch.faults.papers", 1200);
    static final long FIRST_PMID = 92_000_000L;
    /** What is killed, in turn ({@code -Devwatch.faults.victims=a,b,...}). */
    static final List<String> VICTIMS = List.of(System.getProperty("evwatch.faults.victims",
            "extractor,indexer,postgres,kafka,fetcher,api-gateway,indexer").split(","));
    static final Path ROOT = Path.of(System.getProperty("evwatch.root", "..")).toAbsolutePath().normalize();
    static LocalStack stack;

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void killingEachPartMidStreamLosesAndDoublesNothing() throws Exception {
        Path runtime = ROOT.resolve("deploy/target/fault-injection-runtime");
        Folders.deleteTree(runtime);
        Path lib = Path.of(System.getProperty("evwatch.lib", ROOT.resolve("deploy/target/lib").toString()));
        stack = new LocalStack(LocalStack.Settings.ephemeral(ROOT, runtime, lib)).start();
        new PubmedGenerator(11).writeFiles(stack.inbox(), PAPERS, 100, FIRST_PMID);

        List<String> log = new ArrayList<>();
        long step = Math.max(10, PAPERS / (VICTIMS.size() + 2));
        for (String victim : VICTIMS) {
            long before = papersInCatalog();
            awaitOrDiagnose(log, Duration.ofMinutes(4), Math.min(PAPERS, before + step));
            long at = papersInCatalog();
            stack.kill(victim);
            Thread.sleep(1000);
            stack.restart(victim);
            log.add(victim + " killed at " + at + " papers");
        }
        awaitOrDiagnose(log, Duration.ofMinutes(6), PAPERS);
        Thread.sleep(2000);

        assertThat(papersInCatalog()).as("every paper once; %s", log).isEqualTo(PAPERS);
        Set<Long> expected = LongStream.range(FIRST_PMID, FIRST_PMID + PAPERS).boxed().collect(Collectors.toSet());
        assertThat(GatewayProbe.pmids(stack, FIRST_PMID, FIRST_PMID + PAPERS)).as("the generated papers, each once")
                .isEqualTo(expected);
        assertThat(stack.deadLetters()).as("records on the dead-letter topics").isEmpty();
    }

    /** Waits for the catalog to reach {@code papers}; if it does not, fails with what each service says of itself. */
    private static void awaitOrDiagnose(List<String> log, Duration atMost, long papers) {
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() -> papersInCatalog() >= papers);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            StringBuilder state = new StringBuilder("catalog never reached " + papers + " papers; " + log);
            for (String service : List.of("fetcher", "extractor", "indexer", "api-gateway")) {
                state.append("\n").append(service).append(" health: ").append(internal(service, "/q/health"));
            }
            state.append("\nindexer stats: ").append(internal("indexer", "/internal/v1/stats"));
            state.append("\ngateway stats: ").append(internal("api-gateway", "/api/v1/stats"));
            throw new AssertionError(state.toString(), e);
        }
    }

    /** A service's answer to {@code path}, sent with the runtime's service token. */
    private static String internal(String service, String path) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(stack.url(service) + path))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + stack.secrets().get(LocalSecrets.INTERNAL_TOKEN)).build();
            var response = java.net.http.HttpClient.newHttpClient().send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return response.statusCode() + " " + (body.length() > 600 ? body.substring(0, 600) + "…" : body);
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static long papersInCatalog() {
        return GatewayProbe.papers(stack);
    }

}
