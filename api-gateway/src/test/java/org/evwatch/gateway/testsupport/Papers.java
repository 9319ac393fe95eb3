package org.evwatch.gateway.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.evwatch.events.PaperIndexed;
import org.evwatch.events.Topics;
import org.evwatch.events.serde.EventJson;
import org.evwatch.testing.TestKafka;

/** Publishes {@code papers.indexed} records to the real test broker. */
public final class Papers {

    private Papers() {
    }

    /** The fixture paper under a fresh id, as a new paper indexed now. */
    public static PaperIndexed fresh(String fixture, String title) {
        PaperIndexed base = Fixtures.indexed(fixture);
        var p = base.paper();
        var paper = new org.evwatch.events.Paper(p.ids(), title == null ? p.title() : title, p.abstractSections(),
                p.authors(), p.journal(), p.dates(), p.publicationTypes(), p.keywords(), p.meshHeadings(), p.license(),
                p.language(), p.url(), p.body());
        return new PaperIndexed(PaperIndexed.SCHEMA_VERSION, "p-" + UUID.randomUUID(), PaperIndexed.Change.CREATED,
                1, Instant.now(), paper, base.entities(), base.summary(), base.sources());
    }

    public static void publish(PaperIndexed paper) {
        TestKafka.send(Topics.PAPERS_INDEXED, paper.paperId(), EventJson.write(paper));
    }

    /**
     * Waits until the gateway's consumer reads {@code papers.indexed}: a warm-up paper is published until a live
     * stream of the gateway at {@code base} shows one.
     */
    public static void awaitConsumer(String base) throws Exception {
        try (SseClient warm = new SseClient(base + "api/v1/stream?q=warmup")) {
            assertThat(warm.next(":", Duration.ofSeconds(15))).isNotNull();
            String line = null;
            for (int i = 0; i < 12 && line == null; i++) {
                publish(fresh("exosome-pdac", "Warmup paper on exosomes"));
                line = warm.next("data:", Duration.ofSeconds(15));
            }
            assertThat(line).as("the gateway consumes papers.indexed").isNotNull();
        }
    }
}
