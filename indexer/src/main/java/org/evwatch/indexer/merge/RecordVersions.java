package org.evwatch.indexer.merge;

import java.time.Instant;
import java.util.Comparator;

import org.evwatch.events.PaperExtracted;
import org.evwatch.events.serde.EventJson;

/**
 * Which of two versions of the same source record is the current one. Decided by the record's own times and
 * versions, never by the order they arrive in: the content fetched later wins; of one fetch, the extraction by the
 * newer extractor, whenever it ran (a re-extraction by an older extractor, an instance not yet upgraded, never replaces
 * a newer one); of one fetch and extractor version, the one extracted later. Identical times fall back to the content
 * so that the choice stays a pure function of the two records.
 */
public final class RecordVersions {

    private static final Comparator<Instant> TIME = Comparator.nullsFirst(Comparator.naturalOrder());

    /** Orders versions from oldest to newest. */
    public static final Comparator<PaperExtracted> OLDEST_FIRST = Comparator
            .comparing((PaperExtracted r) -> r.source().fetchedAt(), TIME)
            .thenComparing(PaperExtracted::extractorVersion, RecordVersions::compareVersions)
            .thenComparing(PaperExtracted::extractedAt, TIME)
            .thenComparing(r -> r.source().contentHash() == null ? "" : r.source().contentHash())
            .thenComparing(RecordVersions::contentDigest);

    private RecordVersions() {
    }

    /** The identity of a source record: the same key means the same record, possibly in another version. */
    public static String recordKey(PaperExtracted record) {
        return record.source().source() + "\u001f" + record.source().sourceRecordId();
    }

    /** The newer of two versions of one source record. */
    public static PaperExtracted newer(PaperExtracted a, PaperExtracted b) {
        return OLDEST_FIRST.compare(a, b) >= 0 ? a : b;
    }

    /** Compares dotted versions number by number ("1.10" is newer than "1.9"). */
    static int compareVersions(String a, String b) {
        String[] x = a.split("[.\\-+]");
        String[] y = b.split("[.\\-+]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "0";
            String q = i < y.length ? y[i] : "0";
            int c = p.matches("\\d{1,18}") && q.matches("\\d{1,18}")
                    ? Long.compare(Long.parseLong(p), Long.parseLong(q))
                    : p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static String contentDigest(PaperExtracted record) {
        return org.evwatch.events.PaperKeys.sha256(EventJson.writeString(record));
    }
}
