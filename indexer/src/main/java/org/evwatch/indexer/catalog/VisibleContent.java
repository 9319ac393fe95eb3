package org.evwatch.indexer.catalog;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;

import net.jpountz.xxhash.StreamingXXHash64;
import net.jpountz.xxhash.XXHashFactory;

import org.evwatch.events.PaperIndexed;
import org.evwatch.events.serde.EventJson;
import org.evwatch.indexer.merge.MergedPaper;

/**
 * What readers and subscribers see of a paper: everything a {@code papers.indexed} announcement carries (the paper,
 * its entities with their mention counts, the summary, the sources), without the version, time and kind of change.
 * Two versions with the same visible content are one to a subscriber, so the second is not announced.
 */
final class VisibleContent {

    private VisibleContent() {
    }

    /** The visible content of a merged paper, as JSON. */
    static String json(String paperId, MergedPaper merged, List<PaperIndexed.EntityCount> counts) {
        return EventJson.writeString(visible(paperId, merged, counts));
    }

    /**
     * A 64-bit xxHash (hex) of the visible content's JSON followed by the entities' (with where each is mentioned),
     * written straight into the hash: the same value as of the two texts joined, without building them. It only
     * tells a paper's new version from its last one, so it need not resist forgery, and costs a fraction of a
     * cryptographic digest. A digest stored in another form (the SHA-256 of earlier versions) never equals it: the
     * paper's next version is then compared by its visible content, and the new digest stored.
     */
    static String digest(String paperId, MergedPaper merged, List<PaperIndexed.EntityCount> counts) {
        ObjectWriter writer = EventJson.mapper().writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        try (HashOutput out = new HashOutput()) {
            writer.writeValue(out, visible(paperId, merged, counts));
            writer.writeValue(out, merged.entities());
            return HexFormat.of().toHexDigits(out.hash.getValue());
        } catch (IOException e) {
            throw new IllegalStateException("a merged paper is plain values", e);
        }
    }

    /** The 64-bit xxHash of {@code bytes}, as {@link #digest} gives it. */
    static String hash(byte[] bytes) {
        try (HashOutput out = new HashOutput()) {
            out.write(bytes, 0, bytes.length);
            return HexFormat.of().toHexDigits(out.hash.getValue());
        }
    }

    /** Bytes written into a streaming xxHash64. */
    private static final class HashOutput extends OutputStream {

        private static final XXHashFactory XXHASH = XXHashFactory.fastestJavaInstance();

        private final StreamingXXHash64 hash = XXHASH.newStreamingHash64(0);

        @Override
        public void write(int b) {
            hash.update(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            hash.update(b, off, len);
        }

        @Override
        public void close() {
            hash.close();
        }
    }

    private static PaperIndexed visible(String paperId, MergedPaper merged, List<PaperIndexed.EntityCount> counts) {
        return new PaperIndexed(PaperIndexed.SCHEMA_VERSION, paperId, PaperIndexed.Change.UPDATED, 0, Instant.EPOCH,
                merged.paper(), counts, merged.summary(), merged.sources());
    }

    /** True when the merged paper shows exactly what the last announcement ({@code announcedJson}) showed. */
    static boolean same(String paperId, MergedPaper merged, List<PaperIndexed.EntityCount> counts,
            String announcedJson) {
        if (announcedJson == null) {
            return false;
        }
        PaperIndexed announced = EventJson.read(announcedJson.getBytes(StandardCharsets.UTF_8), PaperIndexed.class);
        return json(paperId, merged, counts).equals(EventJson.writeString(normalised(paperId, announced)));
    }

    private static PaperIndexed normalised(String paperId, PaperIndexed p) {
        return new PaperIndexed(PaperIndexed.SCHEMA_VERSION, paperId, PaperIndexed.Change.UPDATED, 0, Instant.EPOCH,
                p.paper(), p.entities(), p.summary(), p.sources());
    }
}
