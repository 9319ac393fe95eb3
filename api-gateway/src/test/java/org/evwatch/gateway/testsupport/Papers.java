package org.evwatch.gateway.testsupport;

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
}
