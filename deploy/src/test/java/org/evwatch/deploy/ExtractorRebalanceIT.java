package org.evwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Two extractor processes share papers.fetched with the production configuration (a 6 s group session, the
 * cooperative assignor) on the local runtime's broker; one is killed with SIGKILL while papers flow, so it never
 * leaves the group. Its partitions must be taken by the other within {@link #BOUND} (the typical figure is in
 * docs/benchmarks.md, "Extractor: scaling out"; with Kafka's default session they stood still for 45 s), and every
 * paper must reach papers.extracted or its dead-letter topic.
 */
class ExtractorRebalanceIT {

    static final int PAPERS = 3000;
    static final long FIRST_PMID = 94_000_000L;
    /** Well above the 6-9 s the takeover takes, so that a crowded machine does not fail it. */
    static final Duration BOUND = Duration.ofSeconds(20);

    @Test
    void aKilledExtractorsPartitionsAreTakenWithinTheBoundAndNothingIsLost() throws Exception {
        try (LocalStack stack = new LocalStack(Folders.ephemeralRuntime("extractor-rebalance-runtime"))
                .environment("extractor-a", "EVWATCH_EXTRACTOR_INSTANCE", "a")
                .environment("extractor-b", "EVWATCH_EXTRACTOR_INSTANCE", "b");
                ExtractorGroup group = new ExtractorGroup(stack, "evwatch-extractor")) {
            stack.start(List.of("fetcher"));
            stack.startInstances("extractor", List.of("extractor-a", "extractor-b"));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> group.heldBy(Set.of("evwatch-extractor-a", "evwatch-extractor-b")));
            ExtractionAccount.Mark mark = ExtractionAccount.Mark.now(stack);
            new PubmedGenerator(13).writeFiles(stack.inbox(), PAPERS, 100, FIRST_PMID);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> group.committedTotal() >= PAPERS / 10);
            long committedAtKill = group.committedTotal();
            long killed = System.nanoTime();
            stack.kill("extractor-b");
            await().atMost(BOUND).pollInterval(Duration.ofMillis(100))
                    .until(() -> group.heldBy(Set.of("evwatch-extractor-a")));
            Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
            System.out.printf("extractor-b killed at %d committed; its partitions taken by extractor-a after %.1f s%n",
                    committedAtKill, takeover.toMillis() / 1000.0);
            assertThat(committedAtKill).as("killed mid-backlog").isLessThan(PAPERS);
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                    .until(() -> group.committedTotal() >= PAPERS);
            ExtractionAccount account = ExtractionAccount.since(stack, mark);
            System.out.println("after the kill: " + account);
            assertThat(account.fetched()).as("papers on papers.fetched").isEqualTo(PAPERS);
            assertThat(account.missing()).as("papers neither extracted nor dead-lettered; %s", account).isEmpty();
            assertThat(account.deadLettered()).as("records dead-lettered; %s", account).isZero();
        }
    }
}
