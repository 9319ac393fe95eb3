package org.evwatch.gateway.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.evwatch.events.Paper;
import org.evwatch.events.PaperExtracted;
import org.evwatch.events.PaperIndexed;
import org.evwatch.events.SourceRecord;
import org.evwatch.events.serde.EventJson;
import org.evwatch.indexer.api.PaperView;

/** Papers written as the indexer serves them, from {@code src/test/resources/papers}. */
public final class Fixtures {

    /** The papers under {@code src/test/resources/papers}. */
    public static final List<String> PAPERS = List.of("exosome-pdac", "glioma-ev-mirna", "preprint-minimal");

    private Fixtures() {
    }

    public static PaperView paper(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/papers/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return EventJson.mapper().readValue(in, PaperView.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The {@code papers.extracted} record the indexer turns into the fixture paper: its first source record, keyed by
     * the fixture's catalog id so that the indexer gives the paper that id. A fixture's {@code body} (not part of the
     * paper view) is the record's full text.
     */
    public static PaperExtracted extracted(String name) {
        PaperView view = paper(name);
        PaperView.SourceView source = view.sources().get(0);
        Paper paper = new Paper(view.ids(), view.title(), view.abstractSections(), view.authors(), view.journal(),
                view.dates(), view.publicationTypes(), view.keywords(), view.meshHeadings(), view.license(),
                view.language(), view.url(), body(name));
        return new PaperExtracted(PaperExtracted.SCHEMA_VERSION, view.id(), source.extractorVersion(),
                new SourceRecord(source.source(), source.sourceRecordId(), source.contentType(), null,
                        source.fetchedAt(), source.sourceUrl(), source.watchId()),
                paper, view.entities(), view.summary(), source.extractedAt());
    }

    private static List<Paper.BodySection> body(String name) {
        try {
            List<Paper.BodySection> body = new ArrayList<>();
            for (JsonNode section : EventJson.mapper().readTree(bytes("/papers/" + name + ".json")).path("body")) {
                body.add(new Paper.BodySection(section.path("title").asText(null), section.path("text").asText()));
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A {@code papers.indexed} record from {@code src/test/resources/indexed}. */
    public static PaperIndexed indexed(String name) {
        return EventJson.read(bytes("/indexed/" + name + ".json"), PaperIndexed.class);
    }

    public static byte[] bytes(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
