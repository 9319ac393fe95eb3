package org.evwatch.events.serde;

import org.evwatch.events.Paper;
import org.evwatch.events.PaperExtracted;
import org.evwatch.events.PaperFetched;
import org.evwatch.events.PaperIndexed;

/**
 * Lengths past which a field is not a value but garbage. Identifiers become record keys, primary keys in PostgreSQL
 * (whose index entries hold some 2,700 bytes) and untokenised Lucene terms (32,766 bytes): a longer one would fail
 * there, late and possibly after part of the record was stored, so it is refused when the record is read. The
 * limits are far above any real DOI, PMID or source id. Payloads, abstracts and bodies are not limited here.
 */
final class EventLimits {

    /** Characters in an identifier: a key, a source id, a content type, a hash, a version. */
    static final int MAX_ID = 1_000;
    /** Characters in a title. */
    static final int MAX_TITLE = 10_000;

    private EventLimits() {
    }

    /** Throws {@link MalformedEventException} naming the first field over its limit. */
    static void check(Object event) {
        if (event instanceof PaperFetched f) {
            ids("source", f.source(), "sourceRecordId", f.sourceRecordId(), "contentType", f.contentType(),
                    "contentHash", f.contentHash(), "watchId", f.watchId());
        } else if (event instanceof PaperExtracted e) {
            ids("paperKey", e.paperKey(), "extractorVersion", e.extractorVersion(), "modelVersion", e.modelVersion(),
                    "source.sourceRecordId", e.source().sourceRecordId());
            paper(e.paper());
        } else if (event instanceof PaperIndexed i) {
            ids("paperId", i.paperId());
            paper(i.paper());
        }
    }

    private static void paper(Paper paper) {
        ids("paper.ids.doi", paper.ids().doi(), "paper.ids.pmid", paper.ids().pmid(), "paper.ids.pmcid",
                paper.ids().pmcid());
        within("paper.title", paper.title(), MAX_TITLE);
    }

    /** Pairs of field name and value. */
    private static void ids(String... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            within(namesAndValues[i], namesAndValues[i + 1], MAX_ID);
        }
    }

    private static void within(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new MalformedEventException("field '" + field + "' is " + value.length()
                    + " characters long, over the limit of " + max);
        }
    }
}
