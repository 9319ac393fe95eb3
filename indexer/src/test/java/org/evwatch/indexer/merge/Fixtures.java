package org.evwatch.indexer.merge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.evwatch.events.PaperExtracted;
import org.evwatch.events.serde.EventJson;

/** Reads the PaperExtracted records under src/test/resources/merge, as they travel on papers.extracted. */
public final class Fixtures {

    private Fixtures() {
    }

    public static PaperExtracted record(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/merge/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return EventJson.read(in.readAllBytes(), PaperExtracted.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
