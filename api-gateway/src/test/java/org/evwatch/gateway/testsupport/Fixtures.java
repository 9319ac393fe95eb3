package org.evwatch.gateway.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.evwatch.events.PaperIndexed;
import org.evwatch.events.serde.EventJson;
import org.evwatch.gateway.model.PaperView;

/** Papers written as the indexer serves them, from {@code src/test/resources/papers}. */
public final class Fixtures {

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
