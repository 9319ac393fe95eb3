package org.evwatch.fetcher.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.evwatch.events.PaperFetched;

/** Fixtures this project wrote, from src/test/resources, and a sink that keeps what it is given. */
final class Fixtures {

    private Fixtures() {
    }

    static String text(String resource) {
        try (InputStream in = Objects.requireNonNull(Fixtures.class.getResourceAsStream("/" + resource),
                resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final class Collecting implements RecordSink {

        final List<PaperFetched> records = new ArrayList<>();

        @Override
        public void accept(PaperFetched record) {
            records.add(record);
        }

        List<String> ids() {
            return records.stream().map(PaperFetched::sourceRecordId).toList();
        }
    }
}
