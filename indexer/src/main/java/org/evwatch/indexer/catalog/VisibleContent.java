package org.evwatch.indexer.catalog;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;

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
     * A SHA-256 digest (hex) of the visible content's JSON followed by the entities' (with where each is mentioned),
     * written straight into the digest: the same digest as of the two texts joined, without building them.
     */
    static String digest(String paperId, MergedPaper merged, List<PaperIndexed.EntityCount> counts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ObjectWriter writer = EventJson.mapper().writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
                writer.writeValue(out, visible(paperId, merged, counts));
                writer.writeValue(out, merged.entities());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("a merged paper is plain values, and SHA-256 is always available", e);
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
